// `correction` entries: Supersedes an earlier record of the same organisation; nothing is edited or
// deleted.
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';
import { BODY_SCHEMAS } from '../../records/kinds.js';

export const correctionRules: KindRules<'correction'> = {
  authors: ['party', 'monitor', 'analyst', 'mediator', 'admin'],
  references(b, r) {
    const s = b.supersedes as { id?: unknown } | undefined;
    r.entries.push(...str(s?.id));
    r.findings.push(...str(s?.id));
  },
  decide(c) {
    const { facts, author: a, parties } = c;
    const b = c.body;

    const e = facts.entries.get(b.supersedes.id);
    if (!e || e.idx !== b.supersedes.index || e.superseded)
      return refuse(
        422,
        'correction_target',
        !e
          ? `no entry ${b.supersedes.id}`
          : e.superseded
            ? `entry ${e.idx} is already superseded`
            : `entry ${b.supersedes.id} is at index ${e.idx}, not ${b.supersedes.index}`,
      );
    if (
      !['report', 'response', 'finding', 'crossing', 'task', 'article', 'penalty'].includes(e.kind)
    )
      return refuse(422, 'correction_target', `a ${e.kind} cannot be corrected`);
    if (e.org !== a.org)
      return refuse(403, 'correction_own', `entry ${e.idx} was filed by ${e.org ?? 'unknown'}`);
    if (e.kind === 'penalty') {
      // A penalty proposal may be withdrawn by its own organisation while it awaits endorsement;
      // an imposed penalty was decided k of n, and one organisation may not undo it (nor may an
      // endorsement entry be corrected into something else).
      const p = facts.penalties?.penalties.find((x) => x.id === e.id);
      if (!p) return refuse(422, 'correction_target', `entry ${e.idx} is not a penalty proposal`);
      if (p.status !== 'proposed')
        return refuse(422, 'correction_target', `penalty ${p.id} is ${p.status}: it stands`);
      if (b.replacement !== undefined)
        return refuse(
          422,
          'correction_replacement',
          'a penalty proposal is withdrawn, not replaced: propose again',
        );
    }
    if (b.replacement !== undefined) {
      const parsed = BODY_SCHEMAS[e.kind as 'report'].safeParse(b.replacement);
      if (!parsed.success)
        return refuse(422, 'correction_replacement', parsed.error.issues[0]?.message ?? 'invalid');
      if (e.kind === 'finding') {
        const f = facts.findings.get(e.id);
        const nb = b.replacement as { incident?: unknown; attribution?: unknown };
        if (f && nb.incident !== f.incident)
          return refuse(422, 'correction_replacement', 'a finding keeps its incident');
        if (nb.attribution !== 'undetermined' && !parties.has(String(nb.attribution)))
          return refuse(422, 'attribution_party', `${String(nb.attribution)} is not a party`);
      }
    }
    return { ok: true };
  },
};
