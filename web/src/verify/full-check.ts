// The log page's check of the whole log, run in a Web Worker (full-check.worker.ts): the checkpoint
// against the policy, then every entry bundle up to the checkpoint's size, from which the Merkle
// tree is rebuilt and compared with the checkpoint's root hash (so no entry was added, removed or
// changed, and the key index could not have left a key entry out); every entry is a canonical
// envelope of the mission with a unique id, the log starts with the mission document and its key
// genesis, every key entry follows the key rule, every other entry is signed by a key registered
// earlier and not revoked (the log's own key for sealing: commitments and reveals only), and every
// reveal opens the commitment it names with an entry its author signed. The same rules as
// `truceline verify` (src/log/audit-keys.ts, audit-reveals.ts), from src/core, in the browser.
import { parseEntry, type Envelope } from '../../../src/core/envelope.js';
import { KeyRegistry } from '../../../src/core/keys/registry.js';
import type { BodyOf } from '../../../src/core/records/kinds.js';
import { MissionDocSchema } from '../../../src/core/records/mission.js';
import { checkReveal } from '../../../src/core/sealing/reveal-check.js';
import { authorIdOf } from '../../../src/core/signing.js';
import { TILE_WIDTH, bytesEqual, hashLeaf, merkleRoot } from '../../../src/tlog/index.js';
import { checkPolicyAgainstMission, fetchVerifiedCheckpoint } from './checkpoint.js';
import { VerifyFailure, errorText } from './failure.js';
import { checkSignature } from './keys.js';
import { LogClient } from './log-client.js';
import { fmtNumber, messages } from './messages.js';

export interface FullCheckProgress {
  done: number;
  total: number;
}

export interface FullCheckResult {
  entries: number;
  size: number;
  keys: number;
  kinds: Record<string, number>;
}

const label = (kind: string, index: number) => {
  const m = messages();
  return m.recordLabel((m.kinds[kind] ?? kind).toLowerCase(), fmtNumber(index));
};

