// The checks an entry passes before the sequencer takes it (issue 3: envelope checks only; the
// workflow rules come separately). In order: size (413), UTF-8 canonical JSON and schema naming the
// field (400), mission, registered key (422) not revoked (403), signature (422), duplicate id
// (409). The entry bytes are attacker-controlled until all of these pass.
//
// `checkBatch` applies the very same checks to many entries at once (the batch submission path):
// each entry gets its own verdict; a large batch is parsed and verified in worker threads
// (verify-pool.ts) when a core is idle, while the key lookups stay here; the duplicate-id lookup is one query per chunk
// of ids instead of one per entry, and an id seen twice in one batch is a duplicate from its
// second occurrence on. Signatures are checked with libsodium where it loads (verify-ed25519.ts).
import type { Envelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { authorIdOf } from '../core/signing.js';
import { SIG_TYPE_ED25519, parseVerifierKey } from '../tlog/note-key.js';
import type { NewEntry, Store } from '../store/store.js';
import { LogError } from './errors.js';
import { parseForMission, signatureValid } from './verify-entry.js';
import { hasIdleCore, sharedVerifyPool, type VerifyPool } from './verify-pool.js';
import type { ErrorData, VerifyVerdict } from './verify-worker.js';

const KEY_CACHE_MS = 2000;
/** Batches this large parse and verify in worker threads; smaller ones are not worth the trip. */
export const POOL_MIN_ENTRIES = 64;
/** Ids per duplicate lookup (well under SQLite's and PostgreSQL's bound-parameter limits). */
const ID_CHUNK = 500;

/** An entry that passed admission, with the envelope parsed once for the checks after it. */
export interface Admitted {
  entry: NewEntry;
  envelope: Envelope;
}
export type BatchVerdict = { ok: true; admitted: Admitted } | { ok: false; error: unknown };

interface CachedKey {
  vkey: string;
  /** The raw 32-byte Ed25519 public key. */
  key: Uint8Array;
  revoked: boolean;
  mission: string;
  checkedAt: number;
}

export class Admission {
  /** Parsed keys per author+vkey, with the key row's revocation re-read every few seconds. */
  private readonly keys = new Map<string, CachedKey>();

  constructor(
    private readonly store: Store,
    private readonly mission: string,
    /** Worker threads for large batches (undefined: everything on the calling thread). */
    private readonly pool: VerifyPool | undefined = sharedVerifyPool(),
    /** Whether to use the pool for this batch (default: only when a core is idle). */
    private readonly poolWhen: () => boolean = hasIdleCore,
  ) {}

  /** The keys this admission has looked up (sent to workers; they are checked again here). */
  private knownKeys(): Array<[string, string]> {
    return [...this.keys].map(([author, k]) => [author, k.vkey]);
  }

  /** Admits one entry (all checks above); throws the first one that fails. */
  async check(bytes: Uint8Array): Promise<NewEntry> {
    return (await this.admit(bytes)).entry;
  }

  /** Like check, and also hands back the parsed envelope (so later checks need not parse again). */
  async admit(bytes: Uint8Array): Promise<Admitted> {
    const admitted = await this.checkEnvelope(bytes);
    const id = admitted.envelope.id;
    // A sealed entry's id is not a leaf's: it is in the log's private half (sealed_entries).
    if (
      (await this.store.getEntryById(this.mission, id)) ||
      (await this.store.getSealed(this.mission, id))
    )
      throw duplicate(id);
    return admitted;
  }

  /** The checks of `admit` for every entry of a batch; one verdict per entry, in order. */
  async checkBatch(entries: Uint8Array[]): Promise<BatchVerdict[]> {
    const verdicts: BatchVerdict[] = [];
    let pooled: VerifyVerdict[] | undefined;
    if (this.pool && entries.length >= POOL_MIN_ENTRIES && this.poolWhen()) {
      // A pool that failed (a worker died) leaves the work to this thread: slower, same verdicts.
      pooled = await this.pool
        .check(this.mission, this.knownKeys(), entries)
        .catch(() => undefined);
    }
    for (let i = 0; i < entries.length; i++) {
      try {
        const bytes = entries[i]!;
        const admitted = pooled
          ? await this.fromWorker(bytes, pooled[i]!)
          : await this.checkEnvelope(bytes);
        verdicts.push({ ok: true, admitted });
      } catch (error) {
        verdicts.push({ ok: false, error });
      }
    }
    const ids = verdicts.flatMap((v) => (v.ok ? [v.admitted.envelope.id] : []));
    const stored = new Set<string>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const rows = await this.store.db
        .selectFrom('entries')
        .select('id')
        .where('mission', '=', this.mission)
        .where('id', 'in', ids.slice(i, i + ID_CHUNK))
        .execute();
      for (const r of rows) stored.add(r.id);
      const sealed = await this.store.db
        .selectFrom('sealed_entries')
        .select('record')
        .where('mission', '=', this.mission)
        .where('record', 'in', ids.slice(i, i + ID_CHUNK))
        .execute();
      for (const r of sealed) stored.add(r.record);
    }
    const seen = new Set<string>();
    return verdicts.map((v) => {
      if (!v.ok) return v;
      const id = v.admitted.envelope.id;
      if (stored.has(id)) return { ok: false, error: duplicate(id) };
      if (seen.has(id))
        return {
          ok: false,
          error: new LogError(
            'duplicate',
            `couldn't accept entry: an entry with id ${id} is earlier in the same batch`,
          ),
        };
      seen.add(id);
      return v;
    });
  }

  /** Every check but the duplicate-id lookup. */
  private async checkEnvelope(bytes: Uint8Array): Promise<Admitted> {
    return this.withKey(bytes, parseForMission(bytes, this.mission));
  }

  /** The rest of checkEnvelope after a worker parsed (and perhaps verified) the entry. */
  private async fromWorker(bytes: Uint8Array, v: VerifyVerdict): Promise<Admitted> {
    if ('error' in v) throw rebuild(v.error);
    return this.withKey(bytes, v.envelope, v);
  }

  /** Registered key (422), not revoked (403), signature (422): the worker's verdict counts only if reached with the very key looked up here. */
  private async withKey(
    bytes: Uint8Array,
    envelope: Envelope,
    worker?: { vkey?: string; ok?: boolean },
  ): Promise<Admitted> {
    const self = selfRegistration(envelope);
    if (self !== undefined && !(await this.isRegistered(envelope.author))) {
      // A key registering itself (a steward the mission lists, src/core/keys/registry.ts): its
      // signature is checked with the key it registers; whether it may is the key rule's call.
      if (!signatureValid(bytes, envelope, ed25519KeyOf(self)))
        throw new CoreError(
          'bad_signature',
          `couldn't accept entry: the signature does not verify with the key it registers (${envelope.author})`,
        );
      return admitted(bytes, envelope);
    }
    const k = await this.keyOf(envelope.author);
    if (k.revoked)
      throw new LogError(
        'revoked_key',
        `couldn't accept entry: the key of ${envelope.author} is revoked`,
      );
    const valid =
      worker?.vkey === k.vkey && worker.ok !== undefined
        ? worker.ok
        : signatureValid(bytes, envelope, k.key);
    if (!valid)
      throw new CoreError(
        'bad_signature',
        `couldn't accept entry: the signature does not verify with the key of ${envelope.author}`,
      );
    return admitted(bytes, envelope);
  }

  private async isRegistered(author: string): Promise<boolean> {
    if (this.keys.has(author)) return true;
    const row = await this.store.keyByAuthor(author);
    return row !== undefined && row.mission === this.mission;
  }

  private async keyOf(author: string): Promise<CachedKey> {
    const cached = this.keys.get(author);
    if (cached && Date.now() - cached.checkedAt < KEY_CACHE_MS) return cached;
    const row = await this.store.keyByAuthor(author);
    if (!row || row.mission !== this.mission)
      throw new LogError(
        'unknown_key',
        `couldn't accept entry: ${author} is not a registered key of ${this.mission}`,
      );
    const key = cached && cached.vkey === row.vkey ? cached.key : ed25519KeyOf(row.vkey);
    const entry = {
      vkey: row.vkey,
      key,
      revoked: row.revoked_at !== null,
      mission: row.mission,
      checkedAt: Date.now(),
    };
    this.keys.set(author, entry);
    return entry;
  }
}

