// Evidence blobs over real HTTP: content addressing, the size limit, who may upload and read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startDemoServer } from '../demo-server.test-support.js';

test('blobs over HTTP: upload, dedupe, 413, private read-back by organisation and role', async () => {
  const demo = await startDemoServer('blobs', { blobMaxBytes: 4096 });
  const { server, creds } = demo;
  try {
    const token = (name: string) => ({ authorization: `Bearer ${creds.users[name]!.token}` });
    const url = `${server.url}/api/v1/blobs`;
    const bytes = Buffer.from('photo of crater, "grid 42"\n=cmd|calc\n');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const upload = (who: string | null, body: Uint8Array, type = 'image/png') =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': type, ...(who ? token(who) : {}) },
        body: new Uint8Array(body),
      });

    const anon = await upload(null, bytes);
    assert.equal(anon.status, 401);

    const first = await upload('pk-liaison', bytes);
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), {
      sha256: sha,
      size: bytes.length,
      mediaType: 'image/png',
      created: true,
    });
    const again = await upload('pk-liaison', bytes, 'text/plain');
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), {
      sha256: sha,
      size: bytes.length,
      mediaType: 'image/png',
      created: false,
    });

    const big = await upload('pk-liaison', Buffer.alloc(4097, 1));
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { error: { code: string } }).error.code, 'too_large');
    assert.equal((await upload('pk-liaison', Buffer.alloc(0))).status, 400);
    assert.equal((await upload('pk-liaison', Buffer.from('x'), 'not a type')).status, 415);

    const get = (who: string | null, hash = sha) =>
      fetch(`${url}/${hash}`, { headers: who ? token(who) : {} });
    const own = await get('pk-liaison');
    assert.equal(own.status, 200);
    assert.deepEqual(Buffer.from(await own.arrayBuffer()), bytes);
    assert.equal(own.headers.get('content-type'), 'image/png');
    assert.match(own.headers.get('content-disposition') ?? '', /^attachment/);
    for (const who of ['analyst', 'qa-mediator', 'admin'])
      assert.equal((await get(who)).status, 200, who);
    for (const who of ['af-liaison', 'monitor']) assert.equal((await get(who)).status, 403, who);
    assert.equal((await get(null)).status, 401);
    assert.equal((await get('analyst', '0'.repeat(64))).status, 404);
    assert.equal((await get('analyst', 'XYZ')).status, 400);

    // AF uploading the same bytes becomes an owner too, and is answered exactly as if no one held
    // them (issue 9.5: no oracle for bytes another organisation holds).
    const afFirst = await upload('af-liaison', bytes, 'image/jpeg');
    assert.equal(afFirst.status, 201);
    assert.deepEqual(await afFirst.json(), {
      sha256: sha,
      size: bytes.length,
      mediaType: 'image/jpeg',
      created: true,
    });
    assert.equal((await get('af-liaison')).status, 200);

    // Active content is never served as itself.
    const html = Buffer.from('<script>alert(1)</script>');
    const h = (await (await upload('monitor', html, 'text/html')).json()) as { sha256: string };
    const served = await get('monitor', h.sha256);
    assert.equal(served.headers.get('content-type'), 'application/octet-stream');
    assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  } finally {
    await demo.close();
  }
});
