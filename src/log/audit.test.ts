// The audit core (audit.ts, audit-keys.ts) on logs built in memory: a good log passes in one go and
// incrementally; forks, rollbacks, tampered tiles and bundles, and envelopes that break the key
// rules fail with the right AuditError; arbitrary bytes from the source never crash it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { signEnvelope } from '../core/envelope.js';
import { exampleBody } from '../core/examples.js';
import { MissionDocSchema } from '../core/records/mission.js';
import { signerFromNoteKey, type Signer } from '../core/signing.js';
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from '../tlog/checkpoint.js';
import { cosignatureSigner } from '../tlog/cosignature.js';
import { generateNoteKey, SIG_TYPE_COSIGNATURE_V1 } from '../tlog/note-key.js';
import { possessionProof } from '../core/keys/possession.js';
import { ed25519NoteSigner, parseNote, signNote } from '../tlog/note.js';
import { parsePolicy, type Policy } from '../tlog/policy.js';
import { tilesForSize } from '../tlog/tiles.js';
import { AuditError } from './audit-errors.js';
import { Auditor, auditLog, checkConsistency } from './audit.js';
import type { LogSource } from './audit-source.js';
import { memorySource, tileFiles } from './memory-log.test-support.js';

const ORIGIN = 'example.org/pak-afg';
const logKey = generateNoteKey(ORIGIN);
const witnesses = ['w1.example', 'w2.example', 'w3.example'].map((n) =>
  generateNoteKey(n, { type: SIG_TYPE_COSIGNATURE_V1 }),
);
const policy: Policy = parsePolicy(
  [
    `log ${logKey.vkey}`,
    ...witnesses.map((w, i) => `witness w${i + 1} ${w.vkey}`),
    'group two 2 w1 w2 w3',
    'quorum two',
    '',
  ].join('\n'),
);

interface Log {
  source: LogSource;
  note: string;
  checkpoint: Checkpoint;
  files: Map<string, Uint8Array>;
}

/** A log of `entries` in the tlog-tiles layout, checkpoint cosigned by `cosigners` witnesses. */
function buildLog(entries: readonly Uint8Array[], cosigners = 2): Log {
  const { files, rootHash } = tileFiles(entries);
  const text = formatCheckpoint({
    origin: ORIGIN,
    size: entries.length,
    rootHash,
    extensions: [],
  });
  const now = () => 1_700_000_000;
  const note = signNote(text, [
    ed25519NoteSigner(logKey.skey),
    ...witnesses.slice(0, cosigners).map((w) => cosignatureSigner(w.skey, now)),
  ]);
  return {
    files,
    note,
    checkpoint: parseCheckpoint(parseNote(note).text),
    source: sourceOf(files, note),
  };
}

const sourceOf = memorySource;

