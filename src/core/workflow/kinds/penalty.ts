// `penalty` entries (issue 11, item 7): mediators of an agreement impose the step of its penalty
// ladder that is due (../penalties.ts), k of n like findings are endorsed. A proposal names the
// step and the released findings behind it and counts as its organisation's endorsement; each
// other mediator organisation endorses once; the k-th imposes it (the projection,
// src/store/projection/penalty.ts, asks `imposesNow` too). An endorsement re-checks that the
// proposal is still justified, so a finding corrected away in between stops it.
import type { KindRules } from './context.js';
import { refuse, type Decision } from '../decision.js';
import { checkJustified, type PenaltyFacts } from '../penalties.js';
import type { AuthorFact } from '../rules.js';
import type { MissionDoc } from '../../records/mission.js';

/** The agreement's mediators only: a mediator of one agreement does not penalise under another. */
function agreementMediator(m: MissionDoc, agreement: string, a: AuthorFact): Decision | null {
  const ag = m.agreements.find((x) => x.id === agreement);
  if (ag && !ag.mediators.includes(a.org))
    return refuse(
      403,
      'penalty_agreement_mediator',
      `${a.org} is not a mediator of ${ag.id} (${ag.mediators.join(', ')})`,
    );
  return null;
}

export const penaltyRules: KindRules<'penalty'> = {
  authors: ['mediator'],
  authorRule: 'penalty_by_mediator',
  decide(c) {
    const { mission: m, author: a, missing } = c;
    // The store loads these for every penalty entry (WorkflowStore.facts). Without them nothing is
    // released and nothing proposed, so every penalty is refused: the rules fail closed.
    const pf: PenaltyFacts = c.facts.penalties ?? { findings: [], penalties: [] };
    const b = c.body;
    if (b.action === 'propose') {
      const notMine = agreementMediator(m, b.agreement, a);
      if (notMine) return notMine;
      const open = pf.penalties.find(
        (p) => p.status === 'proposed' && p.agreement === b.agreement && p.party === b.party,
      );
      if (open)
        return refuse(
          422,
          'penalty_proposed_once',
          `penalty ${open.id} (step ${open.step}) is proposed for ${b.party} and awaits endorsement`,
        );
      const j = checkJustified(m, pf, b);
      return j.ok ? { ok: true } : refuse(422, j.rule, j.why);
    }
    const p = pf.penalties.find((x) => x.id === b.penalty);
    if (!p) return missing('penalty', b.penalty);
    const notMine = agreementMediator(m, p.agreement, a);
    if (notMine) return notMine;
    if (p.status !== 'proposed')
      return refuse(422, 'penalty_open', `penalty ${p.id} is already ${p.status}`);
    if (p.endorsers.includes(a.org))
      return refuse(422, 'penalty_distinct_org', `${a.org} already endorsed penalty ${p.id}`);
    const j = checkJustified(m, pf, p);
    return j.ok ? { ok: true } : refuse(422, j.rule, j.why);
  },
};
