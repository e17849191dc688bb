// Projecting `finding` entries into the read model: a drafted finding makes a wf_findings row and
// shows its verdict and attribution on the incident.
import type { KindProjection } from './context.js';

export const findingProjection: KindProjection<'finding'> = {
  async apply(c) {
    const { tx, mission, env } = c;

    const fb = c.body;
    await tx
      .insertInto('wf_findings')
      .values({
        mission,
        id: env.id,
        incident: fb.incident,
        status: 'draft',
        verdict: fb.verdict,
        attribution: fb.attribution,
        terms: JSON.stringify(fb.termsViolated),
        fatalities: fb.fatalities?.count ?? null,
        endorsers: '[]',
      })
      .execute();
    await tx
      .updateTable('wf_incidents')
      .set({ finding: env.id, verdict: fb.verdict, attribution: fb.attribution })
      .where('mission', '=', mission)
      .where('id', '=', fb.incident)
      .execute();
    if (fb.attribution !== 'undetermined')
      await c.ops.addOrgs(tx, mission, fb.incident, [fb.attribution]);
  },
};
