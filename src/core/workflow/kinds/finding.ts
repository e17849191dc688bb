// `finding` entries: The analyst desk drafts a finding on an incident under review or
// investigation.
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';
import { FINDABLE } from '../state-machine.js';

export const findingRules: KindRules<'finding'> = {
  authors: ['analyst'],
  references(b, r) {
    r.incidents.push(...str(b.incident));
  },
  decide(c) {
    const { facts, env, parties, unknownTerms, missing } = c;
    const b = c.body;

    const inc = facts.incidents.get(b.incident);
    if (!inc) return missing('incident', b.incident);
    if (!FINDABLE.includes(inc.status))
      return refuse(422, 'finding_state', `incident ${inc.id} is ${inc.status}`);
    if (b.attribution !== 'undetermined' && !parties.has(b.attribution))
      return refuse(422, 'attribution_party', `${b.attribution} is not a party`);
    const bad = unknownTerms(b.termsViolated);
    if (bad.length) return refuse(422, 'terms_known', `unknown terms: ${bad.join(', ')}`);
    return {
      ok: true,
      incident: { id: inc.id, to: 'finding_drafted' },
      finding: { id: env.id, to: 'draft' },
    };
  },
};
