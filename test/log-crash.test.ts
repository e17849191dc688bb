// The kill test (issue 3): SIGKILL the server while entries are being submitted, restart it, and
// check that every acknowledged entry is at its index and every checkpoint published before the
// crash is consistent with the one after. Bounded by entry count, not by time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEntry, signEnvelope } from '../src/core/envelope.js';
import type { BodyOf } from '../src/core/records/kinds.js';
import { commitmentDigest } from '../src/core/workflow/confidential.js';
import { base64DecodeOrUndefined } from '../src/tlog/bytes.js';
import { exampleBody } from '../src/core/examples.js';
import { signerFromNoteKey } from '../src/core/signing.js';
import { hashLeaf } from '../src/tlog/hash.js';
import { verifyConsistency, verifyInclusion } from '../src/tlog/merkle.js';
import { parsePolicy, verifyCheckpointWithPolicy } from '../src/tlog/policy.js';
import { parseProofBundle } from '../src/tlog/proof-bundle.js';
import { tileHashSourceAsync } from '../src/tlog/tiles.js';
import { consistencyProofAsync } from '../src/tlog/merkle.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { runCli, startServe } from './support/cli.js';

interface Creds {
  users: Record<string, { token: string; keyFile: string }>;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`kill test (${kind}): SIGKILL during submissions loses no acknowledged entry and forks nothing`, async (t) => {
    const db = kind === 'postgres' ? await withFreshDatabase() : undefined;
    if (typeof db === 'string') return t.skip(db);
    const dir = mkdtempSync(join(tmpdir(), 'truceline-kill-'));
    const data = join(dir, 'data');
    const env = { TRUCELINE_LOG_BATCH_INTERVAL_MS: '5' };
    const args = ['--demo', '--port', '0', '--data', data, ...(db ? ['--db', db.url] : [])];
    let server = await startServe(args, env);
    try {
      const creds = JSON.parse(readFileSync(join(data, 'demo-credentials.json'), 'utf8')) as Creds;
      const user = Object.values(creds.users)[0]!;
      const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
      const policy = parsePolicy(await (await fetch(`${server.url}/log/pak-afg/policy`)).text());

      // `truceline submit` on stdin (JSON lines), before the crash.
      const body = runCli(['submit', '--example', 'report']).stdout.trim();
      const name = Object.keys(creds.users)[0]!;
      const cli = runCli(
        [
          'submit',
          '--server',
          server.url,
          '--credentials',
          join(data, 'demo-credentials.json'),
          '--as',
          name,
          '--kind',
          'report',
          '-',
        ],
        { input: `${body}\n${body}\n{"bad":true}\n` },
      );
      const lines = cli.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(lines.length, 3);
      assert.equal(typeof lines[0]!.index, 'number');
      assert.equal(typeof lines[1]!.index, 'number');
      assert.ok(lines[2]!.error, 'an invalid body is one error line');
      assert.equal(cli.code, 1, 'a refused line makes the exit status non-zero');

      // What was acknowledged at each index: the entry, and (reports are sealed at filing) the
      // commitment that holds its place and the salt that opens it.
      const acked = new Map<
        number,
        { bytes: Uint8Array; id: string; sealed?: { commitment: string; salt: string } }
      >();
      const checkpoints: string[] = [];
      const entries = await Promise.all(
        Array.from({ length: 400 }, () =>
          signEnvelope(
            {
              mission: 'pak-afg',
              kind: 'report',
              body: exampleBody('report') as Record<string, unknown>,
            },
            signer,
          ),
        ),
      );
      const submit = async (bytes: Uint8Array, url: string) => {
        const res = await fetch(`${url}/api/v1/missions/pak-afg/entries`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
          body: Buffer.from(bytes),
        });
        if (res.status !== 201) return;
        const r = (await res.json()) as {
          index: number;
          id: string;
          checkpoint: string;
          proof: string;
          sealed?: { commitment: string; salt: string };
        };
        acked.set(r.index, { bytes, id: r.id, ...(r.sealed ? { sealed: r.sealed } : {}) });
        checkpoints.push(r.checkpoint);
      };
      // Submit in waves of 60; kill the server once 60 are acknowledged, mid-wave.
      let killed = false;
      const url = server.url;
      for (let i = 0; i < entries.length && !killed; i += 60) {
        const wave = entries.slice(i, i + 60).map((e) => submit(e.bytes, url).catch(() => {}));
        if (acked.size >= 60) {
          killed = true;
          await new Promise((r) => setImmediate(r));
          await server.stop('SIGKILL');
        }
        await Promise.all(wave);
      }
      if (!killed) await server.stop('SIGKILL');
      assert.ok(acked.size >= 60, `acknowledged ${acked.size}`);

      server = await startServe(args, env);
      // One more entry after the restart, so a new checkpoint is signed.
      await submit(entries[entries.length - 1]!.bytes, server.url);
      const after = await (await fetch(`${server.url}/log/pak-afg/checkpoint`)).text();
      const cpAfter = verifyCheckpointWithPolicy(after, policy).checkpoint;
      const source = tileHashSourceAsync(cpAfter.size, async (t) => {
        const res = await fetch(
          `${server.url}/log/pak-afg/tile/${t.level}/${t.index.toString().padStart(3, '0')}${t.width < 256 ? `.p/${t.width}` : ''}`,
        );
        return res.status === 200 ? new Uint8Array(await res.arrayBuffer()) : undefined;
      });
      // Every acknowledged entry is at its index, with its exact bytes, under the new root.
      // A sealed one's commitment is there, opened by its salt to exactly the entry's bytes, and
      // the sealed entry itself (its private half, committed with the leaf) is still readable.
      for (const [index, { bytes: sent, id, sealed }] of acked) {
        const got = await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${index}`);
        const bytes = new Uint8Array(await got.arrayBuffer());
        if (sealed) {
          const c = parseEntry(bytes);
          assert.equal(c.id, sealed.commitment, `entry ${index}`);
          const cb = c.body as BodyOf<'commitment'>;
          assert.equal(cb.sealed?.record, id, `entry ${index}`);
          assert.equal(
            cb.digest,
            commitmentDigest(base64DecodeOrUndefined(sealed.salt)!, sent),
            `entry ${index}`,
          );
          const rec = await fetch(`${server.url}/api/v1/missions/pak-afg/records/${id}`, {
            headers: { authorization: `Bearer ${user.token}` },
          });
          assert.equal(rec.status, 200, `the sealed record ${id} survived`);
        } else assert.deepEqual(bytes, sent, `entry ${index}`);
        const bundle = parseProofBundle(
          await (
            await fetch(`${server.url}/api/v1/missions/pak-afg/entries/${index}/proof`)
          ).text(),
        );
        verifyInclusion(index, cpAfter.size, hashLeaf(bytes), bundle.proof, cpAfter.rootHash);
      }
      // Every checkpoint published before the crash is consistent with the one after.
      for (const note of checkpoints) {
        const cp = verifyCheckpointWithPolicy(note, policy).checkpoint;
        if (cp.size === cpAfter.size) {
          assert.deepEqual(cp.rootHash, cpAfter.rootHash);
          continue;
        }
        const proof = await consistencyProofAsync(cp.size, cpAfter.size, source);
        verifyConsistency(cp.size, cpAfter.size, proof, cp.rootHash, cpAfter.rootHash);
      }
    } finally {
      await server.stop('SIGTERM');
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
