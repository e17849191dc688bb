// `incident` entries: The analyst desk opens incidents from reports, adds reports and moves their
// status.
import { str, strs, type KindRules } from './context.js';
import { refuse } from '../decision.js';
import type { Accepted } from '../decision.js';
import { OPEN_STATES, canMove } from '../state-machine.js';

export const incidentRules: KindRules<'incident'> = {
  authors: ['analyst'],
  references(b, r) {
    r.reports.push(...strs(b.reports));
    r.incidents.push(...str(b.incident));
    // dismiss / duplicate: the records named may be reports or articles (entries of any kind).
    r.reports.push(...strs(b.records));
    r.entries.push(...strs(b.records), ...str(b.of));
  },
  decide(c) {
    const { facts, env, missing } = c;
    const b = c.body;

    if (b.action === 'dismiss' || b.action === 'duplicate') {
      const seen = new Set<string>();
      for (const id of b.records) {
        const e = facts.entries.get(id);
        if (!e) return missing('record', id);
        if (seen.has(id) || (e.kind !== 'report' && e.kind !== 'article'))
          return refuse(
            422,
            'desk_triage',
            `${id} is a ${e.kind}${seen.has(id) ? ' named twice' : ''}`,
          );
        const inIncident = facts.reports.get(id)?.incident;
        if (inIncident)
          return refuse(422, 'desk_triage', `report ${id} is already in incident ${inIncident}`);
        seen.add(id);
      }
      if (b.action === 'duplicate') {
        const of = facts.entries.get(b.of);
        if (!of) return missing('record', b.of);
        if (seen.has(b.of) || !['report', 'article', 'incident'].includes(of.kind))
          return refuse(
            422,
            'duplicate_of',
            seen.has(b.of) ? `${b.of} cannot repeat itself` : `${b.of} is a ${of.kind}`,
          );
      }
      return { ok: true };
    }

    if (b.action === 'open' || b.action === 'add_reports') {
      const seen = new Set<string>();
      for (const id of b.reports) {
        const r = facts.reports.get(id);
        if (!r) return missing('report', id);
        if (r.incident || seen.has(id))
          return refuse(
            422,
            'report_free',
            `report ${id} is already in incident ${r.incident ?? id}`,
          );
        seen.add(id);
      }
    }
    if (b.action === 'open') return { ok: true, incident: { id: env.id, to: 'reported' } };
    const inc = facts.incidents.get(b.incident);
    if (!inc) return missing('incident', b.incident);
    if (b.action === 'add_reports') {
      if (!OPEN_STATES.includes(inc.status))
        return refuse(422, 'incident_open', `incident ${inc.id} is ${inc.status}`);
      return { ok: true };
    }
    if (!canMove(inc.status, b.status))
      return refuse(422, 'status_move', `${inc.status} → ${b.status}`);
    const d: Accepted = { ok: true, incident: { id: inc.id, to: b.status } };
    if (inc.status === 'finding_drafted' && inc.finding) d.withdrawn = inc.finding;
    return d;
  },
};
