// Projecting `report` entries into the read model: a report becomes a row of wf_reports (its side,
// whom it accuses, the terms), awaiting an incident and a response.
import type { KindProjection } from './context.js';
import { insertProjected } from './insert-batch.js';

export const reportProjection: KindProjection<'report'> = {
  async apply(c) {
    const { tx, mission, env, meta, org } = c;
    const r = c.body;
    // Batched with its neighbours in a flood of reports (insert-batch.ts).
    await insertProjected(tx, 'wf_reports', {
      mission,
      id: env.id,
      org,
      accused: r.accused ?? null,
      incident: null,
      terms: JSON.stringify(r.terms),
      at: env.at,
      received_at: meta.receivedAt,
      response: null,
      response_at: null,
      response_received_at: null,
    });
  },
};
