// `endorsement` entries: Mediator organisations endorse a drafted finding, each once; k of n make
// it endorsed.
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';

export const endorsementRules: KindRules<'endorsement'> = {
  authors: ['mediator'],
  authorRule: 'endorse_by_mediator',
  references(b, r) {
    r.findings.push(...str(b.finding));
  },
  decide(c) {
    const { facts, author: a, mission: m, missing } = c;
    const b = c.body;

    const f = facts.findings.get(b.finding);
    if (!f) return missing('finding', b.finding);
    if (f.status !== 'draft' && f.status !== 'endorsed')
      return refuse(422, 'endorse_open', `finding ${f.id} is ${f.status}`);
    if (f.endorsers.includes(a.org))
      return refuse(422, 'endorse_distinct_org', `${a.org} already endorsed finding ${f.id}`);
    const k = m.workflow.endorsementsRequired;
    if (f.status === 'draft' && f.endorsers.length + 1 >= k)
      return {
        ok: true,
        finding: { id: f.id, to: 'endorsed' },
        incident: { id: f.incident, to: 'endorsed' },
      };
    return { ok: true };
  },
};
