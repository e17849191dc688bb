import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64Encode } from '../tlog/bytes.js';
import { signCheckpoint } from '../tlog/checkpoint.js';
import { MerkleLevels } from '../tlog/merkle.js';
import { ed25519NoteSigner, openNote } from '../tlog/note.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from '../tlog/note-key.js';
import { cosignatureVerifier } from '../tlog/cosignature.js';
import { formatAddCheckpoint } from '../tlog/witness-request.js';
import { nodeHasher } from './hasher.js';
import { Witness } from './witness.js';
import { serveWitness } from './witness-server.js';

const ORIGIN = 'example.com/log';

test('witness: every status code of c2sp.org/tlog-witness, over HTTP, with state persisted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-witness-'));
  const log = generateNoteKey(ORIGIN);
  const other = generateNoteKey(ORIGIN);
  const wkey = generateNoteKey('w.example', { type: SIG_TYPE_COSIGNATURE_V1 });
  const statePath = join(dir, 'state.json');
  const witness = new Witness({
    skey: wkey.skey,
    logs: [{ origin: ORIGIN, vkeys: [log.vkey] }],
    statePath,
  });
  const running = await serveWitness(witness, { host: '127.0.0.1', port: 0, prefix: '/w' });
  const tree = new MerkleLevels(nodeHasher);
  const cpAt = (size: number, key = log.skey, origin = ORIGIN) =>
    signCheckpoint(
      { origin, size, rootHash: tree.root(size), extensions: [] },
      ed25519NoteSigner(key),
    );
  const post = async (body: string) => {
    const res = await fetch(`${running.url}/add-checkpoint`, { method: 'POST', body });
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };
  try {
    for (let i = 0; i < 10; i++) tree.append(new Uint8Array([i]));
    // 400: malformed, or old size above the checkpoint size.
    assert.equal((await post('nonsense')).status, 400);
    assert.equal(
      (await post(formatAddCheckpoint({ oldSize: 11, proof: [], checkpoint: cpAt(10) }))).status,
      400,
    );
    // 404: unknown origin.
    const stranger = generateNoteKey('stranger.example/log');
    assert.equal(
      (
        await post(
          formatAddCheckpoint({
            oldSize: 0,
            proof: [],
            checkpoint: signCheckpoint(
              { origin: 'stranger.example/log', size: 1, rootHash: tree.root(1), extensions: [] },
              ed25519NoteSigner(stranger.skey),
            ),
          }),
        )
      ).status,
      404,
    );
    // 403: signed by a key the witness does not trust for the origin.
    assert.equal(
      (await post(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: cpAt(10, other.skey) })))
        .status,
      403,
    );
    // 422: a non-empty proof from 0; a size-0 checkpoint with a non-empty root.
    assert.equal(
      (await post(formatAddCheckpoint({ oldSize: 0, proof: [tree.root(1)], checkpoint: cpAt(10) })))
        .status,
      422,
    );
    const badEmpty = signCheckpoint(
      { origin: ORIGIN, size: 0, rootHash: tree.root(1), extensions: [] },
      ed25519NoteSigner(log.skey),
    );
    assert.equal(
      (await post(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: badEmpty }))).status,
      422,
    );
    // 200: the first cosignature; state persisted before the answer.
    const ok = await post(formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: cpAt(4) }));
    assert.equal(ok.status, 200);
    const opened = openNote(cpAt(4) + ok.body, [cosignatureVerifier(wkey.vkey)]);
    assert.equal(opened.verified[0]?.name, 'w.example');
    assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).logs[ORIGIN].size, 4);
    // 409 with the size body when the old size is wrong.
    const conflict = await post(
      formatAddCheckpoint({ oldSize: 0, proof: [], checkpoint: cpAt(10) }),
    );
    assert.equal(conflict.status, 409);
    assert.equal(conflict.type, 'text/x.tlog.size');
    assert.equal(conflict.body, '4\n');
    // 422: a consistency proof that does not verify; same size, other root.
    const forked = new MerkleLevels(nodeHasher);
    for (let i = 0; i < 10; i++) forked.append(new Uint8Array([i === 7 ? 99 : i]));
    const forkCp = signCheckpoint(
      { origin: ORIGIN, size: 10, rootHash: forked.root(10), extensions: [] },
      ed25519NoteSigner(log.skey),
    );
    assert.equal(
      (
        await post(
          formatAddCheckpoint({
            oldSize: 4,
            proof: tree.consistencyProof(4, 10),
            checkpoint: forkCp,
          }),
        )
      ).status,
      422,
    );
    const sameSizeOther = signCheckpoint(
      { origin: ORIGIN, size: 4, rootHash: tree.root(5), extensions: [] },
      ed25519NoteSigner(log.skey),
    );
    assert.equal(
      (await post(formatAddCheckpoint({ oldSize: 4, proof: [], checkpoint: sameSizeOther })))
        .status,
      422,
    );
    // 200 with a good proof; the state survives a restart of the witness.
    assert.equal(
      (
        await post(
          formatAddCheckpoint({
            oldSize: 4,
            proof: tree.consistencyProof(4, 10),
            checkpoint: cpAt(10),
          }),
        )
      ).status,
      200,
    );
    const again = new Witness({
      skey: wkey.skey,
      logs: [{ origin: ORIGIN, vkeys: [log.vkey] }],
      statePath,
    });
    assert.equal(again.sizeOf(ORIGIN), 10);
    // Monitoring: GET <prefix>/<sha256(origin) hex>/checkpoint.
    const { createHash } = await import('node:crypto');
    const h = createHash('sha256').update(ORIGIN).digest('hex');
    const mon = await fetch(`${running.url}/${h}/checkpoint`);
    assert.equal(mon.status, 200);
    assert.ok((await mon.text()).includes('— w.example '));
    assert.equal((await fetch(`${running.url}/${'0'.repeat(64)}/checkpoint`)).status, 404);
    assert.equal(base64Encode(tree.root(10)).length, 44);
  } finally {
    await running.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
