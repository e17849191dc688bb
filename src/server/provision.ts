// Provisioning a mission: stores the mission and its organisations, creates the log's signing key
// and the witnesses' keys, the mission's users with their API tokens (stored hashed) and Ed25519
// keys, and logs the mission and every key registration as signed entries.
//
// Keys follow the key rule (src/core/keys/registry.ts, issue 9 finding 1): each organisation's key
// steward registers itself (its vkey listed in the mission document), and every other key of the
// organisation is registered by that steward with the new key's proof of possession. A mission file
// without stewards gets them generated here: each organisation's first demo user's own key (or a
// keys/steward.<ORG>.key file for an organisation without demo users). The operator then holds
// every steward key and can sign in every organisation's name, which is only for demos;
// `generatedStewards` says so, and init prints it. A file that lists an organisation's stewards
// has no demo users in it: the operator cannot register their keys (the steward does).
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signEnvelope } from '../core/envelope.js';
import { newId } from '../core/ids.js';
import { possessionProof } from '../core/keys/possession.js';
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
  /**
   * Organisations whose key stewards provisioning generated (the operator holds those keys:
   * demos only), with the steward key file of those without demo users.
   */
  generatedStewards?: Record<string, { user?: string; keyFile?: string }>;
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
  given: MissionDoc,
  options: ProvisionOptions,
): Promise<Credentials> {
  const now = (options.now ?? new Date()).toISOString();
  const keysDir = join(options.writeDir, 'keys');
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const keyPath = (dir: string, file: string) => join(dir, 'keys', file);

  for (const o of given.organisations)
    if (o.stewards?.length && given.demoUsers.some((u) => u.org === o.code))
      throw new Error(
        `couldn't provision ${given.slug}: the mission file lists key stewards of ${o.code} and demo users of ${o.code}; the operator cannot register keys in ${o.code}'s name (drop ${o.code}'s demo users and let its steward register their keys, or drop its stewards for a demo)`,
      );
  // Every user's key, generated first: a steward's vkey goes into the mission document.
  const userKeys = new Map<string, { skey: string; signer: Signer }>();
  for (const user of given.demoUsers) {
    const key = generateNoteKey(`${user.name}.${given.slug}`);
    userKeys.set(user.name, { skey: key.skey, signer: await signerFromNoteKey(key.skey) });
  }
  const generatedStewards: Record<string, { user?: string; keyFile?: string }> = {};
  const stewardOf = new Map<string, string>();
  const organisations = given.organisations.map((o) => {
    if (o.stewards?.length) return o;
    const first = given.demoUsers.find((u) => u.org === o.code);
    if (first) {
      stewardOf.set(o.code, first.name);
      generatedStewards[o.code] = { user: first.name };
      return { ...o, stewards: [userKeys.get(first.name)!.signer.vkey] };
    }
    const key = generateNoteKey(`steward.${o.code}.${given.slug}`);
    const file = `steward.${o.code}.key`;
    writeSecretFile(keyPath(options.writeDir, file), key.skey + '\n');
    generatedStewards[o.code] = { keyFile: keyPath(options.finalDir, file) };
    return { ...o, stewards: [key.vkey] };
  });
  const doc: MissionDoc = { ...given, organisations };

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
    const { skey, signer } = userKeys.get(user.name)!;
    const file = `user.${user.name}.key`;
    writeSecretFile(keyPath(options.writeDir, file), skey + '\n');
    signers.set(user.name, signer);
    await store.addKey({
      author: signer.author,
      mission: doc.slug,
      userId: id,
      vkey: signer.vkey,
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

  // The mission's first entries: the mission itself (signed by the administrator, or by the first
  // steward when the mission has no admin user), then each steward registering its own key, then
  // every other key, registered by its organisation's steward with the key's proof of possession.
  const admin = doc.demoUsers.find((u) => u.role === 'admin');
  const firstSteward = [...stewardOf.values()][0];
  const missionSigner = signers.get(admin?.name ?? firstSteward ?? '');
  const entries: NewEntry[] = [];
  const add = async (kind: 'mission' | 'key', body: Record<string, unknown>, signer: Signer) => {
    const { envelope, bytes } = await signEnvelope(
      { mission: doc.slug, kind, body, at: now },
      signer,
    );
    entries.push({ id: envelope.id, kind, author: envelope.author, at: envelope.at, bytes });
  };
  if (missionSigner) await add('mission', doc as unknown as Record<string, unknown>, missionSigner);
  const stewards = new Set(stewardOf.values());
  const ordered = [
    ...doc.demoUsers.filter((u) => stewards.has(u.name)),
    ...doc.demoUsers.filter((u) => !stewards.has(u.name)),
  ];
  for (const user of ordered) {
    const signer = signers.get(user.name)!;
    const register = {
      action: 'register',
      user: user.name,
      org: user.org,
      role: user.role,
      vkey: signer.vkey,
    };
    if (stewards.has(user.name)) await add('key', register, signer);
    else
      await add(
        'key',
        { ...register, proof: await possessionProof(signer, doc.slug, user.name) },
        signers.get(stewardOf.get(user.org)!)!,
      );
  }
  await store.appendEntries(doc.slug, entries, now);

  const credentials: Credentials = { server: options.publicUrl, mission: doc.slug, users };
  if (Object.keys(generatedStewards).length) credentials.generatedStewards = generatedStewards;
  return credentials;
}
