// Projecting `endorsement` entries into the read model: an endorsement adds its organisation to the
// finding's endorsers.
import type { KindProjection } from './context.js';

export const endorsementProjection: KindProjection<'endorsement'> = {
  async apply(c) {
    const { tx, mission, facts, org } = c;

    const f = facts.findings.get(c.body.finding)!;
    await tx
      .updateTable('wf_findings')
      .set({ endorsers: JSON.stringify([...f.endorsers, org]) })
      .where('mission', '=', mission)
      .where('id', '=', f.id)
      .execute();
  },
};
