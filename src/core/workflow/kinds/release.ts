// `release` entries: A mediator releases an endorsed finding with its incident.
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';

export const releaseRules: KindRules<'release'> = {
  authors: ['mediator'],
  authorRule: 'release_by_mediator',
  references(b, r) {
    r.findings.push(...str(b.finding));
    r.incidents.push(...str(b.incident));
  },
  decide(c) {
    const { facts, mission: m, missing } = c;
    const b = c.body;

    const f = facts.findings.get(b.finding);
    if (!f) return missing('finding', b.finding);
    if (f.incident !== b.incident)
      return refuse(422, 'release_incident', `finding ${f.id} is about incident ${f.incident}`);
    if (f.status !== 'endorsed')
      return refuse(
        422,
        'release_endorsed',
        f.status === 'draft'
          ? `${f.endorsers.length} of ${m.workflow.endorsementsRequired} endorsements`
          : `finding ${f.id} is ${f.status}`,
      );
    return {
      ok: true,
      finding: { id: f.id, to: 'released' },
      incident: { id: f.incident, to: 'released' },
    };
  },
};
