// Projecting `release` entries into the read model: a release records its log index on the incident
// (the state machine moves the status).
import type { KindProjection } from './context.js';

export const releaseProjection: KindProjection<'release'> = {
  async apply(c) {
    const { tx, mission, meta } = c;

    const rb = c.body;
    await tx
      .updateTable('wf_incidents')
      .set({ released_idx: meta.idx })
      .where('mission', '=', mission)
      .where('id', '=', rb.incident)
      .execute();
  },
};
