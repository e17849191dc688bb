// Projecting `correction` entries into the read model: a correction supersedes its target and, with
// a replacement, rewrites the derived rows.
import type { KindProjection } from './context.js';

export const correctionProjection: KindProjection<'correction'> = {
  async apply(c) {
    const { tx, mission, env } = c;
    await c.ops.applyCorrection(tx, mission, env);
  },
};
