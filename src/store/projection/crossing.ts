// Projecting `crossing` entries into the read model: a crossing report becomes a row of
// wf_crossings (official or a claim, by author: compliance-queries.ts).
import type { KindProjection } from './context.js';

export const crossingProjection: KindProjection<'crossing'> = {
  async apply(c) {
    const { tx, mission, env, meta, org } = c;

    const cb = c.body;
    await tx
      .insertInto('wf_crossings')
      .values({
        mission,
        id: env.id,
        idx: meta.idx,
        crossing: cb.crossing,
        status: cb.status,
        effective_at: cb.effectiveAt,
        org,
        body: JSON.stringify(cb),
      })
      .execute();
  },
};
