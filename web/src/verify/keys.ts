// The authors' keys as the log itself registers them: the mission entry (index 0, which lists the
// key stewards) and every key entry, each fetched from the tiles and proven like any other entry,
// its signature checked and folded in log order under the key rule (src/core/keys/registry.ts, the
// code `truceline verify` and the server run). The server's key index (GET …/keys) only says where
// to look; what it lists is proven, and a key entry it leaves out is caught by the log page's full
// check.
import { parseEntry, verifyEnvelope, type Envelope } from '../../../src/core/envelope.js';
import { canonicalize } from '../../../src/core/canonical-json.js';
import { KeyRegistry } from '../../../src/core/keys/registry.js';
import type { BodyOf } from '../../../src/core/records/kinds.js';
import { MissionDocSchema, type MissionDoc } from '../../../src/core/records/mission.js';
import { authorIdOf, importVerifier } from '../../../src/core/signing.js';
import { VerifyFailure, errorText } from './failure.js';
import { fmtNumber, messages } from './messages.js';
import { proveEntry, type ProofContext, type ProvenEntry } from './prove.js';

export interface KeyIndexItem {
  index: number;
  id: string;
  at: string;
  author: string;
  body: Record<string, unknown>;
}

/** One change to an author's key, at a log index. */
interface KeyEvent {
  index: number;
  author: string;
  vkey?: string;
  revoke?: true;
}

/** Imports each vkey once per page. */
const imported = new Map<string, Promise<CryptoKey>>();
export function cryptoKeyOf(vkey: string): Promise<CryptoKey> {
  let k = imported.get(vkey);
  if (!k) {
    k = importVerifier(vkey);
    imported.set(vkey, k);
  }
  return k;
}

/** Parses proven entry bytes; an unparseable entry is named as such. */
export function parseProven(e: ProvenEntry, what: string): Envelope {
  try {
    return parseEntry(e.bytes);
  } catch (err) {
    throw new VerifyFailure(
      'entry-unreadable',
      (m) => m.whyEntryUnreadable(what, fmtNumber(e.index), errorText(err)),
      e.index,
    );
  }
}

/** Checks `env`'s signature with `vkey`; throws signature naming the entry. */
export async function checkSignature(
  env: Envelope,
  vkey: string,
  index: number,
  what: string,
): Promise<void> {
  let ok = false;
  try {
    ok = await verifyEnvelope(env, await cryptoKeyOf(vkey));
  } catch {
    ok = false;
  }
  if (!ok)
    throw new VerifyFailure(
      'signature',
      (m) => m.whySignature(what, fmtNumber(index), env.author),
      index,
    );
}

/** The mission document, from log entry 0 (proven). */
export async function provenMission(
  ctx: ProofContext,
): Promise<{ doc: MissionDoc; env: Envelope; entry: ProvenEntry }> {
  const what = messages().recordLabel('mission', fmtNumber(0));
  const entry = await proveEntry(ctx, 0, what);
  const env = parseProven(entry, what);
  const doc = MissionDocSchema.safeParse(env.body);
  if (env.kind !== 'mission' || !doc.success)
    throw new VerifyFailure(
      'entry-unreadable',
      (m) => m.whyEntryUnreadable(what, fmtNumber(0), 'not the mission document'),
      0,
    );
  return { doc: doc.data, env, entry };
}

/** GET …/keys: where the log's key entries are (what it lists is proven by KeyBook.load). */
export async function fetchKeyIndex(slug: string): Promise<KeyIndexItem[]> {
  const path = `/api/v1/missions/${encodeURIComponent(slug)}/keys`;
  try {
    const res = await fetch(path, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const items = ((await res.json()) as { items?: unknown }).items;
    if (!Array.isArray(items)) throw new Error('no "items" list');
    return items as KeyIndexItem[];
  } catch (err) {
    throw new VerifyFailure('fetch', (m) => m.whyFetch(path, errorText(err)));
  }
}

export class KeyBook {
  private constructor(
    private readonly events: KeyEvent[],
    /** The key entries as proven, for the details. */
    readonly entries: ProvenEntry[],
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** Proves every entry of the key index below the checkpoint and folds them in log order. */
  static async load(
    ctx: ProofContext,
    index: Promise<KeyIndexItem[]>,
    mission: MissionDoc,
  ): Promise<KeyBook> {
    const items = await index;
    const size = ctx.cp.checkpoint.size;
    const listed = items
      .filter((i) => Number.isSafeInteger(i.index) && i.index > 0 && i.index < size)
      .sort((a, b) => a.index - b.index);
    const proven = await Promise.all(
      listed.map(async (item) => {
        const what = messages().keyEntryLabel(fmtNumber(item.index));
        const entry = await proveEntry(ctx, item.index, what);
        const env = parseProven(entry, what);
        const differs =
          env.kind !== 'key'
            ? 'kind'
            : env.id !== item.id
              ? 'id'
              : env.author !== item.author
                ? 'author'
                : canonicalize(env.body) !== canonicalize(item.body)
                  ? 'body'
                  : null;
        if (differs)
          throw new VerifyFailure(
            'entry-differs',
            (m) => m.whyEntryDiffers(what, fmtNumber(item.index), differs),
            item.index,
          );
        return { entry, env };
      }),
    );
    const registry = new KeyRegistry(mission);
    const events: KeyEvent[] = [];
    for (const { entry, env } of proven) {
      const index = entry.index;
      const v = registry.check(env);
      if (!v.ok)
        throw new VerifyFailure('key-rule', (m) => m.whyKeyRule(fmtNumber(index), v.why), index);
      const body = env.body as BodyOf<'key'>;
      // A self-registration is signed by the key it registers; anything else by the signer's
      // registered key, as the registry stood before this entry.
      const self = body.action === 'register' && authorIdOf(body.vkey) === env.author;
      const signer = self ? (body as { vkey: string }).vkey : registry.get(env.author)?.vkey;
      if (!signer)
        throw new VerifyFailure(
          'no-key',
          (m) => m.whyNoKey(m.keyEntryLabel(fmtNumber(index)), fmtNumber(index), env.author),
          index,
        );
      await checkSignature(env, signer, index, messages().keyEntryLabel(fmtNumber(index)));
      registry.apply(v.change);
      events.push(
        'register' in v.change
          ? { index, author: v.change.register.author, vkey: v.change.register.vkey }
          : { index, author: v.change.revoke, revoke: true },
      );
    }
    return new KeyBook(
      events,
      proven.map((p) => p.entry),
    );
  }

  /** The vkey `author` had at log index `index` (registered before it, not revoked). */
  keyAt(author: string, index: number): { vkey?: string; revoked: boolean } {
    let vkey: string | undefined;
    let revoked = false;
    for (const e of this.events) {
      if (e.index >= index) break;
      if (e.author !== author) continue;
      if (e.revoke) revoked = true;
      else vkey = e.vkey;
    }
    return { vkey, revoked };
  }
}