function rebuild(e: ErrorData): Error {
  return e.type === 'core'
    ? new CoreError(e.code as CoreError['code'], e.message, e.details)
    : new LogError(e.code as LogError['code'], e.message, e.details);
}

function ed25519KeyOf(vkey: string): Uint8Array {
  const parsed = parseVerifierKey(vkey);
  if (parsed.type !== SIG_TYPE_ED25519)
    throw new CoreError('bad_key', "couldn't load key: envelopes are verified with type 0x01 keys");
  return parsed.key;
}

/** An entry that passed every check, as the sequencer takes it, with its parsed envelope. */
function admitted(bytes: Uint8Array, envelope: Envelope): Admitted {
  const { id, kind, author, at } = envelope;
  return { entry: { id, kind, author, at, bytes }, envelope };
}

/** The vkey a `key` entry registers when it is signed by that very key (else undefined). */
function selfRegistration(envelope: Envelope): string | undefined {
  if (envelope.kind !== 'key') return undefined;
  const b = envelope.body as { action?: unknown; vkey?: unknown };
  if (b.action !== 'register' || typeof b.vkey !== 'string') return undefined;
  try {
    return authorIdOf(b.vkey) === envelope.author ? b.vkey : undefined;
  } catch {
    return undefined; // not a verifier key: the schema or the key rule says so
  }
}

function duplicate(id: string): LogError {
  return new LogError(
    'duplicate',
    `couldn't accept entry: an entry with id ${id} is already in the log`,
  );
}
