// `commitment` entries: The salted hash of a confidential record, filed with it by its own side.
import type { KindRules } from './context.js';
import { refuse } from '../decision.js';

export const commitmentRules: KindRules<'commitment'> = {
  authors: ['party', 'monitor', 'analyst'],
  decide(c) {
    const { facts, author: a } = c;
    const b = c.body;

    if (facts.channel === 'public')
      return refuse(
        422,
        'commitment_private',
        'POST the commitment with its record to /api/v1/missions/<slug>/confidential',
      );
    if (b.side !== a.org)
      return refuse(403, 'commitment_own_side', `${a.org} commits for ${b.side}`);
    if (b.sealed !== undefined)
      return refuse(
        422,
        'commitment_sealed_by_log',
        'drop "sealed": only the log itself seals entries, and files them under its own key',
      );
    return { ok: true };
  },
};
