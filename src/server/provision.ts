// Provisioning a mission: stores the mission and its organisations, creates the log's signing key
// and the witnesses' keys, the mission's users with their API tokens (stored hashed) and Ed25519
// keys, and logs the mission and every key registration as signed entries.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signEnvelope } from '../core/envelope.js';
import { newId } from '../core/ids.js';
import type { MissionDoc } from '../core/records/mission.js';
import { signerFromNoteKey, type Signer } from '../core/signing.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from '../tlog/note-key.js';
import type { NewEntry, Store } from '../store/store.js';
import { hashPassword, newPassword } from './auth/passwords.js';
import { logOrigin } from './missions.js';
import { hashToken, newToken } from './tokens.js';

export interface CredentialsUser {
  org: string;
  role: string;
  token: string;
  /** For password sign-in to the web portal (stored only as a scrypt hash). */
  password: string;
  keyFile: string;
  author: string;
}
export interface Credentials {
  server: string;
  mission: string;
  users: Record<string, CredentialsUser>;
}

export const CREDENTIALS_FILE = 'demo-credentials.json';

/** Writes a secret file readable by its owner only (mode 0600, also when it already existed). */
export function writeSecretFile(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

export interface ProvisionOptions {
  /** Where key files are written now. */
  writeDir: string;
  /** Where they will live when the server runs (differs while provisioning into a staging dir). */
  finalDir: string;
  publicUrl: string;
  now?: Date;
}

export async function provisionMission(
  store: Store,
  doc: MissionDoc,
  options: ProvisionOptions,
): Promise<Credentials> {
  const now = (options.now ?? new Date()).toISOString();
  const keysDir = join(options.writeDir, 'keys');
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const keyPath = (dir: string, file: string) => join(dir, 'keys', file);

  await store.createMission(doc, now);

  // The log key's name is the log origin (c2sp.org/tlog-checkpoint).
  const origin = logOrigin(options.publicUrl, doc.slug);
  const logKey = generateNoteKey(origin);
  writeSecretFile(keyPath(options.writeDir, `log.${doc.slug}.key`), logKey.skey + '\n');
  await store.putSetting(doc.slug, 'log.origin', origin);
  await store.putSetting(doc.slug, 'log.vkey', logKey.vkey);

  for (const witness of doc.witnesses) {
    const key = generateNoteKey(witness.name, { type: SIG_TYPE_COSIGNATURE_V1 });
    writeSecretFile(keyPath(options.writeDir, `witness.${witness.name}.key`), key.skey + '\n');
    await store.putSetting(doc.slug, `witness.${witness.name}.vkey`, key.vkey);
  }

  const users: Record<string, CredentialsUser> = {};
  const signers = new Map<string, Signer>();
  for (const user of doc.demoUsers) {
    const id = newId();
    const password = newPassword();
    await store.createUser({
      id,
      mission: doc.slug,
      name: user.name,
      display_name: user.displayName,
      org: user.org,
      role: user.role,
      password_hash: await hashPassword(password),
      created_at: now,
    });
    const token = newToken();
    await store.addToken(hashToken(token), id, 'demo', now);
    const key = generateNoteKey(`${user.name}.${doc.slug}`);
    const file = `user.${user.name}.key`;
    writeSecretFile(keyPath(options.writeDir, file), key.skey + '\n');
    const signer = await signerFromNoteKey(key.skey);
    signers.set(user.name, signer);
    await store.addKey({
      author: signer.author,
      mission: doc.slug,
      userId: id,
      vkey: key.vkey,
      createdAt: now,
    });
    users[user.name] = {
      org: user.org,
      role: user.role,
      token,
      password,
      keyFile: keyPath(options.finalDir, file),
      author: signer.author,
    };
  }

  // The mission's first entries: the mission itself and every key, signed by the administrator
  // (or, when the mission has no admin user, by each key's own holder).
  const admin = doc.demoUsers.find((u) => u.role === 'admin');
  const adminSigner = admin && signers.get(admin.name);
  const entries: NewEntry[] = [];
  const add = async (kind: 'mission' | 'key', body: Record<string, unknown>, signer: Signer) => {
    const { envelope, bytes } = await signEnvelope(
      { mission: doc.slug, kind, body, at: now },
      signer,
    );
    entries.push({ id: envelope.id, kind, author: envelope.author, at: envelope.at, bytes });
  };
  if (adminSigner) await add('mission', doc as unknown as Record<string, unknown>, adminSigner);
  for (const user of doc.demoUsers) {
    const signer = signers.get(user.name)!;
    await add(
      'key',
      { action: 'register', user: user.name, org: user.org, role: user.role, vkey: signer.vkey },
      adminSigner ?? signer,
    );
  }
  await store.appendEntries(doc.slug, entries, now);

  return { server: options.publicUrl, mission: doc.slug, users };
}
