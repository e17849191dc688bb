// Checking every envelope of a log against the keys the log itself registers (docs/architecture.md "Entries").
//
// Trust rules (what an outside auditor can check with nothing but the log):
//  - Genesis: the log starts with the `mission` entry and the `key` registrations (provisioning
//    writes them in one go, so the admin's own key may be registered after entries it signed).
//    If the first entry is the mission entry, its author is the admin: the genesis must register
//    that key with role `admin`, and the admin's key must sign every genesis entry. If the log
//    starts with key entries instead (a mission without an admin user), each genesis key entry
//    must be signed by the key it registers.
//  - After the genesis, every entry's author must be registered by an earlier entry and not
//    revoked; `key` entries (register and revoke) must be signed by an unrevoked admin key.
//  - Every entry is a canonical envelope (parseEntry), of this log's mission, with a unique id,
//    and its signature verifies with its author's registered key.
//  - Every reveal matches the commitment it names, and discloses an entry its author signed
//    (audit-reveals.ts).
// Entry bytes are attacker-controlled.
import { parseEntry, verifyEnvelope, type Envelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { authorIdOf, importVerifier } from '../core/signing.js';
import { AuditError } from './audit-errors.js';
import { RevealChecker } from './audit-reveals.js';
import type { WorkerVerdict } from './audit-worker.js';

interface KeyState {
  vkey: string;
  role: string;
  key: Promise<CryptoKey>;
  revoked: boolean;
}

/** A worker's signature check: which key it used and what it found. */
interface PreChecked {
  vkey?: string;
  ok?: boolean;
}

interface Parsed {
  index: number;
  envelope: Envelope;
  pre: PreChecked;
}

export interface EnvelopeSummary {
  /** Entries checked. */
  entries: number;
  /** Registered keys (including revoked ones). */
  keys: number;
  /** Entries per kind. */
  kinds: Record<string, number>;
}

export class EnvelopeChecker {
  private mission: string | undefined;
  private readonly keys = new Map<string, KeyState>();
  private readonly ids = new Set<string>();
  /** Genesis entries held back until the genesis ends (null once it has). */
  private genesis: Parsed[] | null = [];
  private pending: Array<Promise<void>> = [];
  private count = 0;
  private readonly kinds: Record<string, number> = {};
  private readonly reveals = new RevealChecker();

  /** Called with every key the log registers (the audit pool's workers learn them). */
  onKey: ((author: string, vkey: string) => void) | undefined;

  constructor(mission?: string) {
    this.mission = mission;
  }

  /**
   * Checks the entry at `index` (entries must come in index order, from 0). `verdict`: what an
   * audit worker found for these bytes (parsed envelope, and maybe its signature checked).
   */
  add(index: number, bytes: Uint8Array, verdict?: WorkerVerdict): void {
    let envelope: Envelope;
    let pre: PreChecked = {};
    if (verdict !== undefined) {
      if ('error' in verdict)
        throw new AuditError(
          'bad_entry',
          `couldn't verify entry ${index}: ${verdict.error.replace(/^couldn't accept entry: /, '')}`,
        );
      envelope = verdict.envelope;
      pre = verdict;
    } else
      try {
        envelope = parseEntry(bytes);
      } catch (err) {
        const why =
          err instanceof CoreError
            ? err.message.replace(/^couldn't accept entry: /, '')
            : String(err);
        throw new AuditError('bad_entry', `couldn't verify entry ${index}: ${why}`, { cause: err });
      }
    this.count++;
    this.kinds[envelope.kind] = (this.kinds[envelope.kind] ?? 0) + 1;
    this.mission ??= envelope.mission;
    if (envelope.mission !== this.mission)
      throw new AuditError(
        'bad_entry',
        `couldn't verify entry ${index}: it belongs to mission ${envelope.mission}, the log to ${this.mission}`,
      );
    if (this.ids.has(envelope.id))
      throw new AuditError(
        'bad_entry',
        `couldn't verify entry ${index}: its id ${envelope.id} was already used by an earlier entry`,
      );
    this.ids.add(envelope.id);
    if (this.genesis !== null) {
      if (envelope.kind === 'key' || (envelope.kind === 'mission' && index === 0)) {
        this.genesis.push({ index, envelope, pre });
        return;
      }
      this.endGenesis();
    }
    const author = this.keys.get(envelope.author);
    if (!author || author.revoked)
      throw new AuditError(
        'unknown_key',
        `couldn't verify entry ${index}: its author ${envelope.author} has ${author ? 'a revoked key' : 'no key registered earlier in the log'}`,
      );
    if (envelope.kind === 'key') {
      if (author.role !== 'admin')
        throw new AuditError(
          'unknown_key',
          `couldn't verify entry ${index}: key entries must be signed by an admin, ${envelope.author} is ${author.role}`,
        );
      this.applyKey(index, envelope);
    }
    this.verify(index, envelope, author, pre);
    const revealed = this.reveals.add(index, envelope, (a) => this.keys.get(a)?.key);
    if (revealed) {
      revealed.catch(() => {}); // reported by settle()
      this.pending.push(revealed);
    }
  }

  /** Every key registered so far, as [author, vkey]. */
  knownKeys(): Array<[string, string]> {
    return [...this.keys].map(([author, k]) => [author, k.vkey]);
  }

  /** Waits for the signature checks started so far; throws on the first bad one. */
  async settle(): Promise<void> {
    const p = this.pending;
    this.pending = [];
    await Promise.all(p);
  }

  /** Ends the genesis if the log ended inside it, and waits for every check. */
  async finish(): Promise<EnvelopeSummary> {
    if (this.genesis !== null && this.genesis.length > 0) this.endGenesis();
    await this.settle();
    return { entries: this.count, keys: this.keys.size, kinds: { ...this.kinds } };
  }

  private endGenesis(): void {
    const entries = this.genesis ?? [];
    this.genesis = null;
    for (const { index, envelope } of entries)
      if (envelope.kind === 'key') this.applyKey(index, envelope);
    const first = entries[0];
    if (first?.envelope.kind === 'mission') {
      const admin = this.keys.get(first.envelope.author);
      if (!admin || admin.role !== 'admin')
        throw new AuditError(
          'unknown_key',
          `couldn't verify entry 0: the mission entry's author ${first.envelope.author} is not registered as admin by the log's first entries`,
        );
      for (const { index, envelope, pre } of entries) {
        if (envelope.author !== first.envelope.author)
          throw new AuditError(
            'unknown_key',
            `couldn't verify entry ${index}: the log's first entries must be signed by the admin ${first.envelope.author}, not ${envelope.author}`,
          );
        this.verify(index, envelope, admin, pre);
      }
    } else {
      for (const { index, envelope, pre } of entries) {
        const body = envelope.body as { action?: string; vkey?: string };
        const own = body.action === 'register' && body.vkey ? authorIdOf(body.vkey) : undefined;
        const k = this.keys.get(envelope.author);
        if (own !== envelope.author || !k)
          throw new AuditError(
            'unknown_key',
            `couldn't verify entry ${index}: a log without a mission entry must start with self-signed key registrations`,
          );
        this.verify(index, envelope, k, pre);
      }
    }
  }

  private applyKey(index: number, envelope: Envelope): void {
    const body = envelope.body as
      { action: 'register'; vkey: string; role: string } | { action: 'revoke'; key: string };
    if (body.action === 'register') {
      const author = authorIdOf(body.vkey);
      const key = importVerifier(body.vkey);
      key.catch(() => {}); // awaited (and reported) by verify()
      this.keys.set(author, { vkey: body.vkey, role: body.role, key, revoked: false });
      this.onKey?.(author, body.vkey);
    } else {
      const k = this.keys.get(body.key);
      if (!k)
        throw new AuditError(
          'unknown_key',
          `couldn't verify entry ${index}: it revokes ${body.key}, which the log never registered`,
        );
      k.revoked = true;
    }
  }

  private verify(index: number, envelope: Envelope, k: KeyState, pre: PreChecked): void {
    const bad = () =>
      new AuditError(
        'bad_signature',
        `couldn't verify entry ${index}: its signature does not verify with the key of ${envelope.author}`,
      );
    // A worker's answer counts only if it checked with exactly the key the log registered.
    if (pre.vkey !== undefined && pre.vkey === k.vkey) {
      if (!pre.ok) throw bad();
      return;
    }
    const check = k.key
      .then(
        (k) => verifyEnvelope(envelope, k),
        (err: unknown) => {
          throw new AuditError(
            'unknown_key',
            `couldn't verify entry ${index}: the registered key of ${envelope.author} is unusable: ${(err as Error).message}`,
            { cause: err },
          );
        },
      )
      .then((ok) => {
        if (!ok) throw bad();
      });
    check.catch(() => {}); // reported by settle()
    this.pending.push(check);
  }
}
