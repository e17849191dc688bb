// The mediators' section of the console (issue 11 item 7, first half; /console/mediators): every
// finding awaiting endorsement (drafted or endorsed, not yet released), read from the incidents
// in those states (GET …/incidents?status=finding_drafted,endorsed, then each incident in full),
// drawn by findings.ts. k is the mission's workflow.endorsementsRequired.
import type { IncidentDetail, IncidentRow } from '../../../../src/core/views/read-model.js';
import { h } from '../../dom.js';
import type { ConsoleSection } from '../sections.js';
import { ApiFailure } from '../session.js';
import { failureText, renderFinding } from './findings.js';
import { mdm } from './messages.js';

export const mediatorsSection: ConsoleSection = {
  id: 'mediators',
  label: () => mdm().nav,
  // Who endorses and releases (src/core/workflow/kinds/{endorsement,release}.ts).
  roles: ['mediator'],
  render(ctx) {
    const m = mdm();
    const slug = encodeURIComponent(ctx.mission.slug);
    const k =
      (ctx.mission as { workflow?: { endorsementsRequired?: number } }).workflow
        ?.endorsementsRequired ?? 2;
    const status = h('p', { class: 'console-muted', role: 'status', id: 'med-status' }, m.loading);
    const list = h('div', { class: 'med-list', id: 'med-list' });
    async function draw(): Promise<void> {
      try {
        const rows = (await ctx.api.get(
          `/api/v1/missions/${slug}/incidents?status=finding_drafted,endorsed&limit=200`,
        )) as { items: IncidentRow[] };
        const details = await Promise.all(
          rows.items.map(
            (r) =>
              ctx.api.get(
                `/api/v1/missions/${slug}/incidents/${encodeURIComponent(r.id)}`,
              ) as Promise<IncidentDetail>,
          ),
        );
        const cards = details.flatMap((d) =>
          d.findings
            .filter((f) => f.status === 'draft' || f.status === 'endorsed')
            .map((f) => renderFinding(ctx, d, f, k, draw)),
        );
        list.replaceChildren(...cards);
        list.dataset.loaded = String(cards.length);
        status.textContent = cards.length ? '' : m.empty;
      } catch (err) {
        if (err instanceof ApiFailure && err.status === 401) ctx.sessionEnded();
        status.textContent = failureText(err);
      }
    }
    void draw();
    return h(
      'section',
      { class: 'console-card med', 'aria-labelledby': 'med-heading' },
      h('h2', { id: 'med-heading' }, m.heading),
      h('p', { class: 'console-muted' }, m.intro(k)),
      status,
      list,
    );
  },
};
