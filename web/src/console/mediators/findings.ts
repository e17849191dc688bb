// One finding awaiting endorsement, with everything behind it (issue 11 item 7): the verdict,
// attribution, terms, grade and rationale, the endorsements so far against the mission's k, every
// record of its incident in log order, "Endorse" (an endorsement entry) and, once k distinct
// mediator organisations have endorsed, "Release" (a release entry). Both are signed in this
// browser; the log's rules decide (endorse_distinct_org, release_endorsed), and a refusal is said
// with its rule. Records' text is their authors' and is only ever set as text.
import type { IncidentDetail, RecordView } from '../../../../src/core/views/read-model.js';
import { h } from '../../dom.js';
import { href } from '../../router.js';
import type { ConsoleContext } from '../sections.js';
import { ApiFailure } from '../session.js';
import { mdm } from './messages.js';

type Finding = IncidentDetail['findings'][number];
type Rec = Record<string, unknown>;

/** The words a record is known by, whatever its kind. */
function gist(r: RecordView): string {
  const b = (typeof r.body === 'object' && r.body !== null ? r.body : {}) as Rec;
  for (const k of ['title', 'statement', 'instructions', 'notes', 'rationale', 'reason', 'note'])
    if (typeof b[k] === 'string') return b[k];
  return typeof b.action === 'string' ? b.action : '';
}

export function failureText(err: unknown): string {
  const m = mdm();
  if (err instanceof ApiFailure && typeof err.details?.rule === 'string') {
    const rule = err.details.rule;
    const prefix = `rule ${rule}: `;
    return m.refusedRule(
      rule,
      err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message,
    );
  }
  return m.failed(err instanceof Error ? err.message : String(err));
}

export function renderFinding(
  ctx: ConsoleContext,
  d: IncidentDetail,
  f: Finding,
  k: number,
  redraw: () => Promise<void>,
): HTMLElement {
  const m = mdm();
  const me = ctx.session.user.org;
  const record = d.records.find((r) => r.id === f.id);
  const body = (record?.body ?? {}) as Rec;
  const out = h('p', { class: 'console-error', role: 'status', 'data-out': f.id });

  async function file(kind: 'endorsement' | 'release', entry: Rec, button: HTMLButtonElement) {
    button.disabled = true;
    out.textContent = '';
    try {
      const signed = await ctx.sign({ kind, body: entry });
      const answer = (await ctx.api.postEntry(signed.bytes)) as { index: number };
      await redraw();
      const said = document.querySelector(`[data-out='${f.id}']`);
      if (said) {
        said.textContent = m.filed(String(answer.index));
        (said as HTMLElement).dataset.filed = String(answer.index);
        // A success is said as one, not in the error's colour.
        said.className = 'console-ok';
      }
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
      if (err instanceof ApiFailure && typeof err.details?.rule === 'string')
        out.dataset.rule = err.details.rule;
      out.textContent = failureText(err);
      button.disabled = false;
    }
  }

  const statement = h('textarea', { rows: '2', maxlength: '5000', id: `med-statement-${f.id}` });
  const endorse = h(
    'button',
    { type: 'button', class: 'console-button console-button--primary', 'data-endorse': f.id },
    m.endorse,
  );
  const mine = f.endorsers.includes(me);
  endorse.disabled = mine || f.status !== 'draft';
  endorse.addEventListener('click', () => {
    const s = statement.value.trim();
    void file('endorsement', { finding: f.id, ...(s ? { statement: s } : {}) }, endorse);
  });
  const note = h('textarea', { rows: '2', maxlength: '5000', id: `med-note-${f.id}` });
  const release = h(
    'button',
    { type: 'button', class: 'console-button console-button--primary', 'data-release': f.id },
    m.release,
  );
  const missing = Math.max(0, k - f.endorsers.length);
  // The button follows the count the read model gives; the log's rule release_endorsed decides.
  release.disabled = missing > 0;
  release.addEventListener('click', () => {
    const n = note.value.trim();
    void file('release', { finding: f.id, incident: d.id, ...(n ? { note: n } : {}) }, release);
  });

  return h(
    'article',
    {
      class: 'console-card med-finding',
      'data-finding': f.id,
      'data-finding-status': f.status,
      'aria-labelledby': `med-h-${f.id}`,
    },
    h('h3', { id: `med-h-${f.id}` }, d.title),
    h(
      'p',
      { class: 'console-muted' },
      `${d.date} · ${d.location.name}, ${d.location.country} · ${d.status.replace(/_/g, ' ')}`,
    ),
    h('p', { class: 'med-verdict' }, m.finding(f.verdict.replace(/_/g, ' '), f.attribution)),
    typeof body.grade === 'string' ? h('p', null, m.grade(body.grade)) : null,
    h('p', null, f.termsViolated.length ? m.terms(f.termsViolated.join(', ')) : m.noTerms),
    typeof body.rationale === 'string'
      ? h(
          'div',
          null,
          h('h4', null, m.rationale),
          h('p', { class: 'med-rationale' }, body.rationale),
        )
      : null,
    h(
      'p',
      { 'data-endorsements': String(f.endorsers.length) },
      m.endorsements(f.endorsers.length, k),
    ),
    f.endorsers.length
      ? h('p', { class: 'console-muted' }, m.endorsedBy(f.endorsers.join(', ')))
      : null,
    h(
      'details',
      { class: 'med-behind' },
      h('summary', null, m.behind),
      h(
        'ol',
        null,
        d.records.map((r) =>
          h(
            'li',
            { 'data-record': r.id },
            h(
              'span',
              { class: 'console-muted' },
              m.recordLine(r.kind, r.org ?? '?', r.at, String(r.index)),
            ),
            r.sealed && r.sealed.revealIndex === null
              ? h('span', { class: 'console-muted' }, ` · ${m.sealedMark}`)
              : null,
            h('p', null, gist(r)),
          ),
        ),
      ),
    ),
    h(
      'p',
      null,
      h(
        'a',
        { class: 'console-link', href: href(`/missions/${ctx.mission.slug}/incidents/${d.id}`) },
        m.openPage,
      ),
    ),
    mine
      ? h('p', { class: 'console-ok' }, m.alreadyEndorsed(me))
      : h(
          'div',
          { class: 'console-field' },
          h('label', { for: statement.id }, m.statement),
          statement,
        ),
    h('div', { class: 'console-actions' }, endorse),
    missing > 0
      ? h('p', { class: 'console-muted' }, m.releaseWaits(missing))
      : h('div', { class: 'console-field' }, h('label', { for: note.id }, m.note), note),
    h('div', { class: 'console-actions' }, release),
    out,
  );
}
