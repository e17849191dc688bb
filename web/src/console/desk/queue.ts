// The desk's review queue (issue 11 item 6): filters (kept in the URL's query, so a reload or a
// shared link shows the same queue), the records of GET …/desk/queue with a checkbox each, and
// the bulk actions over the selection (bulk.ts) with their progress bar. Record text is the
// authors' and is only ever set as text.
import type { DeskItem } from './types.js';
import { EVENT_TYPE_NAMES } from '../../../../src/core/taxonomy.js';
import { h } from '../../dom.js';
import { ApiFailure } from '../session.js';
import type { ConsoleContext } from '../sections.js';
import { runBulk, type BulkAction } from './bulk.js';
import { dm } from './messages.js';

const FILTERS = ['state', 'kind', 'role', 'org', 'type', 'q'] as const;

export function failureText(err: unknown): string {
  const m = dm();
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

export function renderQueue(ctx: ConsoleContext, openIncident: (id: string) => void): HTMLElement {
  const m = dm();
  const slug = ctx.mission.slug;
  const params = new URLSearchParams(location.search);
  const sel = (id: string, label: string, options: [string, string][]) => {
    const s = h(
      'select',
      { id, name: id.replace('desk-', '') },
      options.map(([v, l]) => h('option', { value: v }, l)),
    );
    s.value = params.get(s.name) ?? '';
    return h('div', { class: 'console-field' }, h('label', { for: id }, label), s);
  };
  const words = h('input', { type: 'search', id: 'desk-q', name: 'q', maxlength: '200' });
  words.value = params.get('q') ?? '';
  const filters = h(
    'form',
    { class: 'console-grid desk-filters', 'aria-label': m.filters, role: 'search' },
    sel('desk-state', m.fState, [
      ['', m.stateOpen],
      ['dismissed', m.stateDismissed],
      ['duplicate', m.stateDuplicate],
    ]),
    sel('desk-kind', m.fKind, [
      ['', m.fAll],
      ['report', m.kindReport],
      ['article', m.kindArticle],
    ]),
    sel('desk-role', m.fRole, [
      ['', m.fAll],
      ['party', m.roleParty],
      ['monitor', m.roleMonitor],
      ['analyst', m.roleAnalyst],
    ]),
    sel('desk-org', m.fOrg, [
      ['', m.fAll],
      ...ctx.mission.organisations.map((o): [string, string] => [o.code, `${o.name} (${o.code})`]),
    ]),
    sel('desk-type', m.fType, [
      ['', m.fAll],
      ...EVENT_TYPE_NAMES.map((t): [string, string] => [t, t.replace(/_/g, ' ')]),
    ]),
    h('div', { class: 'console-field' }, h('label', { for: words.id }, m.fWords), words),
    h(
      'div',
      { class: 'console-actions' },
      h('button', { type: 'submit', class: 'console-button' }, m.apply),
    ),
  );

  const count = h('p', { class: 'console-muted', id: 'desk-count', role: 'status' }, m.loading);
  const all = h('input', { type: 'checkbox', id: 'desk-all' });
  const selectedText = h('span', { id: 'desk-selected' }, m.selected(0));
  const list = h('ul', { class: 'desk-list', id: 'desk-list' });
  let items: DeskItem[] = [];

  const checks = () => [...list.querySelectorAll<HTMLInputElement>('input[data-id]')];
  const chosen = () =>
    checks()
      .filter((c) => c.checked)
      .map((c) => items.find((i) => i.id === c.dataset.id)!);
  // The actions' duplicate targets follow the selection (a record cannot repeat itself).
  let selectionChanged = () => {};
  const syncSelected = () => {
    const n = chosen().length;
    selectedText.textContent = m.selected(n);
    all.checked = n > 0 && n === checks().length;
    selectionChanged();
  };
  all.addEventListener('change', () => {
    for (const c of checks()) c.checked = all.checked;
    syncSelected();
  });

  function row(i: DeskItem): HTMLElement {
    const check = h('input', {
      type: 'checkbox',
      id: `desk-sel-${i.id}`,
      'data-id': i.id,
      'aria-label': m.select(i.title),
    });
    check.addEventListener('change', syncSelected);
    return h(
      'li',
      { class: 'desk-item', 'data-kind': i.kind, 'data-state': i.state, 'data-record': i.id },
      check,
      h(
        'div',
        { class: 'desk-item__main' },
        h('label', { for: check.id, class: 'desk-item__title' }, i.title),
        h(
          'p',
          { class: 'console-muted' },
          [
            i.date ?? '',
            i.types.map((t) => t.replace(/_/g, ' ')).join(', '),
            [i.place, i.country].filter(Boolean).join(', '),
            i.kind === 'article' ? m.news : m.byLine(i.org ?? '?', i.role ?? '?', String(i.index)),
            i.fatalities !== null ? m.fatalities(String(i.fatalities)) : '',
            i.evidence ? m.evidenceFiles(i.evidence) : '',
            i.sealed ? m.sealedMark : '',
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        i.triage?.reason && i.state === 'dismissed'
          ? h('p', { class: 'desk-item__triage' }, m.dismissedBecause(i.triage.reason))
          : null,
        i.triage?.of ? h('p', { class: 'desk-item__triage' }, m.duplicateOf(i.triage.of)) : null,
        h('code', { class: 'desk-item__id', dir: 'ltr' }, i.id),
      ),
    );
  }

  async function load(): Promise<void> {
    count.textContent = m.loading;
    // The most the route gives (DESK_MAX_LIMIT): a bulk action may span several entries.
    const q = new URLSearchParams({ limit: '500' });
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v) q.set(k, v);
    }
    try {
      const answer = (await ctx.api.get(
        `/api/v1/missions/${encodeURIComponent(slug)}/desk/queue?${q}`,
      )) as {
        items: DeskItem[];
        truncated: boolean;
      };
      items = answer.items;
      list.replaceChildren(...items.map(row));
      count.textContent = items.length ? m.count(items.length, answer.truncated) : m.empty;
      list.dataset.loaded = String(items.length);
      syncSelected();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
      count.textContent = failureText(err);
    }
  }
  filters.addEventListener('submit', (e) => {
    e.preventDefault();
    for (const el of filters.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'select, input',
    )) {
      if (el.value) params.set(el.name, el.value);
      else params.delete(el.name);
    }
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${params.size ? `?${params}` : ''}`,
    );
    void load();
  });

  const { form: actions, targetsChanged } = renderActions(
    ctx,
    chosen,
    () => items,
    async () => load(),
    openIncident,
  );
  selectionChanged = targetsChanged;
  void load();
  return h(
    'section',
    { class: 'console-card desk-queue', 'aria-labelledby': 'desk-heading' },
    h('h2', { id: 'desk-heading' }, m.heading),
    h('p', { class: 'console-muted' }, m.intro),
    filters,
    count,
    h(
      'div',
      { class: 'desk-bar' },
      h('label', { class: 'console-check' }, all, ` ${m.selectAll}`),
      selectedText,
    ),
    list,
    actions,
  );
}

function renderActions(
  ctx: ConsoleContext,
  chosen: () => DeskItem[],
  listed: () => DeskItem[],
  reload: () => Promise<void>,
  openIncident: (id: string) => void,
): { form: HTMLElement; targetsChanged: () => void } {
  const m = dm();
  const slug = ctx.mission.slug;
  const what = h(
    'select',
    { id: 'desk-action' },
    h('option', { value: 'group_new' }, m.groupNew),
    h('option', { value: 'group_existing' }, m.groupExisting),
    h('option', { value: 'duplicate' }, m.markDuplicate),
    h('option', { value: 'dismiss' }, m.dismiss),
  );
  const title = h('input', { type: 'text', id: 'desk-title', maxlength: '200' });
  const existing = h('select', { id: 'desk-existing' });
  // What the selection repeats, chosen from a list (an id typed by hand is easy to get wrong):
  // the open incidents, and the records shown in the queue that are not selected.
  const target = h('select', { id: 'desk-of' });
  let openIncidents: { id: string; title: string; date: string }[] | undefined;
  const drawTargets = () => {
    const previous = target.value;
    const picked = new Set(chosen().map((i) => i.id));
    const records = listed().filter((i) => !picked.has(i.id));
    target.replaceChildren(
      h('option', { value: '' }, m.chooseTarget),
      openIncidents?.length
        ? h(
            'optgroup',
            { label: m.targetIncidents },
            openIncidents.map((i) => h('option', { value: i.id }, `${i.date} · ${i.title}`)),
          )
        : null,
      records.length
        ? h(
            'optgroup',
            { label: m.targetRecords },
            records.map((i) =>
              h('option', { value: i.id }, [i.date, i.title].filter(Boolean).join(' · ')),
            ),
          )
        : null,
    );
    target.value = previous;
  };
  async function loadTargets() {
    try {
      openIncidents = await fetchOpenIncidents();
    } catch (err) {
      message.textContent = failureText(err);
    }
    drawTargets();
  }
  const fetchOpenIncidents = async () =>
    (
      (await ctx.api.get(
        `/api/v1/missions/${encodeURIComponent(slug)}/incidents?status=reported,under_review,investigating,finding_drafted,endorsed&limit=200`,
      )) as { items: { id: string; title: string; date: string }[] }
    ).items;
  const reason = h('input', { type: 'text', id: 'desk-reason', maxlength: '2000' });
  const field = (label: string, control: HTMLElement, show: string) =>
    h(
      'div',
      { class: 'console-field', 'data-for': show },
      h('label', { for: control.id }, label),
      control,
    );
  const fields = [
    field(m.incidentTitle, title, 'group_new'),
    field(m.existing, existing, 'group_existing'),
    field(m.duplicateTarget, target, 'duplicate'),
    field(m.reason, reason, 'dismiss'),
  ];
  const sync = () => {
    for (const f of fields) f.hidden = f.dataset.for !== what.value;
    if (what.value === 'group_existing') void loadIncidents();
    if (what.value === 'duplicate') void loadTargets();
  };
  what.addEventListener('change', sync);
  async function loadIncidents() {
    try {
      const items = await fetchOpenIncidents();
      existing.replaceChildren(
        ...(items.length
          ? items.map((i) => h('option', { value: i.id }, `${i.date} · ${i.title}`))
          : [h('option', { value: '' }, m.noOpenIncidents)]),
      );
    } catch (err) {
      message.textContent = failureText(err);
    }
  }
  const bar = h('progress', { id: 'desk-progress', max: '1', value: '0', hidden: '' });
  const progressText = h('p', { class: 'console-muted', id: 'desk-progress-text', role: 'status' });
  const message = h('p', { class: 'console-error', role: 'alert', id: 'desk-action-error' });
  const run = h(
    'button',
    { type: 'submit', class: 'console-button console-button--primary' },
    m.run,
  );
  const form = h(
    'form',
    { class: 'desk-actions', novalidate: '', 'aria-labelledby': 'desk-actions-heading' },
    h('h3', { id: 'desk-actions-heading' }, m.actions),
    h(
      'div',
      { class: 'console-grid' },
      h('div', { class: 'console-field' }, h('label', { for: what.id }, m.actions), what),
      ...fields,
    ),
    h('div', { class: 'console-actions' }, run),
    bar,
    progressText,
    message,
  );
  sync();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    message.textContent = '';
    const picked = chosen();
    if (!picked.length) return void (message.textContent = m.needSelection);
    let action: BulkAction;
    const kind = what.value;
    if (kind === 'group_new' || kind === 'group_existing') {
      const news = picked.filter((i) => i.kind !== 'report').length;
      if (news) return void (message.textContent = m.onlyReports(news));
    }
    if (kind === 'group_new') {
      const first = picked[0]!.body as Record<string, unknown>;
      const t = title.value.trim() || picked[0]!.title;
      if (!t) return void (message.textContent = m.needTitle);
      action = {
        kind,
        title: t,
        first: { type: first.type, occurred: first.occurred, location: first.location },
      };
    } else if (kind === 'group_existing') {
      if (!existing.value) return void (message.textContent = m.noOpenIncidents);
      action = { kind, incident: existing.value };
    } else if (kind === 'duplicate') {
      if (!target.value) return void (message.textContent = m.needTarget);
      action = { kind, of: target.value };
    } else {
      if (!reason.value.trim()) return void (message.textContent = m.needReason);
      action = { kind: 'dismiss', reason: reason.value.trim() };
    }
    const ids = picked.map((i) => i.id);
    run.disabled = true;
    bar.hidden = false;
    bar.max = ids.length;
    bar.value = 0;
    progressText.textContent = m.progress(0, ids.length);
    let done = 0;
    void runBulk(ctx, action, ids, (n) => {
      done = n;
      bar.value = n;
      progressText.textContent = m.progress(n, ids.length);
    })
      .then(async (out) => {
        progressText.textContent = m.doneAction(out.done, out.entries.length);
        form.dataset.done = String(out.entries.at(-1)?.index ?? '');
        await reload();
        if (out.incident) openIncident(out.incident);
        else if (action.kind === 'group_existing') openIncident(action.incident);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
        message.textContent = m.stopped(done, ids.length, failureText(err));
        if (done) void reload();
      })
      .finally(() => {
        run.disabled = false;
      });
  });
  return { form, targetsChanged: () => what.value === 'duplicate' && drawTargets() };
}
