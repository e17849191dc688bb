// The confidential routes as the console calls them (src/server/routes/confidential.ts):
//   POST …/confidential {entry, commitment, salt}  → {index, id (commitment), record, …}
//   GET  …/confidential/<commitment id>            → {side, salt, entry} for the side only
//   GET  …/confidential                            → my side's filings, newest first, with each
//                                                     commitment's index, reveal and record entry
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
  /** The commitment's id. */
  id: string;
  index: number;
  side: string;
  revealedIndex: number | null;
  /** The confidential record's signed entry text, as committed. */
  entry: string;
}

/** My side's confidential filings (the server keeps them: the log's own seals are not among them). */
export async function commitmentsOf(slug: string): Promise<CommitmentRow[]> {
  const res = await fetch(`${base(slug)}/confidential`, {
    headers: { accept: 'application/json' },
    cache: 'no-store',
    credentials: 'same-origin',
  });
  const { items } = (await readAnswer(res)) as {
    items: {
      commitment: string;
      index: number;
      side: string;
      revealedIndex: number | null;
      entry: string;
    }[];
  };
  return items.map((c) => ({
    id: c.commitment,
    index: c.index,
    side: c.side,
    revealedIndex: c.revealedIndex,
    entry: c.entry,
  }));
}