export async function checkWholeLog(
  slug: string,
  onProgress: (p: FullCheckProgress) => void,
): Promise<FullCheckResult> {
  const client = new LogClient(slug);
  const cp = await fetchVerifiedCheckpoint(client);
  const { size, rootHash } = cp.checkpoint;
  const logVkey = cp.policy.logs[0]?.vkey;
  const logAuthor = logVkey ? authorIdOf(logVkey) : undefined;
  const leaves: Uint8Array[] = [];
  const ids = new Set<string>();
  const kinds: Record<string, number> = {};
  const commitments = new Map<string, { index: number; env: Envelope }>();
  let registry: KeyRegistry | undefined;
  let mission: string | undefined;
  /** Genesis entries whose signatures wait for the genesis keys (the mission entry). */
  let held: { index: number; env: Envelope }[] | null = [];
  let pending: Promise<void>[] = [];

  const unreadable = (index: number, why: string) =>
    new VerifyFailure(
      'entry-unreadable',
      (m) => m.whyEntryUnreadable(label('entry', index), fmtNumber(index), why),
      index,
    );
  const keyOf = (author: string, index: number, what: string): string => {
    const k = registry?.get(author);
    if (!k)
      throw new VerifyFailure('no-key', (m) => m.whyNoKey(what, fmtNumber(index), author), index);
    if (k.revoked)
      throw new VerifyFailure(
        'revoked-key',
        (m) => m.whyRevokedKey(what, fmtNumber(index), author),
        index,
      );
    return k.vkey;
  };
  const verify = (env: Envelope, vkey: string, index: number, what: string) =>
    pending.push(checkSignature(env, vkey, index, what));

  const take = (index: number, bytes: Uint8Array) => {
    leaves.push(hashLeaf(bytes));
    let env: Envelope;
    try {
      env = parseEntry(bytes);
    } catch (err) {
      throw unreadable(index, errorText(err));
    }
    const what = label(env.kind, index);
    kinds[env.kind] = (kinds[env.kind] ?? 0) + 1;
    mission ??= env.mission;
    if (env.mission !== mission) throw unreadable(index, `it belongs to mission ${env.mission}`);
    if (ids.has(env.id)) throw unreadable(index, `its id ${env.id} was used by an earlier entry`);
    ids.add(env.id);
    if (index === 0) {
      const doc = MissionDocSchema.safeParse(env.body);
      if (env.kind !== 'mission' || !doc.success)
        throw unreadable(0, 'the log does not start with its mission document');
      checkPolicyAgainstMission(cp.policy, doc.data);
      registry = new KeyRegistry(doc.data);
      held!.push({ index, env });
      return;
    }
    if (held && env.kind !== 'key') {
      for (const g of held)
        verify(
          g.env,
          keyOf(g.env.author, g.index, label(g.env.kind, g.index)),
          g.index,
          label(g.env.kind, g.index),
        );
      held = null;
    }
    if (env.kind === 'key') {
      const v = registry!.check(env);
      if (!v.ok)
        throw new VerifyFailure('key-rule', (m) => m.whyKeyRule(fmtNumber(index), v.why), index);
      const b = env.body as BodyOf<'key'>;
      const self = b.action === 'register' && authorIdOf(b.vkey) === env.author;
      verify(
        env,
        self ? (b as { vkey: string }).vkey : keyOf(env.author, index, what),
        index,
        what,
      );
      registry!.apply(v.change);
      return;
    }
    const sealing = env.kind === 'commitment' || env.kind === 'reveal';
    if (sealing && logVkey && env.author === logAuthor) verify(env, logVkey, index, what);
    else verify(env, keyOf(env.author, index, what), index, what);
    if (env.kind === 'commitment') commitments.set(env.id, { index, env });
    if (env.kind === 'reveal') {
      const b = env.body as BodyOf<'reveal'>;
      const fail = (why: string) =>
        new VerifyFailure('sealed', (m) => m.whySealed(what, fmtNumber(index), why), index);
      const c = commitments.get(b.commitment);
      if (!c) throw fail(`it names commitment ${b.commitment}, which no earlier entry is`);
      const checked = checkReveal(c.env, b, `the commitment at index ${c.index}`);
      if (!checked.ok) throw fail(checked.why);
      const k = registry!.get(checked.entry.author);
      if (!k)
        throw fail(
          `the entry it reveals is by ${checked.entry.author}, a key the log never registered`,
        );
      verify(checked.entry, k.vkey, index, what);
    }
  };

  const bundles = Math.ceil(size / TILE_WIDTH);
  onProgress({ done: 0, total: size });
  for (let n = 0; n < bundles; n++) {
    let entries: Uint8Array[];
    try {
      entries = await client.bundle(n, size);
    } catch (err) {
      if (err instanceof VerifyFailure) throw err;
      const first = n * TILE_WIDTH;
      throw new VerifyFailure(
        'entry-tampered',
        (m) => m.whyEntryUnreadable(label('entry', first), fmtNumber(first), errorText(err)),
        first,
      );
    }
    entries.forEach((bytes, j) => take(n * TILE_WIDTH + j, bytes));
    await Promise.all(pending);
    pending = [];
    onProgress({ done: Math.min(size, (n + 1) * TILE_WIDTH), total: size });
  }
  if (held)
    for (const g of held)
      verify(
        g.env,
        keyOf(g.env.author, g.index, label(g.env.kind, g.index)),
        g.index,
        label(g.env.kind, g.index),
      );
  await Promise.all(pending);
  if (!bytesEqual(merkleRoot(leaves), rootHash))
    throw new VerifyFailure('entry-tampered', (m) => m.whyRootMismatch(fmtNumber(size)));
  return { entries: leaves.length, size, keys: registry?.holders().length ?? 0, kinds };
}
