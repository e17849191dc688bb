// Projecting `commitment` entries into the read model: a confidential record's commitment becomes a
// row of wf_commitments.
import type { KindProjection } from './context.js';

export const commitmentProjection: KindProjection<'commitment'> = {
  async apply(c) {
    const { tx, mission, env, meta } = c;

    const cb = c.body;
    await tx
      .insertInto('wf_commitments')
      .values({
        mission,
        id: env.id,
        idx: meta.idx,
        digest: cb.digest,
        side: cb.side,
        revealed_idx: null,
      })
      .execute();
  },
};
