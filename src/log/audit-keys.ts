// Checking every envelope of a log against the keys the log itself registers (docs/architecture.md "Entries").
//
// Trust rules (what an outside auditor can check with nothing but the log):
//  - Genesis: the log starts with the `mission` entry (index 0), then the `key` registrations
//    (provisioning writes them in one go, so the mission entry's signer is registered after it).
//    The mission entry lists each organisation's key stewards; its author must be a key the
//    genesis registers.
//  - Every `key` entry, in the genesis and after it, follows the key rule (src/core/keys/registry.ts,
//    the same code the server's `decide` runs): a steward listed in the mission registers itself,
//    every other key is registered by a registered steward of its own organisation with the new
//    key's proof of possession, with its organisation's role; one key, one user, ever; revocation
//    by the key itself, a steward of its organisation, or an admin. So no key entry the operator
//    signs can give a key to a party, monitor or mediator.
//  - After the genesis, every other entry's author must be registered by an earlier entry and not
//    revoked, or be the log's own key (the policy's), which signs only the commitments that hold
//    sealed entries' places and the reveals that open them (issue 9, finding 2).
//  - Every entry is a canonical envelope (parseEntry), of this log's mission, with a unique id,
//    and its signature verifies with its author's registered key (a self-registration's with the
//    key it registers).
//  - Every reveal matches the commitment it names, and discloses an entry its author signed
//    (audit-reveals.ts).
// Signatures are checked with libsodium (verify-ed25519.ts), by the audit workers where they knew
// the key and on this thread otherwise; ids go to a bounded-memory index (audit-ids.ts).
// Entry bytes are attacker-controlled.
import { parseEntry, type Envelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { KeyRegistry } from '../core/keys/registry.js';
import { MissionDocSchema } from '../core/records/mission.js';
import { authorIdOf, importVerifier } from '../core/signing.js';
import { parseVerifierKey, SIG_TYPE_ED25519 } from '../tlog/note-key.js';
import { AuditError } from './audit-errors.js';
import { IdIndex, type IdIndexOptions } from './audit-ids.js';
import { RevealChecker } from './audit-reveals.js';
import type { EnvelopeHead, SignatureCheck, WorkerVerdict } from './audit-worker.js';
import { base64DecodeOrUndefined } from '../tlog/bytes.js';
import { ed25519Verify } from './verify-ed25519.js';
import { signatureValid, signedMessageOf } from './verify-entry.js';

class KeyState {
  revoked = false;
  private imported: Promise<CryptoKey> | undefined;
  /** The raw Ed25519 key, or why the registered text is not one. */
  readonly raw: Uint8Array | { unusable: string };

  constructor(
    readonly vkey: string,
    readonly role: string,
  ) {
    let raw: KeyState['raw'];
    try {
      const parsed = parseVerifierKey(vkey);
      raw =
        parsed.type === SIG_TYPE_ED25519
          ? parsed.key
          : { unusable: 'envelopes are verified with type 0x01 keys' };
    } catch (err) {
      raw = { unusable: (err as Error).message };
    }
    this.raw = raw;
  }

  /** A WebCrypto key, for the reveal checks (audit-reveals.ts); imported on first use. */
  get key(): Promise<CryptoKey> {
    if (!this.imported) {
      this.imported = importVerifier(this.vkey);
      this.imported.catch(() => {}); // awaited (and reported) by the reveal check
    }
    return this.imported;
  }
}

/** A worker's signature check: which key it used and what it found. */
interface PreChecked {
  vkey?: string;
  ok?: boolean;
}

interface Parsed {
  index: number;
  bytes: Uint8Array;
  envelope: Envelope;
  pre: PreChecked;
}

/** parseEntry, its refusal as the audit's error for entry `index`. */
function parseOrFail(index: number, bytes: Uint8Array): Envelope {
  try {
    return parseEntry(bytes);
  } catch (err) {
    const why =
      err instanceof CoreError ? err.message.replace(/^couldn't accept entry: /, '') : String(err);
    throw new AuditError('bad_entry', `couldn't verify entry ${index}: ${why}`, { cause: err });
  }
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
  /** The key rule's state, from the mission entry on. */
  private registry: KeyRegistry | undefined;
  private readonly ids: IdIndex;
  /** Genesis entries held back until the genesis ends (null once it has). */
  private genesis: Parsed[] | null = [];
  private pending: Array<Promise<void>> = [];
  private count = 0;
  private readonly kinds: Record<string, number> = {};
  private readonly reveals: RevealChecker;

  /** Called with every key the log registers (the audit pool's workers learn them). */
  onKey: ((author: string, vkey: string) => void) | undefined;

  /**
   * Where signatures go that no worker checked with the right key (it came later than the
   * bundle): the audit pool, so that this thread keeps feeding the workers instead of verifying.
   * Unset: checked here at once.
   */
  offload: ((checks: SignatureCheck[]) => Promise<boolean[]>) | undefined;
  private deferred: Array<{ index: number; author: string; check: SignatureCheck }> = [];
  private late: Array<Promise<void>> = [];

  /** The log's own keys by author id: they may sign only the sealing machinery. */
  private readonly sealers = new Map<string, KeyState>();

  constructor(mission?: string, logVkeys: readonly string[] = [], ids: IdIndexOptions = {}) {
    this.mission = mission;
    this.ids = new IdIndex(ids);
    this.reveals = new RevealChecker(ids);
    for (const vkey of logVkeys) this.sealers.set(authorIdOf(vkey), new KeyState(vkey, 'log'));
  }

  /**
   * Checks the entry at `index` (entries must come in index order, from 0). `verdict`: what an
   * audit worker found for these bytes (the envelope's head, maybe the envelope, maybe its
   * signature checked).
   */
  add(index: number, bytes: Uint8Array, verdict?: WorkerVerdict): void {
    let head: EnvelopeHead;
    let whole: Envelope | undefined;
    let pre: PreChecked = {};
    if (verdict !== undefined) {
      if ('error' in verdict)
        throw new AuditError(
          'bad_entry',
          `couldn't verify entry ${index}: ${verdict.error.replace(/^couldn't accept entry: /, '')}`,
        );
      head = verdict.head;
      whole = verdict.envelope;
      pre = verdict;
    } else head = whole = parseOrFail(index, bytes);
    // The worker parsed these very bytes, so parsing them again here cannot fail.
    const envelope = (): Envelope => (whole ??= parseOrFail(index, bytes));
    this.count++;
    this.kinds[head.kind] = (this.kinds[head.kind] ?? 0) + 1;
    this.mission ??= head.mission;
    if (head.mission !== this.mission)
      throw new AuditError(
        'bad_entry',
        `couldn't verify entry ${index}: it belongs to mission ${head.mission}, the log to ${this.mission}`,
      );
    this.ids.add(head.id, index);
    if (this.genesis !== null) {
      if (head.kind === 'key' || (head.kind === 'mission' && index === 0)) {
        const e = envelope();
        if (e.kind === 'mission') this.missionBody = e.body;
        this.genesis.push({ index, bytes, envelope: e, pre });
        return;
      }
      this.endGenesis();
    }
    const sealer = this.sealers.get(head.author);
    const sealedCommitment = () =>
      head.kind === 'commitment' && (envelope().body as { sealed?: unknown }).sealed !== undefined;
    if (sealer) {
      const sealing = head.kind === 'reveal' || sealedCommitment();
      if (!sealing)
        throw new AuditError(
          'unknown_key',
          `couldn't verify entry ${index}: it is a ${head.kind} signed by the log's own key, which signs only the commitments of sealed entries and their reveals`,
        );
      this.verify(index, head, bytes, envelope, sealer, pre);
      this.checkReveal(index, head, envelope);
      return;
    }
    if (this.sealers.size > 0 && sealedCommitment())
      throw new AuditError(
        'bad_entry',
        `couldn't verify entry ${index}: it is a commitment naming a sealed entry, signed by ${head.author}; only the log's own key seals entries`,
      );
    if (head.kind === 'key') this.applyKey(index, envelope());
    const author = this.keys.get(head.author);
    // A key entry's signer was checked by the key rule before it applied (a key may revoke itself).
    if (!author || (author.revoked && head.kind !== 'key'))
      throw new AuditError(
        'unknown_key',
        `couldn't verify entry ${index}: its author ${head.author} has ${author ? 'a revoked key' : 'no key registered earlier in the log'}`,
      );
    this.verify(index, head, bytes, envelope, author, pre);
    this.checkReveal(index, head, envelope);
  }

  private checkReveal(index: number, head: EnvelopeHead, envelope: () => Envelope): void {
    if (head.kind !== 'commitment' && head.kind !== 'reveal') return;
    const revealed = this.reveals.add(index, envelope(), (a) => this.keys.get(a)?.key);
    if (revealed) {
      revealed.catch(() => {}); // reported by settle()
      this.pending.push(revealed);
    }
  }

  /** Every key an entry may be verified with so far (registered ones and the log's), as [author, vkey]. */
  knownKeys(): Array<[string, string]> {
    return [...this.sealers, ...this.keys].map(([author, k]) => [author, k.vkey]);
  }

  /** Checks the ids and waits for the checks started so far; throws on the first bad one. */
  async settle(): Promise<void> {
    this.ids.flush();
    // Late signatures are awaited only when several batches are out (and by finish()): the
    // workers check them between bundles while this thread goes on.
    const late = this.checkDeferred();
    late.catch(() => {}); // awaited below or by finish()
    this.late.push(late);
    const p = [...this.pending, ...(this.late.length > 8 ? this.late.splice(0) : [])];
    this.pending = [];
    await Promise.all(p);
  }

  private async checkDeferred(): Promise<void> {
    const deferred = this.deferred;
    this.deferred = [];
    if (deferred.length === 0) return;
    const offload = this.offload;
    const per = 64;
    const parts: Array<Promise<boolean[]>> = [];
    for (let i = 0; i < deferred.length; i += per) {
      const checks = deferred.slice(i, i + per).map((d) => d.check);
      parts.push(
        offload
          ? offload(checks)
          : Promise.resolve(checks.map((c) => ed25519Verify(c.publicKey, c.message, c.signature))),
      );
    }
    let oks: boolean[];
    try {
      oks = (await Promise.all(parts)).flat();
    } catch (err) {
      throw new AuditError(
        'bad_entry',
        `couldn't check the signatures of entries ${deferred[0]!.index} to ${deferred.at(-1)!.index}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    const bad = deferred.find((_, i) => !oks[i]);
    if (bad) throw badSignature(bad.index, bad.author);
  }

  /** Ends the genesis if the log ended inside it, and waits for every check. */
  async finish(): Promise<EnvelopeSummary> {
    if (this.genesis !== null && this.genesis.length > 0) this.endGenesis();
    await this.settle();
    await Promise.all(this.late.splice(0));
    return { entries: this.count, keys: this.keys.size, kinds: { ...this.kinds } };
  }

  /** Frees the id and commitment indexes (their temporary files); the checker must not be used afterwards. */
  close(): void {
    this.ids.close();
    this.reveals.close();
  }

  private endGenesis(): void {
    const entries = this.genesis ?? [];
    this.genesis = null;
    const first = entries[0];
    if (first?.envelope.kind !== 'mission')
      throw new AuditError(
        'unknown_key',
        `couldn't verify entry ${first?.index ?? 0}: the log must start with its mission entry (it lists the key stewards every key registration is checked against)`,
      );
    for (const { index, envelope } of entries)
      if (envelope.kind === 'key') this.applyKey(index, envelope);
    for (const { index, bytes, envelope, pre } of entries) {
      const k = this.keys.get(envelope.author);
      if (!k)
        throw new AuditError(
          'unknown_key',
          `couldn't verify entry ${index}: its author ${envelope.author} is not registered by the log's first entries`,
        );
      this.verify(index, envelope, bytes, () => envelope, k, pre);
    }
  }

  /** The key rule for a key entry; the log's registry and key states follow what it allows. */
  private applyKey(index: number, envelope: Envelope): void {
    const registry = this.registryFor(index);
    const v = registry.check(envelope);
    if (!v.ok)
      throw new AuditError(
        'unknown_key',
        `couldn't verify entry ${index}: key rule ${v.rule} is broken (${v.why})`,
      );
    registry.apply(v.change);
    if ('register' in v.change) {
      const { author, vkey, role } = v.change.register;
      this.keys.set(author, new KeyState(vkey, role));
      this.onKey?.(author, vkey);
    } else {
      const k = this.keys.get(v.change.revoke);
      if (k) k.revoked = true;
    }
  }

  private registryFor(index: number): KeyRegistry {
    if (this.registry) return this.registry;
    const mission = this.genesisMission();
    if (!mission)
      throw new AuditError(
        'unknown_key',
        `couldn't verify entry ${index}: a key entry comes before the mission entry that lists the key stewards`,
      );
    this.registry = new KeyRegistry(mission);
    return this.registry;
  }

  private missionBody: unknown;
  private genesisMission() {
    const parsed = MissionDocSchema.safeParse(this.missionBody);
    return parsed.success ? parsed.data : undefined;
  }

  private verify(
    index: number,
    head: EnvelopeHead,
    bytes: Uint8Array,
    envelope: () => Envelope,
    k: KeyState,
    pre: PreChecked,
  ): void {
    // A worker's answer counts only if it checked with exactly the key the log registered.
    let ok: boolean;
    if (pre.vkey !== undefined && pre.vkey === k.vkey) ok = pre.ok === true;
    else if ('unusable' in k.raw)
      throw new AuditError(
        'unknown_key',
        `couldn't verify entry ${index}: the registered key of ${head.author} is unusable: ${k.raw.unusable}`,
      );
    else if (this.offload) {
      const e = envelope();
      const signature = base64DecodeOrUndefined(e.sig);
      if (!signature) throw badSignature(index, head.author);
      const check = { publicKey: k.raw, message: signedMessageOf(bytes, e), signature };
      this.deferred.push({ index, author: head.author, check });
      return;
    } else ok = signatureValid(bytes, envelope(), k.raw);
    if (!ok) throw badSignature(index, head.author);
  }
}

function badSignature(index: number, author: string): AuditError {
  return new AuditError(
    'bad_signature',
    `couldn't verify entry ${index}: its signature does not verify with the key of ${author}`,
  );
}
