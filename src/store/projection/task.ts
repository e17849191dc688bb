// Projecting `task` entries into the read model: an assignment makes a wf_tasks row; a close
// records the outcome (and who refused access).
import type { KindProjection } from './context.js';

export const taskProjection: KindProjection<'task'> = {
  async apply(c) {
    const { tx, mission, env } = c;

    const tb = c.body;
    if (tb.action === 'assign')
      await tx
        .insertInto('wf_tasks')
        .values({
          mission,
          id: env.id,
          incident: tb.incident,
          assignee: tb.assignee,
          kind: tb.kind,
          open: 1,
          outcome: null,
          denied_by: null,
        })
        .execute();
    else if (tb.action === 'close')
      await tx
        .updateTable('wf_tasks')
        .set({ open: 0, outcome: tb.outcome, denied_by: tb.deniedBy ?? null })
        .where('mission', '=', mission)
        .where('id', '=', tb.task)
        .execute();
  },
};
