// One record of the incident page, verified: the log entry at its index is proven against the
// checkpoint, is the record the page shows (same id, kind, author, time and body), and is signed by
// the key the log registered for its author at that point. A record that entered the log sealed is
// checked through its log-signed reveal and commitment instead (src/core/sealing/reveal-check.ts):
// both proven, both signed by the log key, the reveal opening the commitment, and the entry it
// reveals signed by its author.
import { canonicalize } from '../../../src/core/canonical-json.js';
import type { Envelope } from '../../../src/core/envelope.js';
import type { BodyOf } from '../../../src/core/records/kinds.js';
import { checkReveal } from '../../../src/core/sealing/reveal-check.js';
import { authorIdOf } from '../../../src/core/signing.js';
import { VerifyFailure } from './failure.js';
import type { KeyBook } from './keys.js';
import { checkSignature, parseProven } from './keys.js';
import { fmtNumber, messages } from './messages.js';
import { proveEntry, type ProofContext, type ProvenEntry } from './prove.js';

/** The fields of an incident API record this check reads. */
export interface PageRecord {
  id: string;
  index: number;
  kind: string;
  author: string;
  at: string;
  body: unknown;
  /** Present when the record entered the log sealed (its envelope is in the reveal). */
  sealed?: { commitmentIndex: number; revealIndex: number } | null;
}

export interface RecordCheck {
  id: string;
  index: number;
  /** The proofs to offer for download: the record's own entry, or its reveal and commitment. */
  proofs: ProvenEntry[];
  /** For a sealed record: the commitment it was checked against. */
  commitmentIndex?: number;
  vkey: string;
}

export function recordLabel(r: { kind: string; index: number }): string {
  const m = messages();
  return m.recordLabel((m.kinds[r.kind] ?? r.kind).toLowerCase(), fmtNumber(r.index));
}

/** Which field of the page's copy differs from the log's envelope, or null. */
function differingField(env: Envelope, r: PageRecord): string | null {
  if (env.id !== r.id) return 'id';
  if (env.kind !== r.kind) return 'kind';
  if (env.author !== r.author) return 'author';
  if (env.at !== r.at) return 'at';
  if (canonicalize(env.body) !== canonicalize(r.body)) return 'body';
  return null;
}

function authorKey(keys: KeyBook, env: Envelope, index: number, what: string): string {
  const k = keys.keyAt(env.author, index);
  const i = fmtNumber(index);
  if (!k.vkey) throw new VerifyFailure('no-key', (m) => m.whyNoKey(what, i, env.author), index);
  if (k.revoked)
    throw new VerifyFailure('revoked-key', (m) => m.whyRevokedKey(what, i, env.author), index);
  return k.vkey;
}

export async function checkRecord(
  ctx: ProofContext,
  keys: KeyBook,
  mission: string,
  r: PageRecord,
): Promise<RecordCheck> {
  const what = recordLabel(r);
  if (r.sealed) return checkSealed(ctx, keys, mission, r, r.sealed, what);
  const entry = await proveEntry(ctx, r.index, what);
  const env = parseProven(entry, what);
  const field = env.mission !== mission ? 'mission' : differingField(env, r);
  if (field)
    throw new VerifyFailure(
      'entry-differs',
      (m) => m.whyEntryDiffers(what, fmtNumber(r.index), field),
      r.index,
    );
  const vkey = authorKey(keys, env, r.index, what);
  await checkSignature(env, vkey, r.index, what);
  return { id: r.id, index: r.index, proofs: [entry], vkey };
}

async function checkSealed(
  ctx: ProofContext,
  keys: KeyBook,
  mission: string,
  r: PageRecord,
  sealed: { commitmentIndex: number; revealIndex: number },
  what: string,
): Promise<RecordCheck> {
  const { commitmentIndex, revealIndex } = sealed;
  const fail = (why: string) =>
    new VerifyFailure('sealed', (m) => m.whySealed(what, fmtNumber(revealIndex), why), revealIndex);
  const logVkey = ctx.cp.policy.logs[0]?.vkey;
  if (!logVkey) throw fail('the policy names no log key');
  const logAuthor = authorIdOf(logVkey);
  const [revealEntry, commitmentEntry] = await Promise.all([
    proveEntry(ctx, revealIndex, what),
    proveEntry(ctx, commitmentIndex, what),
  ]);
  const reveal = parseProven(revealEntry, what);
  const commitment = parseProven(commitmentEntry, what);
  if (reveal.kind !== 'reveal') throw fail(`index ${revealIndex} is a ${reveal.kind}`);
  if (commitment.kind !== 'commitment')
    throw fail(`index ${commitmentIndex} is a ${commitment.kind}`);
  for (const [e, i] of [
    [reveal, revealIndex],
    [commitment, commitmentIndex],
  ] as const) {
    if (e.author !== logAuthor) throw fail(`index ${i} is signed by ${e.author}, not the log`);
    await checkSignature(e, logVkey, i, what);
  }
  const c = checkReveal(
    commitment,
    reveal.body as BodyOf<'reveal'>,
    `the commitment at index ${commitmentIndex}`,
  );
  if (!c.ok) throw fail(c.why);
  const field = c.entry.mission !== mission ? 'mission' : differingField(c.entry, r);
  if (field)
    throw new VerifyFailure(
      'entry-differs',
      (m) => m.whyEntryDiffers(what, fmtNumber(revealIndex), field),
      revealIndex,
    );
  // The author's key as it stood when the sealed entry was committed.
  const vkey = authorKey(keys, c.entry, commitmentIndex, what);
  await checkSignature(c.entry, vkey, revealIndex, what);
  return {
    id: r.id,
    index: r.index,
    proofs: [revealEntry, commitmentEntry],
    commitmentIndex,
    vkey,
  };
}
