// The batch submission path over real HTTP (demo server, three witnesses): JSON lines in, one
// result line per entry plus the covering checkpoint out; bad lines refused alone; in-batch
// dependencies judged against the state that includes the earlier entries; size limits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseEntry, signEnvelope } from '../../core/envelope.js';
import { commitmentDigest } from '../../core/workflow/confidential.js';
import { base64DecodeOrUndefined } from '../../tlog/bytes.js';
import { exampleBody } from '../../core/examples.js';
import { newId } from '../../core/ids.js';
import type { EntryKind } from '../../core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../../core/signing.js';
import { canonicalBytes } from '../../core/canonical-json.js';
import { hashLeaf } from '../../tlog/hash.js';
import { parsePolicy, verifyCheckpointWithPolicy } from '../../tlog/policy.js';
import { verifyProofBundle } from '../../tlog/proof-bundle.js';
import { startDemoServer } from '../demo-server.test-support.js';
import { MAX_BATCH_BYTES, MAX_BATCH_ENTRIES } from './entries-batch.js';

type Line = {
  sealed?: { commitment: string; salt: string };
  index?: number;
  id?: string;
  error?: { status: number; code: string; message: string; details?: { rule?: string } };
};

const text = (b: Uint8Array) => new TextDecoder().decode(b);

