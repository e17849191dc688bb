// The monitors' section (issue 11 item 5): my tasks (assigned by an analyst, read from the
// incidents I may see), and for an open one "Update" (notes), "Access denied" (by whom, where) and
// "Close" (observations), each a `task` entry signed here; and a crossing's status, a `crossing`
// entry. The rules (src/core/workflow/kinds/task.ts, crossing.ts) decide; a refusal names its rule.
// Without the network (issue 11 item 8) each is signed all the same and kept in the outbox
// (outbox/outbox.ts), which sends it when the network is back; the tasks are redrawn then.
import { CROSSING_STATUSES } from '../../../../src/core/records/crossing.js';
import type {
  CrossingView,
  IncidentDetail,
  IncidentRow,
} from '../../../../src/core/views/read-model.js';
import { h } from '../../dom.js';
import { href, incidentPath } from '../../router.js';
import { cm } from '../messages.js';
import type { ConsoleContext, ConsoleSection } from '../sections.js';
import { om } from '../outbox/messages.js';
import { onOutboxChange, postOrQueue, waitingBodies, type Sender } from '../outbox/outbox.js';
import { ApiFailure } from '../session.js';

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));
/** Incidents a task may be open in (INCIDENT_STATUSES before a finding is released). */
const WORKING = 'reported,under_review,investigating,finding_drafted,endorsed';

type Field =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'datetime' }
  | { name: string; label: string; kind: 'select'; options: [string, string][] };

interface MyTask {
  incident: IncidentDetail;
  task: IncidentDetail['tasks'][number];
  instructions: string;
  due: string | null;
}

