// One incident at the desk (issue 11 item 6: "open an incident, task a monitor, draft a
// finding"): what GET …/incidents/<id> says of it (status, records, tasks, findings), the manual
// status moves the state machine allows (src/core/workflow/state-machine.ts MANUAL_MOVES), a task
// form (task assign) and a finding form (verdict, attribution, terms violated, Admiralty grade,
// rationale), each signed in this browser and refused, naming the rule, if the log's rules say no.
import type { IncidentDetail } from '../../../../src/core/views/read-model.js';
import { MANUAL_MOVES } from '../../../../src/core/workflow/state-machine.js';
import {
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
  VERDICTS,
} from '../../../../src/core/taxonomy.js';
import { TASK_KINDS } from '../../../../src/core/records/workflow.js';
import { h } from '../../dom.js';
import type { ConsoleContext } from '../sections.js';
import { ApiFailure } from '../session.js';
import { dm } from './messages.js';
import { failureText } from './queue.js';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function labelled(id: string, label: string, control: Control): HTMLElement {
  control.id = id;
  return h('div', { class: 'console-field' }, h('label', { for: id }, label), control);
}
const options = (pairs: [string, string][]) => pairs.map(([v, l]) => h('option', { value: v }, l));

export function renderIncidentPanel(ctx: ConsoleContext, id: string): HTMLElement {
  const m = dm();
  const slug = encodeURIComponent(ctx.mission.slug);
  const el = h('section', {
    class: 'console-card desk-incident',
    id: 'desk-incident',
    'data-incident': id,
    'aria-labelledby': 'desk-incident-heading',
  });

  /** Signs and files one entry; the outcome is said in `out` (and the panel is redrawn). */
  async function file(
    kind: 'incident' | 'task' | 'finding',
    body: Record<string, unknown>,
    out: HTMLElement,
    button: HTMLButtonElement,
  ) {
    button.disabled = true;
    out.textContent = '';
    delete out.dataset.rule;
    try {
      const signed = await ctx.sign({ kind, body });
      const answer = (await ctx.api.postEntry(signed.bytes)) as { index: number };
      await draw();
      const said = el.querySelector(`[data-out='${out.dataset.out}']`);
      if (said) {
        said.textContent = m.filed(String(answer.index));
        (said as HTMLElement).dataset.filed = String(answer.index);
        // A success is said as one, not in the error's colour.
        said.className = 'console-ok desk-out';
      }
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
      if (err instanceof ApiFailure && typeof err.details?.rule === 'string')
        out.dataset.rule = err.details.rule;
      out.textContent = failureText(err);
    } finally {
      button.disabled = false;
    }
  }

  async function draw(): Promise<void> {
    let d: IncidentDetail;
    let monitors: { user: string; org: string }[] = [];
    try {
      [d, monitors] = await Promise.all([
        ctx.api.get(
          `/api/v1/missions/${slug}/incidents/${encodeURIComponent(id)}`,
        ) as Promise<IncidentDetail>,
        (
          ctx.api.get(`/api/v1/missions/${slug}/desk/monitors`) as Promise<{
            items: { user: string; org: string }[];
          }>
        ).then((r) => r.items),
      ]);
    } catch (err) {
      el.replaceChildren(h('p', { class: 'console-error', role: 'alert' }, failureText(err)));
      return;
    }
    el.dataset.status = d.status;
    const out = (name: string) =>
      h('p', { class: 'console-error desk-out', role: 'status', 'data-out': name });

    // Status moves.
    const moves = MANUAL_MOVES[d.status];
    const move = h('select', null, options(moves.map((s) => [s, s.replace(/_/g, ' ')])));
    const moveOut = out('move');
    const moveButton = h('button', { type: 'submit', class: 'console-button' }, m.moveButton);
    const moveForm = h(
      'form',
      { class: 'console-grid desk-move' },
      labelled('desk-move', m.move, move),
      h('div', { class: 'console-actions' }, moveButton),
      moveOut,
    );
    moveForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void file(
        'incident',
        { action: 'status', incident: id, status: move.value },
        moveOut,
        moveButton,
      );
    });

    // Task a monitor.
    const assignee = h(
      'select',
      null,
      options(monitors.map((u) => [u.user, `${u.user} (${u.org})`])),
    );
    const taskKind = h('select', null, options(TASK_KINDS.map((k) => [k, m.taskKinds[k] ?? k])));
    const instructions = h('textarea', { rows: '3', maxlength: '5000' });
    const due = h('input', { type: 'date' });
    const taskOut = out('task');
    const taskButton = h(
      'button',
      { type: 'submit', class: 'console-button console-button--primary' },
      m.assign,
    );
    const taskForm = h(
      'form',
      { class: 'desk-task', novalidate: '', 'aria-labelledby': 'desk-task-heading' },
      h('h3', { id: 'desk-task-heading' }, m.taskHeading),
      h(
        'div',
        { class: 'console-grid' },
        labelled('desk-assignee', m.assignee, assignee),
        labelled('desk-task-kind', m.taskKind, taskKind),
        labelled('desk-due', m.due, due),
      ),
      labelled('desk-instructions', m.instructions, instructions),
      h('div', { class: 'console-actions' }, taskButton),
      taskOut,
    );
    taskForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!instructions.value.trim()) return void (taskOut.textContent = m.needInstructions);
      void file(
        'task',
        {
          action: 'assign',
          incident: id,
          kind: taskKind.value,
          assignee: assignee.value,
          instructions: instructions.value.trim(),
          ...(due.value ? { due: due.value } : {}),
        },
        taskOut,
        taskButton,
      );
    });

    // Draft a finding.
    const parties = ctx.mission.organisations.filter((o) => o.kind === 'party');
    const verdict = h('select', null, options(VERDICTS.map((v) => [v, m.verdicts[v] ?? v])));
    const attribution = h(
      'select',
      null,
      options([
        ...parties.map((p): [string, string] => [p.code, `${p.name} (${p.code})`]),
        ['undetermined', m.undetermined],
      ]),
    );
    const reliability = h(
      'select',
      null,
      options(Object.entries(SOURCE_RELIABILITY).map(([k, v]) => [k, `${k} · ${v}`])),
    );
    const credibility = h(
      'select',
      null,
      options(Object.entries(INFORMATION_CREDIBILITY).map(([k, v]) => [k, `${k} · ${v}`])),
    );
    reliability.value = 'B';
    credibility.value = '2';
    const terms = h(
      'fieldset',
      { class: 'console-terms', id: 'desk-terms' },
      h('legend', null, m.termsViolated),
      ctx.mission.terms.map((t) =>
        h(
          'label',
          { class: 'console-check' },
          h('input', { type: 'checkbox', value: t.id }),
          ` ${t.title}`,
        ),
      ),
    );
    const rationale = h('textarea', { rows: '4', maxlength: '20000' });
    const findingOut = out('finding');
    const findingButton = h(
      'button',
      { type: 'submit', class: 'console-button console-button--primary' },
      m.draft,
    );
    const findingForm = h(
      'form',
      { class: 'desk-finding', novalidate: '', 'aria-labelledby': 'desk-finding-heading' },
      h('h3', { id: 'desk-finding-heading' }, m.findingHeading),
      h(
        'div',
        { class: 'console-grid' },
        labelled('desk-verdict', m.verdict, verdict),
        labelled('desk-attribution', m.attribution, attribution),
        labelled('desk-reliability', m.reliability, reliability),
        labelled('desk-credibility', m.credibility, credibility),
      ),
      terms,
      labelled('desk-rationale', m.rationale, rationale),
      h('div', { class: 'console-actions' }, findingButton),
      findingOut,
    );
    findingForm.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!rationale.value.trim()) return void (findingOut.textContent = m.needRationale);
      void file(
        'finding',
        {
          incident: id,
          verdict: verdict.value,
          attribution: attribution.value,
          termsViolated: [...terms.querySelectorAll<HTMLInputElement>('input:checked')].map(
            (c) => c.value,
          ),
          grade: `${reliability.value}${credibility.value}`,
          rationale: rationale.value.trim(),
        },
        findingOut,
        findingButton,
      );
    });

    el.replaceChildren(
      h('h2', { id: 'desk-incident-heading' }, `${m.incidentHeading}: ${d.title}`),
      h(
        'p',
        { class: 'console-muted' },
        `${d.date} · ${d.location.name}, ${d.location.country} · ${m.records(d.records.length)}`,
      ),
      h('p', { 'data-status': d.status }, m.status(d.status.replace(/_/g, ' '))),
      h('code', { class: 'desk-item__id', dir: 'ltr' }, d.id),
      moves.length ? moveForm : '',
      h('h3', null, m.tasks),
      d.tasks.length
        ? h(
            'ul',
            { class: 'desk-tasks' },
            d.tasks.map((t) =>
              h(
                'li',
                { 'data-task': t.id },
                `${m.taskKinds[t.kind] ?? t.kind} · ${t.assignee}${t.outcome ? ` · ${t.outcome}` : ''}`,
              ),
            ),
          )
        : h('p', { class: 'console-muted' }, m.none),
      h('h3', null, m.findings),
      d.findings.length
        ? h(
            'ul',
            { class: 'desk-findings' },
            d.findings.map((f) =>
              h(
                'li',
                { 'data-finding': f.id, 'data-finding-status': f.status },
                `${m.verdicts[f.verdict] ?? f.verdict} · ${f.attribution} · ${f.status}`,
              ),
            ),
          )
        : h('p', { class: 'console-muted' }, m.none),
      ['reported', 'under_review', 'investigating'].includes(d.status) ? taskForm : '',
      ['under_review', 'investigating'].includes(d.status) ? findingForm : '',
    );
  }
  void draw();
  return el;
}
