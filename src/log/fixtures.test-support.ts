// Shared fixtures for the log tests: a SQLite (or fresh PostgreSQL) store with the demo mission and one registered user
// key, a log key, and witnesses served over real HTTP on 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signEnvelope } from '../core/envelope.js';
import { exampleBody } from '../core/examples.js';
import { newId } from '../core/ids.js';
import { MissionDocSchema } from '../core/records/mission.js';
import { signerFromNoteKey, type Signer } from '../core/signing.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from '../tlog/note-key.js';
import { ed25519NoteSigner } from '../tlog/note.js';
import { openSqliteStore } from '../store/sqlite.js';
import { openPostgresStore } from '../store/postgres.js';
import { withFreshDatabase } from '../store/postgres.test-support.js';
import type { NewEntry, Store } from '../store/store.js';
import { Sequencer, type SequencerOptions } from './sequencer.js';
import { Witness } from './witness.js';
import { serveWitness, type RunningWitness } from './witness-server.js';

export const ORIGIN = 'localhost/pak-afg';

export interface LogFixture {
  dir: string;
  store: Store;
  logKey: { skey: string; vkey: string };
  signer: Signer;
  author: string;
  close(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'postgres';

/**
 * The log fixture on either store. On PostgreSQL it is a fresh database, dropped at close; when
 * the server is unreachable outside CI the answer is the skip reason (in CI that throws).
 */
export async function logFixtureOn(kind: StoreKind): Promise<LogFixture | string> {
  if (kind === 'sqlite') return logFixture();
  const db = await withFreshDatabase();
  if (typeof db === 'string') return db;
  return logFixture(await openPostgresStore(db.url), () => db.drop());
}

export async function logFixture(
  given?: Store,
  dropStore: () => Promise<void> = async () => {},
): Promise<LogFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-log-'));
  const store = given ?? (await openSqliteStore(join(dir, 'test.db')));
  const doc = MissionDocSchema.parse(
    JSON.parse(readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8')),
  );
  const now = new Date().toISOString();
  await store.createMission(doc, now);
  const userId = newId();
  await store.createUser({
    id: userId,
    mission: 'pak-afg',
    name: 'pk-liaison',
    display_name: 'PK',
    org: 'PK',
    role: 'party',
    password_hash: null,
    created_at: now,
  });
  const key = generateNoteKey('pk-liaison.pak-afg');
  const signer = await signerFromNoteKey(key.skey);
  await store.addKey({
    author: signer.author,
    mission: 'pak-afg',
    userId,
    vkey: key.vkey,
    createdAt: now,
  });
  return {
    dir,
    store,
    logKey: generateNoteKey(ORIGIN),
    signer,
    author: signer.author,
    async close() {
      await store.close();
      await dropStore();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const logSigner = (f: LogFixture) => ed25519NoteSigner(f.logKey.skey);

/** Starts the fixture's log (demo mission, ORIGIN, the fixture's log key) with these options. */
export function startSequencer(
  f: LogFixture,
  options: Partial<SequencerOptions> = {},
): Promise<Sequencer> {
  return Sequencer.start({
    store: f.store,
    mission: 'pak-afg',
    origin: ORIGIN,
    signer: logSigner(f),
    ...options,
  });
}

export async function entry(signer: Signer, kind: 'report' = 'report'): Promise<NewEntry> {
  const { envelope, bytes } = await signEnvelope(
    { mission: 'pak-afg', kind, body: exampleBody(kind) as Record<string, unknown> },
    signer,
  );
  return { id: envelope.id, kind, author: envelope.author, at: envelope.at, bytes };
}

export async function startWitness(
  dir: string,
  name: string,
  logVkey: string,
): Promise<{ witness: Witness; running: RunningWitness; vkey: string; skey: string }> {
  const key = generateNoteKey(name, { type: SIG_TYPE_COSIGNATURE_V1 });
  const witness = new Witness({
    skey: key.skey,
    logs: [{ origin: ORIGIN, vkeys: [logVkey] }],
    statePath: join(dir, `${name}.state.json`),
  });
  const running = await serveWitness(witness, { host: '127.0.0.1', port: 0 });
  return { witness, running, vkey: key.vkey, skey: key.skey };
}
