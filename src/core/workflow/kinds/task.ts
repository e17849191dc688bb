// `task` entries: Analysts task monitors; the assigned monitor updates and closes the task (access
// denied too).
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';
import { TASKABLE } from '../state-machine.js';

export const taskRules: KindRules<'task'> = {
  authors: ['analyst', 'monitor'],
  references(b, r) {
    r.incidents.push(...str(b.incident));
    r.tasks.push(...str(b.task));
    r.users.push(...str(b.assignee));
  },
  decide(c) {
    const { facts, author: a, parties, missing } = c;
    const b = c.body;

    if (b.action === 'assign') {
      if (a.role !== 'analyst')
        return refuse(403, 'kind_author', `a ${a.role} may not assign tasks; analysts do`);
      const inc = facts.incidents.get(b.incident);
      if (!inc) return missing('incident', b.incident);
      if (!TASKABLE.includes(inc.status))
        return refuse(422, 'task_state', `incident ${inc.id} is ${inc.status}`);
      const u = facts.users.get(b.assignee);
      if (!u || u.role !== 'monitor')
        return refuse(
          422,
          'task_assignee_monitor',
          u ? `${b.assignee} is a ${u.role}` : `no user ${b.assignee}`,
        );
      return inc.status === 'investigating'
        ? { ok: true }
        : { ok: true, incident: { id: inc.id, to: 'investigating' } };
    }
    const t = facts.tasks.get(b.task);
    if (!t) return missing('task', b.task);
    if (a.role !== 'analyst' && a.user !== t.assignee)
      return refuse(403, 'task_assignee_only', `task ${t.id} is assigned to ${t.assignee}`);
    if (!t.open) return refuse(422, 'task_open', `task ${t.id}`);
    if (b.action === 'close') {
      if (b.outcome === 'access_denied' && (!b.deniedBy || !parties.has(b.deniedBy)))
        return refuse(422, 'denied_by_party', `deniedBy is ${b.deniedBy ?? 'missing'}`);
      if (b.outcome !== 'access_denied' && b.deniedBy)
        return refuse(422, 'denied_by_party', `deniedBy given for outcome ${b.outcome}`);
    }
    return { ok: true };
  },
};