function render(ctx: ConsoleContext): HTMLElement {
  const m = cm();
  const me = ctx.session.user;
  const slug = encodeURIComponent(ctx.mission.slug);
  const tasksBox = h('div', { id: 'monitor-tasks' }, h('p', { class: 'console-muted' }, m.loading));
  const formPlace = h('div', { id: 'monitor-form' });
  const crossingPlace = h('div', { id: 'monitor-crossing' });
  const error = h('p', { class: 'console-error', role: 'alert', id: 'monitor-error' });
  const outbox: Sender = {
    mission: ctx.mission.slug,
    user: me.name,
    post: ctx.api.postEntry,
    ended: ctx.sessionEnded,
  };

  /** A small signed form: fields, "Sign and submit", the result or the refused rule. */
  function signedForm(
    id: string,
    heading: string,
    fields: Field[],
    build: (v: Record<string, string>) => {
      kind: 'task' | 'crossing';
      body: Record<string, unknown>;
    },
    done: () => Promise<void>,
  ): HTMLFormElement {
    const controls = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
    const errs = new Map<string, HTMLElement>();
    const result = h('div', { role: 'status', id: `${id}-result` });
    const submit = h(
      'button',
      { type: 'submit', class: 'console-button console-button--primary' },
      m.signAndSubmit,
    );
    const rows = fields.map((f) => {
      const cid = `${id}-${f.name}`;
      const c =
        f.kind === 'select'
          ? h(
              'select',
              { id: cid },
              f.options.map(([v, t]) => h('option', { value: v }, t)),
            )
          : f.kind === 'textarea'
            ? h('textarea', { id: cid, rows: '4' })
            : h('input', {
                id: cid,
                type: f.kind === 'datetime' ? 'datetime-local' : 'text',
                dir: f.kind === 'datetime' ? 'ltr' : 'auto',
              });
      const err = h('p', { class: 'field-error', id: `${cid}-error` });
      c.setAttribute('aria-describedby', err.id);
      c.addEventListener('input', () => {
        err.textContent = '';
        c.removeAttribute('aria-invalid');
      });
      controls.set(f.name, c);
      errs.set(f.name, err);
      return h('div', { class: 'console-field' }, h('label', { for: cid }, f.label), c, err);
    });
    const form = h(
      'form',
      { class: 'console-form', novalidate: '', id, 'aria-labelledby': `${id}-heading` },
      h('h3', { id: `${id}-heading`, tabindex: '-1' }, heading),
      rows,
      h('div', { class: 'console-actions' }, submit),
      result,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      result.replaceChildren();
      const v: Record<string, string> = {};
      let first: HTMLElement | undefined;
      for (const f of fields) {
        const c = controls.get(f.name)!;
        v[f.name] = c.value.trim();
        if (!v[f.name]) {
          errs.get(f.name)!.textContent = m.needField(f.label);
          c.setAttribute('aria-invalid', 'true');
          first ??= c;
        }
      }
      if (first) return first.focus();
      submit.disabled = true;
      /** The outbox's name for it: the heading and the first two answers ("AF · the gate"). */
      const label = (title: string) =>
        [
          title,
          ...fields.slice(0, 2).map((f) => {
            const c = controls.get(f.name)!;
            const text =
              c instanceof HTMLSelectElement ? (c.selectedOptions[0]?.text ?? '') : v[f.name]!;
            return text.length > 60 ? `${text.slice(0, 59)}…` : text;
          }),
        ].join(' · ');
      void (async () => {
        try {
          const draft = build(v);
          const signed = await ctx.sign(draft);
          const delivery = await postOrQueue(outbox, draft.kind, label(heading), signed);
          if ('queued' in delivery) {
            form.dataset.queued = signed.id;
            result.replaceChildren(h('p', { class: 'console-queued' }, om().queued));
          } else {
            const answer = delivery.sent as { index?: number };
            form.dataset.filed = String(answer.index);
            result.replaceChildren(h('p', { class: 'console-ok' }, m.filed(String(answer.index))));
          }
          await done();
        } catch (err) {
          if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
          const rule = err instanceof ApiFailure ? err.details?.rule : undefined;
          result.replaceChildren(
            h(
              'p',
              { class: 'console-error', role: 'alert', 'data-rule': String(rule ?? '') },
              typeof rule === 'string'
                ? m.refusedRule(rule, why(err))
                : err instanceof ApiFailure
                  ? m.refused(String(err.status), err.message)
                  : why(err),
            ),
          );
        } finally {
          submit.disabled = false;
        }
      })();
    });
    return form;
  }

  const orgs = (): [string, string][] =>
    ctx.mission.organisations.map((o) => [o.code, `${o.name} (${o.code})`]);

  function open(form: HTMLFormElement): void {
    formPlace.replaceChildren(form);
    form.querySelector<HTMLElement>('h3')?.focus();
  }

  function actions(t: MyTask): HTMLElement {
    const task = t.task.id;
    const b = (label: string, action: string, go: () => void) => {
      const el = h(
        'button',
        { type: 'button', class: 'console-button', 'data-action': action },
        label,
      );
      el.addEventListener('click', go);
      return el;
    };
    return h(
      'div',
      { class: 'console-actions' },
      b(m.taskUpdate, 'update', () =>
        open(
          signedForm(
            't-update',
            m.taskUpdateHeading(t.incident.title),
            [{ name: 'notes', label: m.taskNotes, kind: 'textarea' }],
            (v) => ({
              kind: 'task',
              body: { action: 'update', task, notes: v.notes, evidence: [] },
            }),
            refresh,
          ),
        ),
      ),
      b(m.taskDenied, 'denied', () =>
        open(
          signedForm(
            't-denied',
            m.taskDeniedHeading(t.incident.title),
            [
              { name: 'deniedBy', label: m.deniedBy, kind: 'select', options: orgs() },
              { name: 'where', label: m.deniedWhere, kind: 'text' },
              { name: 'notes', label: m.taskNotes, kind: 'textarea' },
            ],
            (v) => ({
              kind: 'task',
              body: {
                action: 'close',
                task,
                outcome: 'access_denied',
                deniedBy: v.deniedBy,
                // The schema has no place field: where access was refused opens the notes.
                notes: m.deniedNotes(v.where!, v.notes!),
                evidence: [],
              },
            }),
            refresh,
          ),
        ),
      ),
      b(m.taskClose, 'close', () =>
        open(
          signedForm(
            't-close',
            m.taskCloseHeading(t.incident.title),
            [{ name: 'notes', label: m.observations, kind: 'textarea' }],
            (v) => ({
              kind: 'task',
              body: { action: 'close', task, outcome: 'completed', notes: v.notes, evidence: [] },
            }),
            refresh,
          ),
        ),
      ),
    );
  }

  async function load(): Promise<MyTask[]> {
    const list = (await ctx.api.get(
      `/api/v1/missions/${slug}/incidents?status=${WORKING}&limit=200`,
    )) as { items: IncidentRow[] };
    const details = await Promise.all(
      list.items.map(
        (i) =>
          ctx.api.get(
            `/api/v1/missions/${slug}/incidents/${encodeURIComponent(i.id)}`,
          ) as Promise<IncidentDetail>,
      ),
    );
    return details.flatMap((incident) =>
      incident.tasks
        .filter((t) => t.assignee === me.name)
        .map((task) => {
          const rec = incident.records.find((r) => r.id === task.id);
          const body = (rec?.body ?? {}) as { instructions?: string; due?: string };
          return { incident, task, instructions: body.instructions ?? '', due: body.due ?? null };
        }),
    );
  }

  /** Tasks with an entry in the outbox not yet sent (the list still shows them as the log has them). */
  async function queuedTasks(): Promise<Set<string>> {
    try {
      const bodies = await waitingBodies(ctx.mission.slug, me.name);
      return new Set(
        bodies
          .map((b) => (b as { task?: unknown } | undefined)?.task)
          .filter((t): t is string => typeof t === 'string'),
      );
    } catch {
      return new Set(); // no IndexedDB: nothing can be queued either
    }
  }

  async function refresh(): Promise<void> {
    let mine: MyTask[];
    let queued: Set<string>;
    try {
      [mine, queued] = await Promise.all([load(), queuedTasks()]);
      error.textContent = '';
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
      error.textContent = m.networkFailed(why(err));
      return;
    }
    mine.sort((a, b) => Number(b.task.open) - Number(a.task.open));
    tasksBox.replaceChildren(
      mine.length
        ? h(
            'ul',
            { class: 'console-tasks' },
            mine.map((t) =>
              h(
                'li',
                {
                  class: 'console-card',
                  'data-task': t.task.id,
                  'data-open': String(t.task.open),
                  'data-outcome': t.task.outcome ?? '',
                },
                h(
                  'p',
                  null,
                  h(
                    'a',
                    { href: href(incidentPath(ctx.mission.slug, t.incident.id)) },
                    t.incident.title,
                  ),
                  ` · ${m.taskKind(t.task.kind)}${t.due ? ` · ${m.taskDue(t.due)}` : ''}`,
                ),
                t.instructions ? h('p', { class: 'console-muted' }, t.instructions) : null,
                h(
                  'p',
                  { class: 'task-state' },
                  t.task.open
                    ? m.taskOpen
                    : t.task.outcome === 'access_denied'
                      ? m.taskWasDenied(t.task.deniedBy ?? '?')
                      : m.taskClosed(t.task.outcome ?? ''),
                ),
                queued.has(t.task.id) && t.task.open
                  ? h('p', { class: 'console-queued', 'data-queued': 'true' }, om().taskQueued)
                  : null,
                t.task.open && me.role === 'monitor' ? actions(t) : null,
              ),
            ),
          )
        : h('p', { id: 'monitor-none' }, m.noTasks),
    );
  }

  async function crossingForm(): Promise<void> {
    try {
      const list = (await ctx.api.get(`/api/v1/missions/${slug}/crossings`)) as {
        crossings?: CrossingView[];
      };
      const crossings = list.crossings ?? [];
      if (!crossings.length) {
        crossingPlace.replaceChildren(h('p', null, m.noCrossings));
        return;
      }
      const now = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 16);
      const form = signedForm(
        'c-status',
        m.crossingHeading,
        [
          {
            name: 'crossing',
            label: m.crossing,
            kind: 'select',
            options: crossings.map((c) => [c.crossing, c.name]),
          },
          {
            name: 'status',
            label: m.crossingStatus,
            kind: 'select',
            options: CROSSING_STATUSES.map((s) => [s, m.crossingStatusName(s)]),
          },
          { name: 'cause', label: m.crossingCause, kind: 'textarea' },
          { name: 'effectiveAt', label: m.crossingSince, kind: 'datetime' },
        ],
        (v) => ({
          kind: 'crossing',
          body: {
            crossing: v.crossing,
            status: v.status,
            cause: v.cause,
            // datetime-local is this device's local time: sent as UTC.
            effectiveAt: new Date(v.effectiveAt!).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            evidence: [],
          },
        }),
        async () => {},
      );
      form.querySelector<HTMLInputElement>('#c-status-effectiveAt')!.value = now;
      crossingPlace.replaceChildren(form);
    } catch (err) {
      crossingPlace.replaceChildren(h('p', { class: 'console-error' }, m.networkFailed(why(err))));
    }
  }

  // An entry the outbox sent changes the tasks (a close): show them as the log now has them; one
  // queued or refused adds or drops its task's "waits in the outbox".
  const unsubscribe = onOutboxChange((e) => {
    if (e.state !== 'sending') void refresh();
  });
  ctx.onLeave(unsubscribe);
  void refresh();
  void crossingForm();
  return h(
    'div',
    { class: 'console-monitor' },
    h(
      'section',
      { class: 'console-card', 'aria-labelledby': 'monitor-heading' },
      h('h2', { id: 'monitor-heading', tabindex: '-1' }, m.tasksHeading),
      tasksBox,
      formPlace,
      error,
    ),
    h('section', { 'aria-label': m.crossingHeading }, crossingPlace),
  );
}

export const monitorSection: ConsoleSection = {
  id: 'tasks',
  label: (m) => m.navTasks,
  // Tasks are assigned to monitors (rule task_assignee_monitor); they update and close them.
  roles: ['monitor'],
  render,
};
