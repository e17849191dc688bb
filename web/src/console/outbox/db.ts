// The outbox's IndexedDB store (issue 11 item 8): one object store of signed entries keyed by
// entry id, so the same entry can never be queued twice. The bytes are the canonical signed
// envelope exactly as signed; nothing here can re-sign or change them.

export type OutboxState = 'waiting' | 'sending' | 'sent' | 'refused';

export interface OutboxEntry {
  id: string;
  bytes: Uint8Array;
  mission: string;
  /** The signed-in user who signed it: only their session sends it, only they see it. */
  user: string;
  kind: string;
  /** What it is, in the words of the form that signed it ("Access denied: <incident>"). */
  label: string;
  /** When it was signed and queued (ISO); entries are sent in this order. */
  created: string;
  state: OutboxState;
  /** The log index when sent; absent when the log already had it (a 409 on resend). */
  index?: number;
  /** Sent by another send of the same entry (the log answered "duplicate"). */
  already?: boolean;
  /** The workflow rule that refused it (error.details.rule), when one did. */
  rule?: string;
  /** Why the log refused it: the error's words. */
  reason?: string;
}

const DB = 'truceline-outbox';
const STORE = 'entries';

let opened: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB would not open'));
  });
  return opened;
}

function run<T>(mode: IDBTransactionMode, go: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = go(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
      }),
  );
}

/** Adds a new entry; refuses (rejects) an id already queued. */
export function addEntry(e: OutboxEntry): Promise<IDBValidKey> {
  return run('readwrite', (s) => s.add(e));
}

export function putEntry(e: OutboxEntry): Promise<IDBValidKey> {
  return run('readwrite', (s) => s.put(e));
}

export function deleteEntry(id: string): Promise<undefined> {
  return run('readwrite', (s) => s.delete(id));
}

/** One user's entries in one mission, oldest first. */
export async function entriesOf(mission: string, user: string): Promise<OutboxEntry[]> {
  const all = (await run('readonly', (s) => s.getAll())) as OutboxEntry[];
  return all
    .filter((e) => e.mission === mission && e.user === user)
    .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
}
