// Checking every reveal of a log against the commitment it names (docs/architecture.md "Entries": "a later
// `reveal` discloses it, and anyone can check it against the commitment"; issue 4, item 6).
//
// The server refuses a reveal that does not match (workflow rule reveal_matches), but an auditor
// trusts no server: with nothing but the log it checks, for every `reveal` entry, that
//  - the commitment it names is an earlier `commitment` entry of this log;
//  - SHA-256(salt ‖ revealed entry) is that commitment's digest, and, for a log-signed commitment
//    of a sealed entry, the entry's kind, author and id are its clear fields (the one pure check,
//    core/sealing/reveal-check.ts, which the browser runs too);
//  - the revealed entry is a signed envelope of this mission whose signature verifies with the
//    key the log registered for its author (it may have been revoked since: it signed before).
// Reveal bodies (salt, entry text) are attacker-controlled; the envelope schema has checked them.
import { verifyEnvelope, type Envelope } from '../core/envelope.js';
import { checkReveal } from '../core/sealing/reveal-check.js';
import { CommitmentIndex } from './audit-commitments.js';
import { AuditError } from './audit-errors.js';
import type { IdIndexOptions } from './audit-ids.js';

export interface RevealSummary {
  commitments: number;
  reveals: number;
}

export class RevealChecker {
  /** Commitment id → its log index and envelope, in bounded memory. */
  private readonly commitments: CommitmentIndex;
  private reveals = 0;

  constructor(limits: IdIndexOptions = {}) {
    this.commitments = new CommitmentIndex(limits);
  }

  /** Frees the commitment index's temporary file; the checker must not be used afterwards. */
  close(): void {
    this.commitments.close();
  }

  /**
   * Takes the entry at `index` (in index order, envelope already checked). For a reveal, returns
   * the pending check of the revealed entry's signature (it rejects with an AuditError), or throws
   * at once when the reveal does not match its commitment.
   */
  add(
    index: number,
    envelope: Envelope,
    keyOf: (author: string) => Promise<CryptoKey> | undefined,
  ): Promise<void> | undefined {
    if (envelope.kind === 'commitment') {
      this.commitments.add(index, envelope);
      return undefined;
    }
    if (envelope.kind !== 'reveal') return undefined;
    this.reveals++;
    const b = envelope.body;
    const fail = (why: string): never => {
      throw new AuditError('bad_reveal', `couldn't verify the reveal at entry ${index}: ${why}`);
    };
    const c = this.commitments.get(b.commitment);
    if (!c)
      return fail(`it names commitment ${b.commitment}, which no earlier entry of the log is`);
    // What the log sealed only the log opens: no one else holds its salt.
    if (
      c.envelope.kind === 'commitment' &&
      c.envelope.body.sealed !== undefined &&
      envelope.author !== c.envelope.author
    )
      return fail(
        `it opens the sealed commitment at entry ${c.index}, signed by ${c.envelope.author}, but is signed by ${envelope.author}`,
      );
    const checked = checkReveal(c.envelope, b, `the commitment at entry ${c.index}`);
    if (!checked.ok) return fail(checked.why);
    const inner = checked.entry;
    const key = keyOf(inner.author);
    if (!key)
      return fail(
        `the entry it reveals (committed at entry ${c.index}) is signed by ${inner.author}, a key the log never registered`,
      );
    return key
      .then((k) => verifyEnvelope(inner, k))
      .then((ok) => {
        if (!ok)
          fail(
            `the signature of the entry it reveals (committed at entry ${c.index}) does not verify with the key of ${inner.author}`,
          );
      });
  }

  summary(): RevealSummary {
    return { commitments: this.commitments.size, reveals: this.reveals };
  }
}
