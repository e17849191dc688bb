// Projecting `response` entries into the read model: the first response to an allegation is
// recorded on its report (deadlines are judged on log time).
import type { KindProjection } from './context.js';

export const responseProjection: KindProjection<'response'> = {
  async apply(c) {
    const { tx, mission, env, meta } = c;

    const rb = c.body;
    await tx
      .updateTable('wf_reports')
      .set({ response: env.id, response_at: env.at, response_received_at: meta.receivedAt })
      .where('mission', '=', mission)
      .where('id', '=', rb.allegation)
      .where('response', 'is', null)
      .execute();
  },
};
