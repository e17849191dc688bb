// `truceline verify` over a 1,000,000-entry log (issue 3): the audit core (src/log/audit.ts) reads
// the log from SQLite through the same LogSource interface it reads HTTP through, and checks the
// checkpoint against the policy (log key, quorum 2 of 3 witnesses), every tile against the tree
// rebuilt from every entry, the root, and every envelope's signature. The log is built directly
// in the store (provisioned demo mission, then signed reports integrated in big batches), not by
// HTTP one by one. Printed as a ratio to the time for just hashing the same entries (RFC 6962
// leaf hashes, node:crypto SHA-256), measured in the same run.
// Run alone: node --import tsx bench/verify.bench.ts   (TRUCELINE_BENCH_VERIFY_N to change N,
// TRUCELINE_BENCH_VERIFY_WORKERS to use envelope worker threads; default none, as truceline verify).
import { createPrivateKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { canonicalBytes } from '../src/core/canonical-json.js';
import { signedMessage } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { newId } from '../src/core/ids.js';
import { MissionDocSchema } from '../src/core/records/mission.js';
import { authorIdOf } from '../src/core/signing.js';
import { base64Encode, concatBytes, utf8Encode } from '../src/tlog/bytes.js';
import { formatCheckpoint } from '../src/tlog/checkpoint.js';
import { cosignatureSigner } from '../src/tlog/cosignature.js';
import { parseSignerKey, verifierKeyFromSignerKey } from '../src/tlog/note-key.js';
import { ed25519NoteSigner, signNote } from '../src/tlog/note.js';
import { decodeEntryBundle, TILE_WIDTH } from '../src/tlog/tiles.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { NewEntry, Store } from '../src/store/store.js';
import { auditLog } from '../src/log/audit.js';
import type { LogSource } from '../src/log/audit-source.js';
import { TreeEdge } from '../src/log/edge.js';
import { nodeHasher } from '../src/log/hasher.js';
import { LogReader } from '../src/log/reader.js';
import { missionPolicy } from '../src/log/service.js';
import { provisionMission } from '../src/server/provision.js';

const N = Number(process.env.TRUCELINE_BENCH_VERIFY_N ?? 1_000_000);
const BATCH = 4096;
const WORKERS =
  process.env.TRUCELINE_BENCH_VERIFY_WORKERS === undefined
    ? {}
    : { workers: Number(process.env.TRUCELINE_BENCH_VERIFY_WORKERS) };
const MISSION = 'pak-afg';
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const key = (dir: string, file: string) => readFileSync(join(dir, 'keys', file), 'utf8').trim();

/** Builds the log: the provisioned genesis, then signed example reports up to N entries. */
async function buildLog(
  dir: string,
  store: Store,
): Promise<{ origin: string; witnesses: string[] }> {
  const doc = MissionDocSchema.parse(
    JSON.parse(readFileSync(new URL('../missions/pak-afg.json', import.meta.url), 'utf8')),
  );
  await provisionMission(store, doc, {
    writeDir: dir,
    finalDir: dir,
    publicUrl: 'http://localhost',
  });
  const origin = 'localhost/pak-afg';
  const edge = new TreeEdge(nodeHasher);
  const genesis = await store.listEntries(MISSION, 0, 1000);
  for (const e of genesis) edge.append(nodeHasher.hashLeaf(e.bytes));
  const now = new Date().toISOString();
  await store.integrate(MISSION, {
    oldSize: 0,
    newSize: edge.size,
    tiles: edge.takeChanged(),
    receivedAt: now,
  });

  // Reports by af-liaison, signed with node:crypto (the envelope's canonical bytes are checked
  // against src/core's for the first entries).
  const skey = key(dir, 'user.af-liaison.key');
  const author = authorIdOf(verifierKeyFromSignerKey(skey));
  const priv = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, Buffer.from(parseSignerKey(skey).key)]),
    format: 'der',
    type: 'pkcs8',
  });
  const body = exampleBody('report') as Record<string, unknown>;
  const bodyJson = new TextDecoder().decode(canonicalBytes(body));
  const domain = utf8Encode('truceline/envelope/v1\n');
  let built = 0;
  while (edge.size < N) {
    const oldSize = edge.size;
    const entries: NewEntry[] = [];
    const n = Math.min(BATCH, N - oldSize);
    for (let i = 0; i < n; i++) {
      const id = newId();
      const at = new Date(Date.UTC(2025, 9, 20) + edge.size * 1000).toISOString();
      const unsigned = `{"at":"${at}","author":"${author}","body":${bodyJson},"id":"${id}","kind":"report","mission":"${MISSION}","v":1}`;
      const sig = base64Encode(sign(null, concatBytes(domain, utf8Encode(unsigned)), priv));
      const bytes = utf8Encode(`${unsigned.slice(0, -6)}"sig":"${sig}","v":1}`);
      if (built < 3) {
        const envelope = {
          v: 1 as const,
          mission: MISSION,
          kind: 'report' as const,
          id,
          at,
          author,
          body,
        };
        const expected = canonicalBytes({ ...envelope, sig });
        if (Buffer.compare(Buffer.from(expected), Buffer.from(bytes)) !== 0)
          throw new Error('bench entry bytes differ from src/core canonical envelopes');
        if (
          Buffer.compare(
            Buffer.from(signedMessage(envelope)),
            Buffer.from(concatBytes(domain, utf8Encode(unsigned))),
          ) !== 0
        )
          throw new Error('bench signed message differs from src/core');
      }
      built++;
      entries.push({ id, kind: 'report', author, at, bytes });
      edge.append(nodeHasher.hashLeaf(bytes));
    }
    await store.integrate(MISSION, {
      oldSize,
      newSize: edge.size,
      entries,
      tiles: edge.takeChanged(),
      receivedAt: now,
    });
  }
  return { origin, witnesses: doc.witnesses.map((w) => w.name) };
}

