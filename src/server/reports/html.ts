// A report as one self-contained HTML page (no script, no external resource), in the manner of the
// OSCE SMM daily report: "based on information in the log as of <cut-off>", each figure against
// the previous reporting period with its change level, the monitors' restrictions in their own
// section, and hedged verbs: incidents without a released finding are "reported", allegations are
// "alleged", never "occurred". Two SVG bar charts (events per day, by type). The headings make the
// PDF's outline (pdf.ts). Every text from the mission or its records is escaped: untrusted text is
// never markup.
import { EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import { CHANGE_WORDS, type Change } from './change-level.js';
import type { PeriodReport } from './report-types.js';
import type { AllegationItem, ReportSections } from './sections.js';

const ESC: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

const label = (t: string) =>
  Object.hasOwn(EVENT_TYPES, t) ? EVENT_TYPES[t as EventType].label : t;

/** A horizontal bar chart as SVG (one bar per entry). */
export function barChart(title: string, entries: [string, number][]): string {
  if (entries.length === 0) return `<p>${esc(title)}: none to chart.</p>`;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const row = 18;
  const h = entries.length * row + 24;
  const bars = entries
    .map(
      ([k, n], i) =>
        `<text x="0" y="${i * row + 34}" font-size="11">${esc(k)}</text>` +
        `<rect x="170" y="${i * row + 24}" width="${Math.round((n / max) * 300)}" height="12" fill="#3b6ea5"/>` +
        `<text x="${176 + Math.round((n / max) * 300)}" y="${i * row + 34}" font-size="11">${n}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="520" height="${h}" style="max-width:100%;height:auto" viewBox="0 0 520 ${h}"><title>${esc(title)}</title><text x="0" y="14" font-size="13" font-weight="bold">${esc(title)}</text>${bars}</svg>`;
}

// No percentage without a previous count: "new" when there are some now, "none" when neither
// period had any (a sector with no incident on either day is not "new").
const pct = (c: Change) =>
  c.percent !== null ? `${c.percent > 0 ? '+' : ''}${c.percent}%` : c.current > 0 ? 'new' : 'none';

function changeCell(c: Change): string {
  return `<td>${c.current}</td><td>${c.previous}</td><td>${esc(pct(c))}</td><td>${CHANGE_WORDS[c.level]}</td>`;
}

/** "3 (previous reporting period: 5; limited change)". */
const against = (c: Change) =>
  `${c.current} (previous reporting period: ${c.previous}; ${CHANGE_WORDS[c.level]})`;

function changeTable(
  caption: string,
  changes: Record<string, Change>,
  name: (k: string) => string,
): string {
  const rows = Object.entries(changes)
    .map(([k, c]) => `<tr><th scope="row">${esc(name(k))}</th>${changeCell(c)}</tr>`)
    .join('');
  if (!rows) return `<p>None in either period.</p>`;
  return `<div class="wrap"><table><caption>${esc(caption)}</caption><thead><tr><th scope="col"></th><th scope="col">This period</th><th scope="col">Previous</th><th scope="col">Change</th><th scope="col">Level</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A plain table; every cell is escaped. */
function table(caption: string, head: string[], rows: (string | number)[][]): string {
  if (rows.length === 0) return '';
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<div class="wrap"><table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const DEADLINE_WORDS: Record<string, string> = {
  answered: 'answered in time',
  answered_late: 'answered late',
  pending: 'response pending',
  missed: 'no response; overdue',
};

const allegationRows = (xs: AllegationItem[]) =>
  xs.map((a) => [
    a.at.slice(0, 16).replace('T', ' '),
    a.by,
    a.accused,
    a.incidentTitle,
    a.terms.join(', ') || '—',
    a.responseDue ? a.responseDue.slice(0, 16).replace('T', ' ') : 'not yet known',
    DEADLINE_WORDS[a.deadline] ?? a.deadline,
  ]);

function checkpointWords(r: PeriodReport): string {
  const cp = r.checkpoint;
  if (!cp) return `no log checkpoint yet; ${r.entriesApplied} log entries applied`;
  const by = cp.cosigners.map(esc).join(', ') || 'no witness yet';
  return `log checkpoint of size ${cp.size}, cosigned by ${by}; origin ${esc(cp.origin)}, root hash ${esc(cp.rootHash)}; ${r.entriesApplied} log entries applied`;
}

/** "2 of these incidents are", "This incident is", "All 3 incidents are". */
function unverifiedWords(u: number, n: number): string {
  if (u < n) return `${u} of these incidents ${u === 1 ? 'is' : 'are'}`;
  return n === 1 ? 'This incident is' : `All ${n} incidents are`;
}

const TITLES = { daily: 'Daily report', weekly: 'Weekly report', period: 'Report' } as const;

export function reportTitle(r: PeriodReport): string {
  const span = r.period.days === 1 ? r.period.from : `${r.period.from} to ${r.period.to}`;
  return `${TITLES[r.kind]} ${span}`;
}

export function reportHtml(r: PeriodReport): string {
  const s = r.sections;
  const n = r.counts.total;
  const verb = `${n === 1 ? 'incident was' : 'incidents were'} ${r.counts.unverified === n ? 'reported' : 'recorded'}`;
  const days = Object.entries(r.counts.byDay).sort(([a], [b]) => a.localeCompare(b));
  const types = Object.entries(r.counts.byType).map(([k, n]) => [label(k), n] as [string, number]);
  const span =
    r.period.days === 1 ? esc(r.period.from) : `${esc(r.period.from)} to ${esc(r.period.to)}`;
  const prevSpan =
    r.period.days === 1 ? esc(r.previous.from) : `${esc(r.previous.from)} to ${esc(r.previous.to)}`;
  const major = s.majorIncident;
  const crossingRows = s.crossings.items.map((c) => [
    c.name,
    c.status ?? 'no status recorded',
    c.since ? c.since.slice(0, 16).replace('T', ' ') : '—',
    c.changes
      .map((h) => `${h.effectiveAt.slice(0, 16).replace('T', ' ')} ${h.status}`)
      .join('; ') || 'none',
    c.previousChanges,
  ]);
  const complianceRows = s.compliance.terms.flatMap((t) =>
    t.parties.map((p) => [
      t.title,
      p.party,
      p.confirmedViolations,
      p.probableViolations,
      p.openAllegations,
      p.daysSinceLastConfirmedViolation ?? '—',
    ]),
  );
  const breaches = s.compliance.terms.filter((t) => t.crossingsInBreach.length);
  // In print, a table as wide as the page lost its right border to the page margin's clip (seen in
  // a pdftoppm render): the wrapper keeps a pixel for it.
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.missionName)}: ${esc(reportTitle(r))}</title>
<style>body{font:13px/1.4 system-ui,'Liberation Sans',sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}.wrap{overflow-x:auto}table{border-collapse:collapse;margin:0.6em 0;break-inside:auto}tr{break-inside:avoid}td,th{border:1px solid #bbb;padding:2px 6px;text-align:left;vertical-align:top}caption{font-weight:bold;text-align:left}h2{break-after:avoid;margin-top:1.2em}svg{break-inside:avoid}.cp{font-size:11px;overflow-wrap:anywhere}@media print{body{margin:0;padding:0;max-width:none}.wrap{overflow:visible;padding-right:1px}}</style></head>
<body><main>
<h1>${esc(r.missionName)}: ${esc(reportTitle(r))}</h1>
<p>Based on information in the log as of ${esc(r.cutOff)}, as the ${esc(r.readAs === 'public' ? 'public' : r.readAs)} may read it. Reporting period: ${span} (${r.period.days} day${r.period.days === 1 ? '' : 's'}); previous reporting period: ${prevSpan}.</p>
<p class="cp">Computed at the ${checkpointWords(r)}.</p>
<h2>Summary</h2>
<p>${n} ${verb} in this period (in the previous reporting period, ${r.previous.counts.total}; ${CHANGE_WORDS[r.change.total.level]}), with ${r.counts.fatalities} fatalities reported.</p>
${r.counts.unverified > 0 ? `<p>${unverifiedWords(r.counts.unverified, n)} reported but not verified: no finding on them has been released, and the figures for them are the reporters' claims.</p>` : ''}
<p>${major.last === null ? `As of the cut-off, no major incident (${major.threshold} or more fatalities) has been verified.` : `As of the cut-off, days since the last verified major incident (${major.threshold} or more fatalities, on ${esc(major.last)}): ${major.daysSince}.`}</p>
<h2>Incidents by type</h2>
${changeTable('Incidents by type', r.change.byType, label)}
${barChart('Incidents by type', types)}
<h2>Incidents by area</h2>
${changeTable('Incidents by province (admin1)', r.change.byAdmin1, (k) => k)}
${r.change.bySector ? changeTable('Incidents by sector', r.change.bySector, (k) => k) : '<p>The mission defines no sectors; areas are provinces (admin1).</p>'}
<h2>Events per day</h2>
${barChart('Incidents per day', days)}
<h2>Allegations and responses</h2>
<p>Allegations filed: ${against(s.allegations.filed)}. An allegation is a party's claim; it is not a finding.</p>
${table('Allegations filed in the period', ['Filed (UTC)', 'By', 'Against', 'Incident', 'Terms alleged', 'Response due', 'Deadline'], allegationRows(s.allegations.items))}
<p>Responses given: ${against(s.responses.given)}.</p>
${table(
  'Responses in the period',
  ['Responded (UTC)', 'By', 'Incident', 'Deadline'],
  s.responses.items.map((x) => [
    x.at.slice(0, 16).replace('T', ' '),
    x.accused,
    x.incidentTitle,
    DEADLINE_WORDS[x.deadline] ?? x.deadline,
  ]),
)}
<p>Allegations overdue as of the cut-off (response deadline passed, judged on log time, with no response): ${s.overdue.length}.</p>
${table('Overdue allegations', ['Filed (UTC)', 'By', 'Against', 'Incident', 'Terms alleged', 'Response due', 'Deadline'], allegationRows(s.overdue))}
<h2>Findings released</h2>
<p>Findings released: ${against(s.findingsReleased.released)}.</p>
${table(
  'Findings released in the period',
  ['Released (UTC)', 'Incident', 'Verdict', 'Attributed to', 'Terms violated'],
  s.findingsReleased.items.map((f) => [
    f.releasedAt.slice(0, 16).replace('T', ' '),
    f.incidentTitle,
    f.verdict,
    f.attribution,
    f.termsViolated.join(', ') || '—',
  ]),
)}
<h2>Restrictions on the monitors</h2>
<p>Access denied to monitors: ${against(s.accessDenied.denied)}.</p>
${table(
  'Access denied',
  ['When (UTC)', 'Incident', 'Denied by'],
  s.accessDenied.items.map((t) => [
    t.at.slice(0, 16).replace('T', ' '),
    t.incidentTitle,
    t.deniedBy ?? 'not recorded',
  ]),
)}
<h2>Crossings</h2>
<p>Official status changes: ${against(s.crossings.changes)}. Statuses are those the mission's crossing authorities recorded.</p>
${table('Crossings at the end of the period', ['Crossing', 'Status', 'Since (UTC)', 'Changes in the period', 'Changes before'], crossingRows)}
<h2>Compliance</h2>
<p>As of ${esc(s.compliance.asOf)}, from released findings and open allegations (public facts only). Open allegations are claims, not violations.</p>
${table('Compliance by term and party', ['Term', 'Party', 'Confirmed violations', 'Probable', 'Open allegations', 'Days since last confirmed'], complianceRows)}
${breaches.map((t) => `<p>${esc(t.title)}: crossings in a breaching state: ${t.crossingsInBreach.map(esc).join(', ')}.</p>`).join('')}
${penaltiesHtml(s)}
</main></body></html>
`;
}

/** Penalties imposed (and, in a mediator's report, due) under the agreements' schedules. */
function penaltiesHtml(s: ReportSections): string {
  const p = s.compliance.penalties;
  if (!p) return `<p>Penalties: the mission's agreements define none, so none are reported.</p>`;
  const imposed = p.imposed.length
    ? table(
        'Penalties imposed',
        ['Party', 'Step', 'Agreement', 'Imposed (UTC)', 'By'],
        p.imposed.map((x) => [
          x.party,
          x.title,
          x.agreement,
          x.imposedAt.slice(0, 16).replace('T', ' '),
          x.endorsers.join(', '),
        ]),
      )
    : '<p>Penalties imposed: none as of the cut-off.</p>';
  const due =
    p.due === null
      ? ''
      : p.due.length
        ? table(
            'Penalty steps due (mediators only)',
            ['Party', 'Step', 'Agreement', 'Why'],
            p.due.map((x) => [x.party, x.title, x.agreement, x.why]),
          )
        : '<p>Penalty steps due: none.</p>';
  return `<h3>Penalties</h3>${imposed}${due}`;
}
