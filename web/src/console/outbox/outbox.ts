// The offline outbox (issue 11 item 8): an entry signed while the network is away is kept in
// IndexedDB (db.ts) and sent when it is back. Sending is idempotent by construction: the entry's
// bytes (and so its id) are fixed at signing, and the log refuses an id it holds with 409
// "duplicate", which here counts as sent. One sender at a time — across tabs too (Web Locks) —
// so an entry is never posted twice by this browser while a post is in flight.
import { ApiFailure } from '../session.js';
import { addEntry, deleteEntry, entriesOf, putEntry, type OutboxEntry } from './db.js';

export type { OutboxEntry, OutboxState } from './db.js';
export { entriesOf } from './db.js';

/** POSTs one entry's bytes; resolves with the log's answer or rejects (ApiFailure, TypeError). */
export type PostEntry = (bytes: Uint8Array) => Promise<unknown>;

/** Who is sending: the mission and the signed-in user whose entries these are. */
export interface Sender {
  mission: string;
  user: string;
  post: PostEntry;
  /** The server said the session has ended: the entries wait for the next sign-in. */
  ended(): void;
}

/** The browser says it has no network (navigator.onLine is only trusted when false). */
export const isOffline = (): boolean => navigator.onLine === false;

/** fetch rejects with a TypeError when no answer came at all (no network, connection reset). */
export const isNetworkError = (err: unknown): boolean => err instanceof TypeError;

const listeners = new Set<(e: OutboxEntry) => void>();

/** Calls `fn` with an entry whenever one is queued or changes state; returns the unsubscribe. */
export function onOutboxChange(fn: (e: OutboxEntry) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function changed(e: OutboxEntry): void {
  for (const fn of listeners) fn(e);
}

/** Keeps a signed entry for later sending. */
export async function enqueue(
  s: { mission: string; user: string },
  kind: string,
  label: string,
  signed: { id: string; bytes: Uint8Array },
): Promise<void> {
  const e: OutboxEntry = {
    id: signed.id,
    bytes: signed.bytes,
    mission: s.mission,
    user: s.user,
    kind,
    label,
    created: new Date().toISOString(),
    state: 'waiting',
  };
  await addEntry(e);
  changed(e);
}

export type Delivery = { sent: unknown } | { queued: true };

/**
 * Posts a freshly signed entry, or keeps it in the outbox when there is no network (the browser
 * says so, or the post got no answer). An answer from the server — a refusal too — is not queued:
 * it is the caller's to show, as before.
 */
export async function postOrQueue(
  s: Sender,
  kind: string,
  label: string,
  signed: { id: string; bytes: Uint8Array },
): Promise<Delivery> {
  if (!isOffline()) {
    try {
      return { sent: await s.post(signed.bytes) };
    } catch (err) {
      if (!isNetworkError(err)) throw err;
    }
  }
  await enqueue(s, kind, label, signed);
  return { queued: true };
}

async function save(e: OutboxEntry): Promise<void> {
  await putEntry(e);
  changed(e);
}

/** What to do with an entry after a failed post: done (refused / sent) or try again later. */
function verdict(err: unknown): Partial<OutboxEntry> | 'later' {
  if (!(err instanceof ApiFailure)) return 'later'; // no answer: the network
  if (err.status === 409 && err.code === 'duplicate') return { state: 'sent', already: true };
  // The session ended or its token is stale, the server is unwell or busy: the entry is still
  // good, keep it.
  if (err.status === 401 || err.code === 'csrf' || err.status === 429 || err.status >= 500)
    return 'later';
  const rule = err.details?.rule;
  return {
    state: 'refused',
    reason: err.message,
    ...(typeof rule === 'string' ? { rule } : {}),
  };
}

/** Sends the user's waiting entries in the order they were signed; stops at the first "later". */
async function sendWaiting(s: Sender): Promise<void> {
  for (const e of await entriesOf(s.mission, s.user)) {
    // "sending" found here was left by a page closed mid-post (we hold the lock): the post may
    // or may not have reached the log, and a resend is answered 409 if it did.
    if (e.state !== 'waiting' && e.state !== 'sending') continue;
    if (isOffline()) return;
    await save({ ...e, state: 'sending' });
    try {
      const answer = (await s.post(e.bytes)) as { index?: unknown } | undefined;
      const index = typeof answer?.index === 'number' ? answer.index : undefined;
      await save({ ...e, state: 'sent', index });
    } catch (err) {
      const v = verdict(err);
      if (v === 'later') {
        await save({ ...e, state: 'waiting' });
        if (err instanceof ApiFailure && err.status === 401) s.ended();
        return;
      }
      await save({ ...e, ...v });
    }
  }
}

let chain: Promise<void> = Promise.resolve();

/** Sends what is waiting; calls queue behind each other, and behind other tabs' where supported. */
export function flush(s: Sender): Promise<void> {
  const run = () => sendWaiting(s);
  const locked = async (): Promise<void> => {
    if ('locks' in navigator) await navigator.locks.request('truceline-outbox', run);
    else await run();
  };
  chain = chain.then(locked, locked).catch((err: unknown) => {
    console.warn('outbox: sending failed', err);
  });
  return chain;
}

/** The body of each of the user's entries still to send (their bytes are the signed JSON). */
export async function waitingBodies(mission: string, user: string): Promise<unknown[]> {
  const text = new TextDecoder();
  return (await entriesOf(mission, user))
    .filter((e) => e.state === 'waiting' || e.state === 'sending')
    .map((e) => (JSON.parse(text.decode(e.bytes)) as { body?: unknown }).body);
}

/** Forgets the user's entries that are done (sent or refused); the waiting ones stay. */
export async function clearDone(mission: string, user: string): Promise<void> {
  for (const e of await entriesOf(mission, user)) {
    if (e.state !== 'sent' && e.state !== 'refused') continue;
    await deleteEntry(e.id);
    changed({ ...e });
  }
}
