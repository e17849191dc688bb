// `reveal` entries: Opens a commitment: its side, an analyst or a mediator, once, matching the
// digest.
import { str, type KindRules } from './context.js';
import { refuse } from '../decision.js';
import { revealMatches } from '../confidential.js';

export const revealRules: KindRules<'reveal'> = {
  authors: ['party', 'analyst', 'mediator'],
  references(b, r) {
    r.commitments.push(...str(b.commitment));
  },
  decide(k) {
    const { facts, author: a, missing } = k;
    const b = k.body;

    const c = facts.commitments.get(b.commitment);
    if (!c) return missing('commitment', b.commitment);
    if (a.role === 'party' && a.org !== c.side)
      return refuse(403, 'reveal_by_side', `${a.org} reveals a commitment of ${c.side}`);
    if (c.revealed) return refuse(422, 'reveal_once', `commitment ${c.id}`);
    if (!revealMatches(c.digest, b.salt, b.entry))
      return refuse(422, 'reveal_matches', `SHA-256(salt ‖ entry) is not ${c.digest}`);
    return { ok: true };
  },
};
