// The confidential routes as the console calls them (src/server/routes/confidential.ts):
//   POST …/confidential {entry, commitment, salt}  → {index, id (commitment), record, …}
//   GET  …/confidential/<commitment id>            → {side, salt, entry} for the side only
// and the public list of commitments (…/commitments), whose `side` names mine; a commitment the
// log's own key signed for a sealed entry (body.sealed) is no confidential filing of ours and is
// told apart by reading the commitment entry itself (…/entries/<index>, immutable).
import type { Session } from '../session.js';
import { postJson, readAnswer } from '../session.js';
import type { SignedPair } from './pair.js';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const base = (slug: string) => `/api/v1/missions/${encodeURIComponent(slug)}`;

export interface Filed {
  index: number;
  /** The commitment's id. */
  id: string;
  /** The confidential record's id. */
  record: string;
}

export async function postConfidential(
  session: Session,
  slug: string,
  pair: SignedPair,
): Promise<Filed> {
  return (await postJson(session, `${base(slug)}/confidential`, {
    entry: text(pair.record.bytes),
    commitment: text(pair.commitment.bytes),
    salt: pair.salt,
  })) as Filed;
}

export interface PrivateHalf {
  side: string;
  salt: string;
  /** The record's canonical signed entry, exactly as committed. */
  entry: string;
}

/** Reads a confidential record back (never cached: it is not the public's to keep). */
export async function readConfidential(slug: string, commitment: string): Promise<PrivateHalf> {
  const res = await fetch(`${base(slug)}/confidential/${encodeURIComponent(commitment)}`, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    credentials: 'same-origin',
  });
  return (await readAnswer(res)) as PrivateHalf;
}

export interface CommitmentRow {
  id: string;
  index: number;
  digest: string;
  side: string;
  revealedIndex: number | null;
}

/** The public commitments of `side` that its own members signed (not the log's seals). */
export async function commitmentsOf(slug: string, side: string): Promise<CommitmentRow[]> {
  const res = await fetch(`${base(slug)}/commitments`, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
  });
  const { items } = (await readAnswer(res)) as { items: CommitmentRow[] };
  const mine = items.filter((c) => c.side === side);
  const own = await Promise.all(
    mine.map(async (c) => {
      // An entry never changes: the browser's cache may answer for it.
      const e = (await readAnswer(await fetch(`${base(slug)}/entries/${c.index}`))) as {
        body?: { sealed?: unknown };
      };
      return e.body?.sealed === undefined;
    }),
  );
  return mine.filter((_, i) => own[i]);
}
