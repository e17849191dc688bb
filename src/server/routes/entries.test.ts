// The log over real HTTP: the demo server with its three witnesses, submissions with every error
// status, C2SP endpoints, and proofs verified with the served policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseEntry, signEnvelope } from '../../core/envelope.js';
import { commitmentDigest } from '../../core/workflow/confidential.js';
import { base64DecodeOrUndefined } from '../../tlog/bytes.js';
import { exampleBody } from '../../core/examples.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { canonicalBytes } from '../../core/canonical-json.js';
import { generateNoteKey } from '../../tlog/note-key.js';
import { hashLeaf } from '../../tlog/hash.js';
import { parsePolicy, verifyCheckpointWithPolicy } from '../../tlog/policy.js';
import { verifyProofBundle } from '../../tlog/proof-bundle.js';
import { decodeEntryBundle, entryBundlePath, tilePath } from '../../tlog/tiles.js';
import { startDemoServer } from '../demo-server.test-support.js';

test('log over HTTP: submit, every error status, tiles, checkpoint with quorum, proofs', async () => {
  const demo = await startDemoServer('entries');
  const { server, creds } = demo;
  try {
    const [name, user] = Object.entries(creds.users)[0]!;
    assert.ok(name);
    const signer = await signerFromNoteKey(readFileSync(user.keyFile, 'utf8').trim());
    const base = `${server.url}/api/v1/missions/pak-afg`;
    const post = (body: Uint8Array | string, token: string | null = user.token) =>
      fetch(`${base}/entries`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: typeof body === 'string' ? body : Buffer.from(body),
      });
    const signed = await signEnvelope(
      {
        mission: 'pak-afg',
        kind: 'report',
        body: exampleBody('report') as Record<string, unknown>,
      },
      signer,
    );

    assert.equal((await post(signed.bytes, null)).status, 401);
    assert.equal((await post(signed.bytes, 'tl_' + 'x'.repeat(43))).status, 401);

    const ok = await post(signed.bytes);
    assert.equal(ok.status, 201);
    const res = (await ok.json()) as {
      index: number;
      id: string;
      checkpoint: string;
      proof: string;
      sealed?: { commitment: string; salt: string };
    };
    assert.equal(res.id, signed.envelope.id);
    // A report is sealed at filing (issue 9, finding 2): the leaf at `index` is the log's
    // commitment to it, which the salt handed back to the author opens; not a byte of the report.
    assert.ok(res.sealed, 'a report is sealed until its incident is released');
    const leaf = new Uint8Array(await (await fetch(`${base}/entries/${res.index}`)).arrayBuffer());
    const commitment = parseEntry(leaf);
    assert.equal(commitment.kind, 'commitment');
    assert.equal(commitment.id, res.sealed.commitment);
    const cb = commitment.body;
    assert.deepEqual(cb.sealed, { kind: 'report', author: signer.author, record: res.id });
    assert.equal(
      cb.digest,
      commitmentDigest(base64DecodeOrUndefined(res.sealed.salt)!, signed.bytes),
    );
    const title = (signed.envelope.body as { title: string }).title;
    assert.ok(!new TextDecoder().decode(leaf).includes(title), 'the leaf hides the report');

    const policyRes = await fetch(`${server.url}/log/pak-afg/policy`);
    assert.match(policyRes.headers.get('content-type') ?? '', /^text\/plain/);
    const policy = parsePolicy(await policyRes.text());
    assert.equal(policy.witnesses.length, 3);
    const v = verifyCheckpointWithPolicy(res.checkpoint, policy);
    assert.equal(v.cosigners.length, 3, 'all three demo witnesses cosigned');
    verifyProofBundle(res.proof, hashLeaf(leaf), policy);

    // A proof bundle fetched separately proves that leaf.
    const proofRes = await fetch(`${base}/entries/${res.index}/proof`);
    assert.equal(proofRes.status, 200);
    verifyProofBundle(await proofRes.text(), hashLeaf(leaf), policy);
    assert.equal((await fetch(`${base}/entries/99999`)).status, 404);
    assert.equal((await fetch(`${base}/entries/01`)).status, 400);

    // Errors: duplicate 409, schema 400 naming the field, too large 413, bad signature 422,
    // unknown key 422, wrong mission 400.
    assert.equal((await post(signed.bytes)).status, 409);
    const bad = JSON.parse(new TextDecoder().decode(signed.bytes)) as Record<string, unknown>;
    const schema = await post(canonicalBytes({ ...bad, at: 'yesterday' }));
    assert.equal(schema.status, 400);
    assert.match(JSON.stringify(await schema.json()), /"at"|at:/);
    assert.equal((await post(new Uint8Array(70_000).fill(0x20))).status, 413);
    const forged = { ...bad, id: '0193a000-0000-7000-8000-000000000001', sig: bad.sig };
    assert.equal((await post(canonicalBytes(forged))).status, 422);
    const stranger = await signerFromNoteKey(generateNoteKey('stranger.pak-afg').skey);
    const strangerEntry = await signEnvelope(
      {
        mission: 'pak-afg',
        kind: 'report',
        body: exampleBody('report') as Record<string, unknown>,
      },
      stranger,
    );
    assert.equal((await post(strangerEntry.bytes)).status, 422);

    // C2SP endpoints: checkpoint (short-lived), tiles and entry bundles.
    const cpRes = await fetch(`${server.url}/log/pak-afg/checkpoint`);
    assert.equal(cpRes.headers.get('content-type'), 'text/plain; charset=utf-8');
    const cp = verifyCheckpointWithPolicy(await cpRes.text(), policy).checkpoint;
    const size = cp.size;
    assert.ok(size > 256, 'the demo log is past its first full tile');
    // The last, partial tile (short-lived) and the first, full one (immutable).
    const n = Math.floor((size - 1) / 256);
    const width = size - n * 256;
    const tile = await fetch(`${server.url}/log/pak-afg/${tilePath(0, n, width)}`);
    assert.equal(tile.status, 200);
    assert.equal(tile.headers.get('content-type'), 'application/octet-stream');
    assert.match(tile.headers.get('cache-control') ?? '', /max-age=1\b/);
    assert.equal((await tile.arrayBuffer()).byteLength, 32 * width);
    const full = await fetch(`${server.url}/log/pak-afg/tile/0/000`);
    assert.equal(full.status, 200);
    assert.match(full.headers.get('cache-control') ?? '', /immutable/);
    assert.equal((await full.arrayBuffer()).byteLength, 32 * 256);
    const bundle = await fetch(`${server.url}/log/pak-afg/${entryBundlePath(n, width)}`);
    const entries = decodeEntryBundle(new Uint8Array(await bundle.arrayBuffer()), width);
    assert.ok(res.index >= n * 256, 'the new entry is in the last tile');
    assert.deepEqual(entries[res.index - n * 256], leaf);
    assert.equal(
      (await fetch(`${server.url}/log/pak-afg/tile/0/${String(n + 1).padStart(3, '0')}`)).status,
      404,
      'no full tile past the log',
    );
    assert.equal(
      (await fetch(`${server.url}/log/pak-afg/tile/0/0`)).status,
      404,
      'non-canonical path',
    );

    const status = (await (await fetch(`${base}/log`)).json()) as {
      quorumMet: boolean;
      shortfall: string[];
    };
    assert.equal(status.quorumMet, true);
    assert.deepEqual(status.shortfall, []);
  } finally {
    await demo.close();
  }
});