const baseDoc = MissionDocSchema.parse(
  JSON.parse(readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8')),
);
/** The mission entry lists the admin's and pk-liaison's keys as OPS's and PK's stewards. */
let doc = baseDoc;

async function user(name: string): Promise<Signer> {
  return signerFromNoteKey(generateNoteKey(`${name}.pak-afg`).skey);
}
async function env(signer: Signer, kind: 'mission' | 'key' | 'report', body?: unknown) {
  const b = body ?? (kind === 'report' ? exampleBody('report') : doc);
  return (
    await signEnvelope({ mission: 'pak-afg', kind, body: b as Record<string, unknown> }, signer)
  ).bytes;
}
const ORG_OF: Record<string, string> = { admin: 'OPS', monitor: 'MT', party: 'PK' };
const register = (s: Signer, role: string, name: string) => ({
  action: 'register',
  user: name,
  org: ORG_OF[role]!,
  role,
  vkey: s.vkey,
});
/** A registration by a steward: with the new key's proof of possession. */
const registerWithProof = async (s: Signer, role: string, name: string) => ({
  ...register(s, role, name),
  proof: await possessionProof(s, 'pak-afg', name),
});

async function fixture() {
  const admin = await user('admin');
  const pk = await user('pk-liaison');
  doc = {
    ...baseDoc,
    organisations: baseDoc.organisations.map((o) =>
      o.code === 'OPS'
        ? { ...o, stewards: [admin.vkey] }
        : o.code === 'PK'
          ? { ...o, stewards: [pk.vkey] }
          : o,
    ),
  };
  const genesis = [
    await env(admin, 'mission'),
    await env(pk, 'key', register(pk, 'party', 'pk-liaison')),
    await env(admin, 'key', register(admin, 'admin', 'admin')),
  ];
  const reports: Uint8Array[] = [];
  for (let i = 0; i < 300; i++) reports.push(await env(pk, 'report'));
  return { admin, pk, genesis, reports, all: [...genesis, ...reports] };
}
const fx = fixture();

async function rejects(p: Promise<unknown>, code: string, pattern: RegExp) {
  await assert.rejects(p, (err: unknown) => {
    assert.ok(err instanceof AuditError, `an AuditError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, pattern);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
}

test('a good log passes: quorum, every tile, the root, every envelope', async () => {
  const { all } = await fx;
  const log = buildLog(all);
  const { report } = await auditLog(log.source, policy);
  assert.equal(report.size, all.length);
  assert.deepEqual(report.cosigners, ['w1', 'w2']);
  assert.equal(report.tiles, tilesForSize(all.length).length);
  assert.equal(report.envelopes?.entries, all.length);
  assert.equal(report.envelopes?.keys, 2);
  assert.deepEqual(report.envelopes?.kinds, { mission: 1, key: 2, report: 300 });
});

test('incremental: an Auditor follows a growing log and catches a fork of what it verified', async () => {
  const { all, pk } = await fx;
  const small = buildLog(all.slice(0, 100));
  const big = buildLog(all);
  const auditor = new Auditor();
  await auditor.advance(small.source, small.checkpoint);
  await checkConsistency(big.source, small.checkpoint, big.checkpoint);
  await auditor.advance(big.source, big.checkpoint, small.checkpoint);
  assert.equal(auditor.size, all.length);

  // A fork: entry 50 replaced (a valid envelope, but another one).
  const forked = [...all];
  forked[50] = await env(pk, 'report');
  const fork = buildLog(forked);
  await rejects(
    checkConsistency(fork.source, small.checkpoint, fork.checkpoint),
    'inconsistent',
    /not consistent with checkpoint 100 verified before/,
  );
  const fresh = new Auditor();
  await fresh.advance(small.source, small.checkpoint);
  await rejects(
    fresh.advance(fork.source, fork.checkpoint, small.checkpoint),
    'inconsistent',
    /entry 50 differs from the one verified before|do not give the root of checkpoint 100/,
  );
  await rejects(
    checkConsistency(small.source, big.checkpoint, small.checkpoint),
    'inconsistent',
    /shrank/,
  );
});

test('the checkpoint must meet the quorum', async () => {
  const { all } = await fx;
  await rejects(auditLog(buildLog(all, 1).source, policy), 'checkpoint', /quorum two/);
});

test('a tampered tile, bundle or root is caught', async () => {
  const { all } = await fx;
  const log = buildLog(all);
  const tile = new Map(log.files);
  const t0 = new Uint8Array(tile.get('tile/0/000')!);
  t0[5] = t0[5]! ^ 1;
  tile.set('tile/0/000', t0);
  await rejects(auditLog(sourceOf(tile, log.note), policy), 'tile_mismatch', /tile\/0\/000/);
  const upper = new Map(log.files);
  upper.set('tile/1/000.p/1', new Uint8Array(32));
  await rejects(auditLog(sourceOf(upper, log.note), policy), 'tile_mismatch', /tile\/1\/000\.p\/1/);
  const bundle = new Map(log.files);
  bundle.set('tile/entries/001.p/47', log.files.get('tile/entries/001.p/47')!.slice(0, 100));
  await rejects(auditLog(sourceOf(bundle, log.note), policy), 'tile_mismatch', /entry bundle/);
  // A checkpoint for the right size but another root (signed by the real keys).
  const other = buildLog([...all.slice(0, -1), all[0]!]);
  await rejects(auditLog(sourceOf(log.files, other.note), policy), 'root_mismatch', /root/);
});

test('envelope rules: registered keys, admin-signed key entries, signatures, ids', async () => {
  const { admin, pk, genesis, reports } = await fx;
  const stranger = await user('stranger');
  const run = (entries: Uint8Array[]) => auditLog(buildLog(entries).source, policy);

  await rejects(
    run([...genesis, await env(stranger, 'report')]),
    'unknown_key',
    /entry 3: its author stranger\.pak-afg\+[0-9a-f]{8} has no key registered/,
  );
  // The operator's forged key entry (issue 9, finding 1): an admin-signed registration giving a
  // key to a PK user is refused by `verify`, proof or not; PK's steward may, and the key then signs.
  await rejects(
    run([
      ...genesis,
      await env(pk, 'report'),
      await env(admin, 'key', await registerWithProof(stranger, 'party', 'stranger')),
    ]),
    'unknown_key',
    /entry 4: key rule key_org is broken \(the key is registered for PK, its steward is of OPS\)/,
  );
  await rejects(
    run([...genesis, await env(pk, 'key', register(stranger, 'party', 'stranger'))]),
    'unknown_key',
    /entry 3: key rule key_proof is broken/,
  );
  await rejects(
    run([
      ...genesis,
      await env(pk, 'key', {
        ...(await registerWithProof(stranger, 'party', 'xx')),
        role: 'mediator',
      }),
    ]),
    'unknown_key',
    /entry 3: key rule key_(proof|role) is broken/,
  );
  await run([
    ...genesis,
    await env(pk, 'key', await registerWithProof(stranger, 'party', 'stranger')),
    await env(stranger, 'report'),
  ]);
  // A revoked key signs nothing more.
  await rejects(
    run([
      ...genesis,
      await env(pk, 'report'),
      await env(admin, 'key', { action: 'revoke', key: pk.author, reason: 'lost device' }),
      await env(pk, 'report'),
    ]),
    'unknown_key',
    /entry 5: .* has a revoked key/,
  );
  // A bad signature: the signature of another entry by the same author.
  const a = JSON.parse(new TextDecoder().decode(reports[0]!)) as Record<string, unknown>;
  const b = JSON.parse(new TextDecoder().decode(reports[1]!)) as Record<string, unknown>;
  const forged = new TextEncoder().encode(
    new TextDecoder().decode(reports[0]!).replace(a.sig as string, b.sig as string),
  );
  await rejects(run([...genesis, forged]), 'bad_signature', /entry 3: its signature/);
  await rejects(run([...genesis, reports[0]!, reports[0]!]), 'bad_entry', /already used/);
  await rejects(
    run([...genesis, new TextEncoder().encode('{"v":1}')]),
    'bad_entry',
    /couldn't verify entry 3/,
  );
  // The genesis: a mission entry by a key the genesis does not register.
  await rejects(
    run([await env(stranger, 'mission'), ...genesis.slice(1)]),
    'unknown_key',
    /not registered by the log's first entries/,
  );
  // A log must start with its mission entry (it lists the stewards).
  await rejects(
    run([await env(pk, 'key', register(pk, 'party', 'pk-liaison')), await env(pk, 'report')]),
    'unknown_key',
    /must start with its mission entry/,
  );
  // A self-signed registration of a key no organisation lists.
  await rejects(
    run([...genesis, await env(stranger, 'key', register(stranger, 'party', 'stranger'))]),
    'unknown_key',
    /entry 3: key rule key_consent is broken/,
  );
});

test('property: arbitrary bytes for any tile or bundle never crash the audit', async () => {
  const { all } = await fx;
  const log = buildLog(all.slice(0, 270));
  const paths = [...log.files.keys()];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...paths),
      fc.uint8Array({ maxLength: 2048 }),
      async (path, bytes) => {
        const files = new Map(log.files);
        files.set(path, bytes);
        try {
          await auditLog(sourceOf(files, log.note), policy, { envelopes: false });
        } catch (err) {
          assert.ok(err instanceof AuditError, `not an AuditError: ${String(err)}`);
          return;
        }
        // Only the very same bytes may pass.
        assert.deepEqual(bytes, log.files.get(path));
      },
    ),
    { numRuns: 150 },
  );
});

test('property: arbitrary checkpoint text is an AuditError', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 400 }), async (text) => {
      await assert.rejects(
        auditLog(sourceOf(new Map(), text), policy),
        (err: unknown) => err instanceof AuditError,
      );
    }),
    { numRuns: 200 },
  );
});

test('worker threads give the same verdicts: a good log passes, a bad signature or entry fails', async () => {
  const { pk, genesis, reports, all } = await fx;
  const opts = { workers: 2 };
  const { report } = await auditLog(buildLog(all).source, policy, opts);
  assert.equal(report.envelopes?.entries, all.length);
  // A key registered mid-log and used right away (the workers learn it late: main verifies).
  const late = await user('late');
  const lateLog = [
    ...genesis,
    ...reports.slice(0, 260),
    await env(pk, 'key', await registerWithProof(late, 'party', 'late')),
    await env(late, 'report'),
    ...reports.slice(260),
  ];
  await auditLog(buildLog(lateLog).source, policy, opts);
  // The same key's second report carrying its first one's signature: a worker did not know the
  // key yet, so the check went back to the pool as a late signature, and still fails.
  const lateA = await env(late, 'report');
  const lateB = await env(late, 'report');
  const sigOf = (e: Uint8Array) => (JSON.parse(new TextDecoder().decode(e)) as { sig: string }).sig;
  const lateForged = new TextEncoder().encode(
    new TextDecoder().decode(lateB).replace(sigOf(lateB), sigOf(lateA)),
  );
  const lateBad = [...lateLog.slice(0, 265), lateA, lateForged, ...lateLog.slice(265)];
  await rejects(
    auditLog(buildLog(lateBad).source, policy, opts),
    'bad_signature',
    /entry 266: its signature does not verify with the key of late/,
  );
  // Entry 280 (reports[277]) with the signature of another entry by the same author.
  const a = JSON.parse(new TextDecoder().decode(reports[277]!)) as Record<string, unknown>;
  const b = JSON.parse(new TextDecoder().decode(reports[276]!)) as Record<string, unknown>;
  const forged = new TextEncoder().encode(
    new TextDecoder().decode(reports[277]!).replace(a.sig as string, b.sig as string),
  );
  const bad = [...all];
  bad[280] = forged;
  await rejects(auditLog(buildLog(bad).source, policy, opts), 'bad_signature', /entry 280/);
  bad[280] = new TextEncoder().encode('{}');
  await rejects(auditLog(buildLog(bad).source, policy, opts), 'bad_entry', /entry 280/);
});

test('a duplicate id far back is caught once the id index has moved to disk (bounded memory)', async () => {
  const { all, reports } = await fx;
  const ids = { memoryIds: 16 };
  const { report } = await auditLog(buildLog(all).source, policy, { ids });
  assert.equal(report.envelopes?.entries, all.length);
  const again = [...all, reports[2]!];
  for (const workers of [0, 2])
    await rejects(
      auditLog(buildLog(again).source, policy, { ids, workers }),
      'bad_entry',
      new RegExp(`entry ${all.length}: its id .* already used by an earlier entry \\(entry 5\\)`),
    );
});