test('batch submissions over HTTP', async (t) => {
  const demo = await startDemoServer('batch');
  const { server, creds } = demo;
  try {
    const base = `${server.url}/api/v1/missions/pak-afg`;
    const policy = parsePolicy(await (await fetch(`${server.url}/log/pak-afg/policy`)).text());
    const userOf = async (name: string) => {
      const u = creds.users[name]!;
      return {
        token: u.token,
        signer: await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()),
      };
    };
    // The example report is Afghanistan's allegation (accused PK, fatalities claimed by AF).
    const pk = await userOf('af-liaison');
    const analyst = await userOf('analyst');
    const sign = async (
      signer: Signer,
      kind: EntryKind,
      body?: Record<string, unknown>,
      id?: string,
    ) =>
      (
        await signEnvelope(
          {
            mission: 'pak-afg',
            kind,
            body: body ?? (exampleBody(kind) as Record<string, unknown>),
            ...(id ? { id } : {}),
          },
          signer,
        )
      ).bytes;
    const postBatch = async (
      lines: Array<Uint8Array | string>,
      token: string,
      type = 'application/jsonl',
    ) => {
      const res = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { 'content-type': type, authorization: `Bearer ${token}` },
        body: lines.map((l) => (typeof l === 'string' ? l : text(l))).join('\n') + '\n',
      });
      const body = await res.text();
      return {
        res,
        body,
        lines:
          res.status === 200
            ? body
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l) as Line & { checkpoint?: string | null; proof?: string })
            : [],
      };
    };

    await t.test(
      'happy path: every entry lands in line order, one shared checkpoint covers them',
      async () => {
        const entries = await Promise.all(
          Array.from({ length: 100 }, () => sign(pk.signer, 'report')),
        );
        const { res, lines } = await postBatch(entries, pk.token);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^application\/jsonl/);
        assert.equal(lines.length, entries.length + 1, 'one line per entry, then the checkpoint');
        const results = lines.slice(0, -1);
        const trailer = lines.at(-1)!;
        results.forEach((r, i) => {
          assert.equal(r.id, JSON.parse(text(entries[i]!)).id, JSON.stringify(r));
          if (i > 0) assert.equal(r.index, results[i - 1]!.index! + 1, 'log order is line order');
        });
        const cp = verifyCheckpointWithPolicy(trailer.checkpoint!, policy).checkpoint;
        assert.ok(cp.size > results.at(-1)!.index!, 'the checkpoint covers the whole batch');
        for (const i of [0, 57, 99]) {
          const r = results[i]!;
          // Reports are sealed at filing: the leaf is the log's commitment, opened by the salt.
          const got = await fetch(`${base}/entries/${r.index}`);
          const leaf = new Uint8Array(await got.arrayBuffer());
          const c = parseEntry(leaf);
          assert.equal(c.kind, 'commitment');
          assert.equal(c.id, r.sealed?.commitment);
          const cb = c.body;
          assert.equal(cb.sealed?.record, r.id);
          assert.equal(
            cb.digest,
            commitmentDigest(base64DecodeOrUndefined(r.sealed!.salt)!, entries[i]!),
          );
          const url = trailer.proof!.replace('{index}', String(r.index));
          const proof = await fetch(`${server.url}${url}`);
          assert.equal(proof.status, 200);
          verifyProofBundle(await proof.text(), hashLeaf(leaf), policy);
        }
        // Read your writes: the read model has them when the answer comes.
        const rec = await fetch(`${base}/records/${results[99]!.id}`, {
          headers: { authorization: `Bearer ${pk.token}` },
        });
        assert.equal(rec.status, 200);
      },
    );

    await t.test('bad lines are refused alone; the others land', async () => {
      const good1 = await sign(pk.signer, 'report');
      const good2 = await sign(pk.signer, 'report');
      const good3 = await sign(pk.signer, 'report');
      const landed = await sign(pk.signer, 'report');
      assert.equal((await postBatch([landed], pk.token)).res.status, 200);
      const env = JSON.parse(text(good1)) as Record<string, unknown>;
      const forged = canonicalBytes({ ...env, id: newId() }); // sig no longer matches
      const endorsement = await sign(pk.signer, 'endorsement'); // a party never endorses
      const schema = canonicalBytes({ ...env, at: 'yesterday' });
      const { res, lines } = await postBatch(
        [good1, forged, landed, endorsement, good2, good2, '', 'not json', schema, good3],
        pk.token,
        'application/x-ndjson',
      );
      assert.equal(res.status, 200);
      const r = lines.slice(0, -1);
      assert.equal(r.length, 10);
      assert.equal(r[0]!.id, JSON.parse(text(good1)).id);
      assert.equal(r[1]!.error?.status, 422);
      assert.equal(r[1]!.error?.code, 'bad_signature');
      assert.equal(r[2]!.error?.status, 409, 'already in the log');
      assert.equal(r[3]!.error?.status, 403);
      assert.equal(r[3]!.error?.code, 'workflow');
      assert.ok(r[3]!.error?.details?.rule, 'the refusal names its rule');
      assert.equal(typeof r[4]!.index, 'number');
      assert.equal(r[5]!.error?.status, 409, 'the same id twice in one batch');
      assert.match(r[5]!.error!.message, /earlier in the same batch/);
      assert.equal(r[6]!.error?.status, 400, 'an empty line');
      assert.equal(r[7]!.error?.status, 400);
      assert.equal(r[8]!.error?.status, 400);
      assert.match(r[8]!.error!.message, /at/);
      assert.equal(typeof r[9]!.index, 'number');
      for (const [i, bytes] of [
        [0, good1],
        [4, good2],
        [9, good3],
      ] as const) {
        // Sealed reports: the leaf is the log's commitment to exactly these bytes.
        const got = await fetch(`${base}/entries/${r[i]!.index}`);
        const c = parseEntry(new Uint8Array(await got.arrayBuffer()));
        assert.equal(c.kind, 'commitment');
        const cb = c.body;
        assert.equal(cb.sealed?.record, r[i]!.id);
        assert.equal(
          cb.digest,
          commitmentDigest(base64DecodeOrUndefined(r[i]!.sealed!.salt)!, bytes),
        );
      }
      assert.equal(r[4]!.index, r[0]!.index! + 1);
      assert.equal(r[9]!.index, r[4]!.index! + 1);
    });

    await t.test(
      'in-batch dependencies are judged against the state with the earlier entries',
      async () => {
        // Alone, an incident grouping a report the log does not have is refused...
        const reportId = newId();
        const incidentId = newId();
        const incident = await sign(
          analyst.signer,
          'incident',
          { ...(exampleBody('incident') as Record<string, unknown>), reports: [reportId] },
          incidentId,
        );
        const alone = await postBatch([incident], analyst.token);
        assert.equal(alone.lines[0]!.error?.status, 422, JSON.stringify(alone.lines[0]));
        // ...but after that report in the same batch it lands, and so does a task on that incident.
        const {
          accused: _a,
          fatalities: _f,
          ...analystReport
        } = exampleBody('report') as Record<string, unknown>;
        const report = await sign(analyst.signer, 'report', analystReport, reportId);
        const incident2Id = newId();
        const incident2 = await sign(
          analyst.signer,
          'incident',
          { ...(exampleBody('incident') as Record<string, unknown>), reports: [reportId] },
          incident2Id,
        );
        const task = await sign(analyst.signer, 'task', {
          ...(exampleBody('task') as Record<string, unknown>),
          incident: incident2Id,
        });
        const { lines } = await postBatch([report, incident2, task], analyst.token);
        for (const l of lines.slice(0, 3))
          assert.equal(typeof l.index, 'number', JSON.stringify(l));
        const detail = await fetch(`${base}/incidents/${incident2Id}`, {
          headers: { authorization: `Bearer ${analyst.token}` },
        });
        assert.equal(detail.status, 200);
        const body = JSON.stringify(await detail.json());
        assert.ok(body.includes(reportId), 'the incident groups the report');
      },
    );

    await t.test('too large: 413 naming the limit, nothing landed', async () => {
      const big = 'x'.repeat(MAX_BATCH_BYTES + 1);
      const res = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/jsonl', authorization: `Bearer ${pk.token}` },
        body: big,
      });
      assert.equal(res.status, 413);
      const err = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(err.error.code, 'too_large');
      assert.match(err.error.message, /at most 4096 entries and 8388608 bytes/);
      const size = (await (await fetch(`${base}/log`)).json()) as { size: number };
      const many = await postBatch(
        Array.from({ length: MAX_BATCH_ENTRIES + 1 }, () => '{}'),
        pk.token,
      );
      assert.equal(many.res.status, 413);
      assert.match(many.body, /more than 4096 lines/);
      const after = (await (await fetch(`${base}/log`)).json()) as { size: number };
      assert.equal(after.size, size.size);
      const empty = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/jsonl', authorization: `Bearer ${pk.token}` },
        body: '',
      });
      assert.equal(empty.status, 400);
      const anon = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { 'content-type': 'application/jsonl' },
        body: '{}\n',
      });
      assert.equal(anon.status, 401);
    });
  } finally {
    await demo.close();
  }
});
