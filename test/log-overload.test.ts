// Back-pressure at the HTTP boundary (issue 3: "When its queue is full it pushes back (503 with
// Retry-After), it does not fall over"). A real server with a tiny queue and a slow batch timer
// gets more concurrent submissions than it can hold: the surplus is refused with 503, Retry-After
// and the JSON error of docs/architecture.md, the accepted ones are integrated, a refused entry changed
// nothing and is accepted when retried, and the server keeps serving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { signerFromNoteKey } from '../src/core/signing.js';
import { startServe } from './support/cli.js';

interface Creds {
  users: Record<string, { token: string; keyFile: string }>;
}

test('a full log queue answers 503 with Retry-After, loses nothing and recovers', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-overload-'));
  const data = join(dir, 'data');
  const args = ['--demo', '--port', '0', '--data', data];
  // Provision and seed the demo with the default queue, then restart with a queue of 3 entries
  // and a batch timer slow enough that concurrent submissions pile up behind it.
  let server = await startServe(args);
  await server.stop('SIGTERM');
  server = await startServe(args, {
    TRUCELINE_LOG_MAX_QUEUE: '3',
    TRUCELINE_LOG_BATCH_SIZE: '256',
    TRUCELINE_LOG_BATCH_INTERVAL_MS: '1500',
  });
  try {
    const creds = JSON.parse(readFileSync(join(data, 'demo-credentials.json'), 'utf8')) as Creds;
    const user = Object.values(creds.users)[0]!;
    const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
    const url = `${server.url}/api/v1/missions/pak-afg/entries`;
    const post = (bytes: Uint8Array) =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
        body: Buffer.from(bytes),
      });
    // The integrated tree size (not the checkpoint's, which may lag it by one batch interval
    // after a restart: the next entries are numbered from the tree).
    const health = (await (await fetch(`${server.url}/api/v1/health`)).json()) as {
      logs: Record<string, { size: number }>;
    };
    const sizeBefore = health.logs['pak-afg']!.size;
    const entries = await Promise.all(
      Array.from({ length: 10 }, () =>
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
    const answers = await Promise.all(entries.map((e) => post(e.bytes)));
    const accepted = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status === 503);
    assert.equal(accepted.length + refused.length, 10, 'only 201 or 503, never anything else');
    assert.equal(accepted.length, 3, 'the queue holds 3');
    for (const r of refused) {
      assert.equal(r.headers.get('retry-after'), '1');
      const body = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'overloaded');
      assert.match(body.error.message, /queue .* is full/);
    }
    const indexes = await Promise.all(
      accepted.map(async (r) => ((await r.json()) as { index: number }).index),
    );
    assert.deepEqual(
      indexes.sort((a, b) => a - b),
      [sizeBefore, sizeBefore + 1, sizeBefore + 2],
    );
    // A refused entry changed nothing: the log holds exactly the accepted ones, and the same
    // entry is accepted when it is sent again.
    const refusedEntry = entries[answers.findIndex((r) => r.status === 503)]!;
    const retry = await post(refusedEntry.bytes);
    assert.equal(retry.status, 201);
    const retried = (await retry.json()) as { index: number; id: string };
    assert.equal(retried.index, sizeBefore + 3);
    assert.equal(retried.id, refusedEntry.envelope.id);
    const healthAfter = await fetch(`${server.url}/api/v1/health`);
    assert.equal(healthAfter.status, 200);
  } finally {
    await server.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
