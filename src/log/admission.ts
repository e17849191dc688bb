// The checks an entry passes before the sequencer takes it (issue 3: envelope checks only; the
// workflow rules come separately). In order: size (413), UTF-8 canonical JSON and schema naming the
// field (400), mission, registered key (422) not revoked (403), signature (422), duplicate id
// (409). The entry bytes are attacker-controlled until all of these pass.
import { MAX_ENTRY_BYTES, parseEntry, verifyEnvelope } from '../core/envelope.js';
import { CoreError } from '../core/errors.js';
import { importVerifier } from '../core/signing.js';
import type { NewEntry, Store } from '../store/store.js';
import { LogError } from './errors.js';

const KEY_CACHE_MS = 2000;

export class Admission {
  /** Imported WebCrypto keys per author+vkey (importing is the slow part), with the key row's revocation re-read every few seconds. */
  private readonly keys = new Map<
    string,
    { vkey: string; key: CryptoKey; revoked: boolean; mission: string; checkedAt: number }
  >();

  constructor(
    private readonly store: Store,
    private readonly mission: string,
  ) {}

  async check(bytes: Uint8Array): Promise<NewEntry> {
    if (bytes.length > MAX_ENTRY_BYTES)
      throw new CoreError(
        'too_large',
        `couldn't accept entry: ${bytes.length} bytes, over ${MAX_ENTRY_BYTES}`,
      );
    const envelope = parseEntry(bytes);
    if (envelope.mission !== this.mission) {
      throw new LogError(
        'wrong_mission',
        `couldn't accept entry: "mission" is ${envelope.mission}, this log is ${this.mission}`,
        {
          issues: [{ path: 'mission', message: `must be ${this.mission}` }],
        },
      );
    }
    const k = await this.keyOf(envelope.author);
    if (k.revoked)
      throw new LogError(
        'revoked_key',
        `couldn't accept entry: the key of ${envelope.author} is revoked`,
      );
    if (!(await verifyEnvelope(envelope, k.key)))
      throw new CoreError(
        'bad_signature',
        `couldn't accept entry: the signature does not verify with the key of ${envelope.author}`,
      );
    if (await this.store.getEntryById(this.mission, envelope.id))
      throw new LogError(
        'duplicate',
        `couldn't accept entry: an entry with id ${envelope.id} is already in the log`,
      );
    return {
      id: envelope.id,
      kind: envelope.kind,
      author: envelope.author,
      at: envelope.at,
      bytes,
    };
  }

  private async keyOf(author: string) {
    const cached = this.keys.get(author);
    if (cached && Date.now() - cached.checkedAt < KEY_CACHE_MS) return cached;
    const row = await this.store.keyByAuthor(author);
    if (!row || row.mission !== this.mission)
      throw new LogError(
        'unknown_key',
        `couldn't accept entry: ${author} is not a registered key of ${this.mission}`,
      );
    const key = cached && cached.vkey === row.vkey ? cached.key : await importVerifier(row.vkey);
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
