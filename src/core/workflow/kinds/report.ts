// `report` entries: An account of an event; with `accused`, an allegation by one party against the
// other.
import type { KindRules } from './context.js';
import { refuse } from '../decision.js';

export const reportRules: KindRules<'report'> = {
  authors: ['party', 'monitor', 'analyst'],
  decide(c) {
    const { author: a, parties, unknownTerms } = c;
    const b = c.body;

    if (a.role === 'party' && b.fatalities?.claimedBy && b.fatalities.claimedBy !== a.org)
      return refuse(
        403,
        'party_own_side',
        `${a.org} files a fatality count claimed by ${b.fatalities.claimedBy}`,
      );
    if (b.accused !== undefined) {
      if (a.role !== 'party')
        return refuse(403, 'allegation_by_party', `a ${a.role} names an accused party`);
      if (b.accused === a.org)
        return refuse(403, 'allegation_other_side', `${a.org} accuses itself`);
      if (!parties.has(b.accused))
        return refuse(422, 'accused_is_party', `${b.accused} is not a party`);
    }
    const bad = unknownTerms(b.terms);
    if (bad.length) return refuse(422, 'terms_known', `unknown terms: ${bad.join(', ')}`);
    return { ok: true };
  },
};