/** The log as the audit sees it: a cosigned checkpoint, tiles and entry bundles from the store. */
function storeSource(reader: LogReader, note: string): LogSource {
  return {
    name: 'sqlite',
    checkpoint: async () => utf8Encode(note),
    tile: async (level, index, width) => {
      const t = await reader.readTile(level, index, width);
      if (!t) throw new Error(`no tile ${level}/${index}/${width}`);
      return t;
    },
    entries: async (index, width) => {
      const b = await reader.entryBundle(index, width);
      if (!b) throw new Error(`no bundle ${index}/${width}`);
      return b;
    },
  };
}

function verifyLoop(): number {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const msg = Buffer.alloc(1000, 7);
  const sig = sign(null, msg, privateKey);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < 1000) {
    for (let i = 0; i < 100; i++) verify(null, msg, publicKey, sig);
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-bench-verify-'));
  const store = await openSqliteStore(join(dir, 'log.db'));
  try {
    let t = performance.now();
    const { origin, witnesses } = await buildLog(dir, store);
    const buildS = (performance.now() - t) / 1000;
    const reader = new LogReader(store, MISSION, nodeHasher);
    const size = await store.logSize(MISSION);
    const root = await reader.rootAt(size);
    const text = formatCheckpoint({ origin, size, rootHash: root, extensions: [] });
    const now = () => Math.floor(Date.now() / 1000);
    const note = signNote(text, [
      ed25519NoteSigner(key(dir, `log.${MISSION}.key`)),
      ...witnesses.map((w) => cosignatureSigner(key(dir, `witness.${w}.key`), now)),
    ]);
    const policy = missionPolicy(
      verifierKeyFromSignerKey(key(dir, `log.${MISSION}.key`)),
      witnesses.map((w) => ({
        name: w,
        vkey: verifierKeyFromSignerKey(key(dir, `witness.${w}.key`)),
      })),
      2,
    );
    console.log(`verify bench: built a ${size}-entry log in SQLite in ${buildS.toFixed(0)} s`);

    // Baseline: RFC 6962 leaf hashes of the same entries (read untimed, hashing timed).
    let hashMs = 0;
    let bytes = 0;
    for (let n = 0; n * TILE_WIDTH < size; n++) {
      const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
      const entries = decodeEntryBundle((await reader.entryBundle(n, width))!, width);
      const h0 = performance.now();
      for (const e of entries) nodeHasher.hashLeaf(e);
      hashMs += performance.now() - h0;
      for (const e of entries) bytes += e.length;
    }
    const hashS = hashMs / 1000;

    // The audit core, tree only (no envelope checks), then in full.
    t = performance.now();
    const tree = await auditLog(
      storeSource(new LogReader(store, MISSION, nodeHasher), note),
      policy,
      {
        envelopes: false,
      },
    );
    const treeS = (performance.now() - t) / 1000;
    t = performance.now();
    const full = await auditLog(
      storeSource(new LogReader(store, MISSION, nodeHasher), note),
      policy,
      WORKERS,
    );
    const fullS = (performance.now() - t) / 1000;
    if (full.report.envelopes?.entries !== size || tree.report.size !== size)
      throw new Error('the audit did not check every entry');
    const loop = verifyLoop();

    console.log(
      `  hashing only (SHA-256 leaf hashes of ${size} entries, ${(bytes / size).toFixed(0)} B avg): ${hashS.toFixed(2)} s (${(size / hashS).toFixed(0)}/s)`,
    );
    console.log(
      `  audit, tree only (every tile and the root rebuilt from every entry, read from SQLite): ${treeS.toFixed(1)} s; ratio to hashing ${(treeS / hashS).toFixed(1)}`,
    );
    console.log(
      `  truceline verify core, full (+ every envelope: schema, key, Ed25519 signature): ${fullS.toFixed(1)} s (${(size / fullS).toFixed(0)} entries/s); ratio to hashing ${(fullS / hashS).toFixed(1)}`,
    );
    console.log(
      `  for scale: bare node:crypto Ed25519 verify loop, one core: ${loop.toFixed(0)}/s (${(size / loop).toFixed(0)} s for ${size} signatures)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run();
}
