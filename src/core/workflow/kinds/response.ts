// `response` entries: The accused side answers an allegation of an incident.
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';
import { OPEN_STATES } from '../state-machine.js';

export const responseRules: KindRules<'response'> = {
  authors: ['party'],
  references(b, r) {
    r.incidents.push(...str(b.incident));
    r.reports.push(...str(b.allegation));
  },
  decide(c) {
    const { facts, author: a, missing } = c;
    const b = c.body;

    const inc = facts.incidents.get(b.incident);
    if (!inc) return missing('incident', b.incident);
    const r = facts.reports.get(b.allegation);
    if (!r) return missing('allegation', b.allegation);
    if (r.accused === null || r.incident !== inc.id)
      return refuse(
        422,
        'response_names_allegation',
        r.accused === null
          ? `report ${r.id} accuses no one`
          : `allegation ${r.id} is not in incident ${inc.id}`,
      );
    if (r.accused !== a.org)
      return refuse(
        403,
        'response_own_side',
        `${a.org} answers an allegation against ${r.accused}`,
      );
    if (!OPEN_STATES.includes(inc.status) && inc.status !== 'released')
      return refuse(422, 'incident_open', `incident ${inc.id} is ${inc.status}`);
    return { ok: true };
  },
};
