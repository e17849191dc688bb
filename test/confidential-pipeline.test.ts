// The confidential route through the one submission pipeline (issue 12, item 1;
// src/server/pipeline/confidential.ts), on both stores, over real HTTP. The pair's own checks
// refuse and store nothing: a record that is itself a commitment (confidential_kind), a salt that
// does not open the commitment (reveal_matches); a good filing answers 201 with its proof, and the
// same record again is a duplicate. And, as for POST …/entries, the rules judge the filing against
// everything acknowledged before it even when the read model has not applied it yet: a
// confidential response to an allegation and incident answered a moment before with
// ?ack=integrated is accepted — judge.ts waits for the entries it depends on (unprojected.ts),
// which the route's old separate check (server/workflow/rules.ts) did not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import type { EntryKind } from '../src/core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../src/core/signing.js';
import { commitmentDigest } from '../src/core/workflow/confidential.js';
import { base64Encode } from '../src/tlog/bytes.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { startDemoServer } from '../src/server/demo-server.test-support.js';

const M = 'pak-afg';
const text = (b: Uint8Array) => new TextDecoder().decode(b);

interface Answer {
  status: number;
  json: {
    index?: number;
    id?: string;
    record?: string;
    proof?: string;
    checkpoint?: string;
    error?: { code?: string; details?: { rule?: string } };
  };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  /** Polls `read` until `ok` holds: the read model follows the log (the projection is async). */
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (let i = 0; ; i++) {
      const v = await read();
      if (ok(v) || i >= 100) return v;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  test(`confidential filings take the one pipeline (${kind})`, async (t) => {
    let drop: (() => Promise<void>) | undefined;
    let db: string | undefined;
    if (kind === 'postgres') {
      const fresh = await withFreshDatabase();
      if (typeof fresh === 'string') return t.skip(fresh);
      ({ url: db, drop } = fresh);
    }
    const demo = await startDemoServer(`confidential-${kind}`, db ? { db } : {});
    const { server, creds } = demo;
    try {
      const base = `${server.url}/api/v1/missions/${M}`;
      const signers = new Map<string, Signer>();
      for (const [n, u] of Object.entries(creds.users))
        signers.set(n, await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()));
      const sign = (user: string, k: EntryKind, body: unknown) =>
        signEnvelope(
          { mission: M, kind: k, body: body as Record<string, unknown> },
          signers.get(user)!,
        );
      const post = async (
        user: string,
        path: string,
        body: string | Uint8Array,
      ): Promise<Answer> => {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${creds.users[user]!.token}`,
            'content-type': 'application/json',
          },
          body: typeof body === 'string' ? body : Buffer.from(body),
        });
        return { status: res.status, json: (await res.json()) as Answer['json'] };
      };
      const readBack = async (user: string, commitment: string) =>
        (
          await fetch(`${base}/confidential/${commitment}`, {
            headers: { authorization: `Bearer ${creds.users[user]!.token}` },
          })
        ).status;
      const refused = (a: Answer, status: number, rule: string) => {
        assert.equal(a.status, status, JSON.stringify(a.json));
        assert.equal(a.json.error?.details?.rule, rule, JSON.stringify(a.json));
      };
      /** A confidential allegation by `user` and its commitment (salt given, or a fresh one). */
      const pair = async (user: string, side: string) => {
        const record = await sign(user, 'report', {
          ...exampleBody('report'),
          accused: side === 'PK' ? 'AF' : 'PK',
          fatalities: { count: 0, claimedBy: side },
        });
        const salt = randomBytes(32);
        const commitment = await sign(user, 'commitment', {
          digest: commitmentDigest(salt, record.bytes),
          side,
        });
        return { record, commitment, salt };
      };
      const filing = (p: Awaited<ReturnType<typeof pair>>, salt = p.salt) =>
        JSON.stringify({
          entry: text(p.record.bytes),
          commitment: text(p.commitment.bytes),
          salt: base64Encode(salt),
        });

      // A commitment cannot be the record it commits to.
      const p1 = await pair('pk-liaison', 'PK');
      const selfCommit = await sign('pk-liaison', 'commitment', {
        digest: commitmentDigest(p1.salt, p1.commitment.bytes),
        side: 'PK',
      });
      refused(
        await post(
          'pk-liaison',
          '/confidential',
          JSON.stringify({
            entry: text(p1.commitment.bytes),
            commitment: text(selfCommit.bytes),
            salt: base64Encode(p1.salt),
          }),
        ),
        422,
        'confidential_kind',
      );
      assert.equal(await readBack('admin', selfCommit.envelope.id), 404, 'nothing stored');

      // A salt that does not open the commitment: refused, and nothing stored.
      refused(
        await post('pk-liaison', '/confidential', filing(p1, randomBytes(32))),
        422,
        'reveal_matches',
      );
      assert.equal(await readBack('admin', p1.commitment.envelope.id), 404, 'nothing stored');

      // The good filing: 201 with the commitment's index, a checkpoint and its proof.
      const filed = await post('pk-liaison', '/confidential', filing(p1));
      assert.equal(filed.status, 201, JSON.stringify(filed.json));
      assert.equal(filed.json.id, p1.commitment.envelope.id);
      assert.equal(filed.json.record, p1.record.envelope.id);
      assert.match(filed.json.checkpoint ?? '', /\n\n/);
      assert.match(filed.json.proof ?? '', /\S/);
      assert.equal(await readBack('pk-liaison', p1.commitment.envelope.id), 200);
      assert.equal(
        await readBack('af-liaison', p1.commitment.envelope.id),
        404,
        'not the other side',
      );
      // The list of confidential filings: a party sees its own side's, an analyst every side's,
      // the other side none of them; the log's own seals are not filings (they are not listed).
      const listed = async (user: string | null) => {
        const res = await fetch(`${base}/confidential`, {
          headers: user ? { authorization: `Bearer ${creds.users[user]!.token}` } : {},
        });
        if (res.status !== 200) return res.status;
        const { items } = (await res.json()) as {
          items: { commitment: string; index: number; side: string; entry: string }[];
        };
        return items;
      };
      const pkList = await until(
        () => listed('pk-liaison'),
        (l) => typeof l !== 'number' && l.some((c) => c.commitment === p1.commitment.envelope.id),
      );
      assert.ok(typeof pkList !== 'number');
      const mine = pkList.find((c) => c.commitment === p1.commitment.envelope.id)!;
      assert.equal(mine.index, filed.json.index);
      assert.equal(mine.entry, text(p1.record.bytes), 'the record as committed');
      assert.ok(
        pkList.every((c) => c.side === 'PK'),
        'only its own side',
      );
      const afList = await listed('af-liaison');
      assert.ok(typeof afList !== 'number');
      assert.ok(!afList.some((c) => c.side === 'PK'), 'not the other side’s');
      const anList = await listed('analyst');
      assert.ok(typeof anList !== 'number' && anList.some((c) => c.commitment === mine.commitment));
      assert.equal(await listed('monitor'), 403);
      assert.equal(await listed(null), 401);

      // The same record again, under a new commitment: a duplicate.
      const again = await sign('pk-liaison', 'commitment', {
        digest: commitmentDigest(p1.salt, p1.record.bytes),
        side: 'PK',
      });
      const dup = await post(
        'pk-liaison',
        '/confidential',
        JSON.stringify({
          entry: text(p1.record.bytes),
          commitment: text(again.bytes),
          salt: base64Encode(p1.salt),
        }),
      );
      assert.equal(dup.status, 409, JSON.stringify(dup.json));

      // Judged against what was acknowledged before it, applied or not: an allegation and the
      // incident grouping it, both answered with ?ack=integrated (before the read model applies
      // them), then at once a confidential response to it — no false "missing" refusal.
      const entry = async (user: string, k: EntryKind, body: unknown) => {
        const e = await sign(user, k, body);
        const a = await post(user, '/entries?ack=integrated', e.bytes);
        assert.equal(a.status, 201, JSON.stringify(a.json));
        return e.envelope.id;
      };
      for (let round = 0; round < 4; round++) {
        const allegation = await entry('pk-liaison', 'report', {
          ...exampleBody('report'),
          accused: 'AF',
          fatalities: { count: 0, claimedBy: 'PK' },
        });
        const incident = await entry('analyst', 'incident', {
          ...(exampleBody('incident') as Record<string, unknown>),
          reports: [allegation],
        });
        const response = await sign('af-liaison', 'response', {
          incident,
          allegation,
          stance: 'denial',
          statement: 'Not us.',
        });
        const salt = randomBytes(32);
        const commitment = await sign('af-liaison', 'commitment', {
          digest: commitmentDigest(salt, response.bytes),
          side: 'AF',
        });
        const a = await post(
          'af-liaison',
          '/confidential',
          JSON.stringify({
            entry: text(response.bytes),
            commitment: text(commitment.bytes),
            salt: base64Encode(salt),
          }),
        );
        assert.equal(a.status, 201, `round ${round}: ${JSON.stringify(a.json)}`);
        assert.equal(await readBack('af-liaison', commitment.envelope.id), 200);
      }
    } finally {
      await demo.close();
      await drop?.();
    }
  });
}
