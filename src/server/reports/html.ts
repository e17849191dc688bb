// A period report as one self-contained HTML page (no script, no external resource): the figures
// with their change levels, two SVG bar charts (events per day, by type), and hedged wording for
// what no released finding verifies ("reported", never "occurred"). Every text from the mission
// or its records is escaped: untrusted text is never markup.
import { EVENT_TYPES, type EventType } from '../../core/taxonomy.js';
import { CHANGE_WORDS, type Change } from './change-level.js';
import type { PeriodReport } from './report-types.js';

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
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="520" height="${h}" viewBox="0 0 520 ${h}"><title>${esc(title)}</title><text x="0" y="14" font-size="13" font-weight="bold">${esc(title)}</text>${bars}</svg>`;
}

function changeCell(c: Change): string {
  const pct = c.percent === null ? 'new' : `${c.percent > 0 ? '+' : ''}${c.percent}%`;
  return `<td>${c.current}</td><td>${c.previous}</td><td>${esc(pct)}</td><td>${CHANGE_WORDS[c.level]}</td>`;
}

function table(
  caption: string,
  changes: Record<string, Change>,
  name: (k: string) => string,
): string {
  const rows = Object.entries(changes)
    .map(([k, c]) => `<tr><th scope="row">${esc(name(k))}</th>${changeCell(c)}</tr>`)
    .join('');
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col"></th><th scope="col">This period</th><th scope="col">Previous</th><th scope="col">Change</th><th scope="col">Level</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function reportHtml(r: PeriodReport, missionName: string): string {
  const verb = r.counts.unverified === r.counts.total ? 'were reported' : 'were recorded';
  const cp = r.checkpoint
    ? `log checkpoint of size ${r.checkpoint.size}, cosigned by ${r.checkpoint.cosigners.map(esc).join(', ') || 'no witness yet'}`
    : 'no log checkpoint';
  const days = Object.entries(r.counts.byDay).sort(([a], [b]) => a.localeCompare(b));
  const types = Object.entries(r.counts.byType).map(([k, n]) => [label(k), n] as [string, number]);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(missionName)}: report ${esc(r.period.from)} to ${esc(r.period.to)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;max-width:60em;margin:2em auto;color:#111}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}caption{font-weight:bold;text-align:left}</style></head>
<body><main>
<h1>${esc(missionName)}</h1>
<p>Report for ${esc(r.period.from)} to ${esc(r.period.to)} (${r.period.days} days), based on information in the log as of ${esc(r.cutOff)} (${cp}).</p>
<h2>Summary</h2>
<p>${r.counts.total} incidents ${verb} in this period (previous period ${esc(r.previous.from)} to ${esc(r.previous.to)}: ${r.previous.counts.total}; ${CHANGE_WORDS[r.change.total.level]}), with ${r.counts.fatalities} fatalities reported.</p>
${r.counts.unverified > 0 ? `<p>${r.counts.unverified} of these incidents are reported but not verified: no finding on them has been released, and the figures for them are the reporters' claims.</p>` : ''}
<h2>By type</h2>
${table('Incidents by type', r.change.byType, label)}
${barChart('Incidents by type', types)}
<h2>By area</h2>
${table('Incidents by province (admin1)', r.change.byAdmin1, (k) => k)}
<h2>Events per day</h2>
${barChart('Incidents per day', days)}
</main></body></html>
`;
}
