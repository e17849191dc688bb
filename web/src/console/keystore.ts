// The console's signing keys, kept in this browser's IndexedDB as non-extractable WebCrypto
// Ed25519 keys (issue 11 item 1): a CryptoKey is structured-cloneable, so IndexedDB stores the
// handle and the browser keeps the key material; `extractable: false` means no script, this page's
// included, can read it back. Two ways in: generated here, or imported from a c2sp.org/signed-note
// private key file (the demo users' keyFile), after which the file's text is dropped.
import { SIG_TYPE_ED25519, formatVerifierKey, parseSignerKey } from '../../../src/tlog/note-key.js';
import { concatBytes } from '../../../src/tlog/bytes.js';
import { authorIdOf, signerFromCryptoKey, type Signer } from '../../../src/core/signing.js';

export interface StoredKey {
  /** name+hash, the author id envelopes carry; the store's key. */
  author: string;
  vkey: string;
  privateKey: CryptoKey;
  source: 'browser' | 'file';
  /** The console user who put it here (a shared browser may hold several users' keys). */
  owner: string;
  created: string;
}

const DB = 'truceline-console';
const STORE = 'keys';
const ED25519 = { name: 'Ed25519' } as const;
// PKCS #8 header of an Ed25519 private key (RFC 8410 §7), as src/core/signing.ts signerFromNoteKey.
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'author' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function tx<T>(
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = run(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? req.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function listKeys(owner: string): Promise<StoredKey[]> {
  const all = await tx<StoredKey[]>('readonly', (s) => s.getAll() as IDBRequest<StoredKey[]>);
  return all.filter((k) => k.owner === owner).sort((a, b) => a.created.localeCompare(b.created));
}

export async function saveKey(key: StoredKey): Promise<void> {
  await tx('readwrite', (s) => s.put(key));
}

export async function deleteKey(author: string): Promise<void> {
  await tx('readwrite', (s) => s.delete(author));
}

/** A fresh Ed25519 key pair made by WebCrypto here; the private half is non-extractable. */
export async function createBrowserKey(owner: string, name: string): Promise<StoredKey> {
  const pair = (await crypto.subtle.generateKey(ED25519, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const vkey = formatVerifierKey(name, SIG_TYPE_ED25519, raw);
  const key: StoredKey = {
    author: authorIdOf(vkey),
    vkey,
    privateKey: pair.privateKey,
    source: 'browser',
    owner,
    created: new Date().toISOString(),
  };
  await saveKey(key);
  return key;
}

/**
 * Imports a signed-note private key text (`PRIVATE+KEY+name+hash+base64(0x01 ‖ seed)`) as a
 * non-extractable key. parseSignerKey checks the key id against the seed, so a damaged file is
 * refused here, not at the server.
 */
export async function importKeyFile(owner: string, text: string): Promise<StoredKey> {
  const parsed = parseSignerKey(text.trim());
  if (parsed.type !== SIG_TYPE_ED25519) {
    throw new Error(
      'this is a witness (cosignature, type 0x04) key; records are signed with a type 0x01 key',
    );
  }
  const privateKey = await crypto.subtle.importKey(
    'pkcs8',
    concatBytes(PKCS8_ED25519_PREFIX, parsed.key) as BufferSource,
    ED25519,
    false,
    ['sign'],
  );
  const vkey = formatVerifierKey(parsed.name, SIG_TYPE_ED25519, parsed.publicKey);
  const key: StoredKey = {
    author: authorIdOf(vkey),
    vkey,
    privateKey,
    source: 'file',
    owner,
    created: new Date().toISOString(),
  };
  await saveKey(key);
  return key;
}

export const signerOf = (key: StoredKey): Signer => signerFromCryptoKey(key.vkey, key.privateKey);

const ACTIVE = (owner: string) => `truceline.console.active.${owner}`;

export function activeAuthor(owner: string): string | null {
  try {
    return localStorage.getItem(ACTIVE(owner));
  } catch {
    return null;
  }
}

export function setActiveAuthor(owner: string, author: string | null): void {
  try {
    if (author) localStorage.setItem(ACTIVE(owner), author);
    else localStorage.removeItem(ACTIVE(owner));
  } catch {
    /* storage blocked: the first key is active */
  }
}
