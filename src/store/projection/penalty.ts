// Projecting `penalty` entries into the read model (wf_penalties): a proposal makes a row with its
// organisation as first endorser; an endorsement adds its organisation; the k-th (imposesNow, the
// same function the rules' k-of-n reads) marks it imposed at that entry's log index.
import { imposesNow } from '../../core/workflow/penalties.js';
import type { KindProjection } from './context.js';

export const penaltyProjection: KindProjection<'penalty'> = {
  async apply(c) {
    const { tx, mission, env, facts, meta, org } = c;
    const b = c.body;
    const m = facts.mission;
    if (b.action === 'propose') {
      const schedule = m.agreements.find((a) => a.id === b.agreement)!.penalties!;
      const imposed = imposesNow(m, []);
      await tx
        .insertInto('wf_penalties')
        .values({
          mission,
          id: env.id,
          idx: meta.idx,
          agreement: b.agreement,
          party: b.party,
          step: b.step,
          step_no: schedule.steps.findIndex((s) => s.id === b.step),
          findings: JSON.stringify(b.findings),
          endorsers: JSON.stringify([org]),
          status: imposed ? 'imposed' : 'proposed',
          proposed_at: meta.receivedAt,
          imposed_idx: imposed ? meta.idx : null,
          imposed_at: imposed ? meta.receivedAt : null,
        })
        .execute();
      return;
    }
    const p = facts.penalties!.penalties.find((x) => x.id === b.penalty)!;
    const imposed = imposesNow(m, p.endorsers);
    await tx
      .updateTable('wf_penalties')
      .set({
        endorsers: JSON.stringify([...p.endorsers, org]),
        ...(imposed
          ? { status: 'imposed', imposed_idx: meta.idx, imposed_at: meta.receivedAt }
          : {}),
      })
      .where('mission', '=', mission)
      .where('id', '=', p.id)
      .execute();
  },
};
