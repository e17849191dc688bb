// Key requests over real HTTP on the demo server, SQLite and PostgreSQL (issue 11 item 2,
// src/server/routes/console-key-requests.ts): a new PK user asks for their key with its proof of
// possession; a proof for another user is refused and stores nothing; PK's key steward (the demo's
// pk-liaison) sees the request, AF's steward does not; the steward's signed `key` entry registers
// it, the request then reads "registered", the key files, and asking again is a 409.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { possessionProof } from '../src/core/keys/possession.js';
import type { EntryKind } from '../src/core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../src/core/signing.js';
import { generateNoteKey } from '../src/tlog/note-key.js';
import { startDemoServer, type DemoServer } from '../src/server/demo-server.test-support.js';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';

const M = 'pak-afg';

interface Answer {
  status: number;
  json: Record<string, unknown>;
}
interface Item {
  author: string;
  user: string;
  org: string;
  role: string;
  state: string;
}

async function scenario(demo: DemoServer): Promise<void> {
  const base = demo.server.url;
  const api = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1/${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined
        ? {}
        : { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> } as Answer;
  };
  const file = async (signer: Signer, token: string, kind: EntryKind, body: unknown) => {
    const { bytes } = await signEnvelope(
      { mission: M, kind, body: body as Record<string, unknown> },
      signer,
    );
    return api('POST', `missions/${M}/entries`, token, bytes);
  };
  const users = demo.creds.users;
  const pk = users['pk-liaison']!;
  const af = users['af-liaison']!;
  assert.equal(demo.creds.generatedStewards?.PK?.user, 'pk-liaison', "the demo's PK steward");

  const created = await api('POST', 'admin/users', users.admin!.token, {
    name: 'pk-deputy',
    displayName: 'PK deputy',
    org: 'PK',
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const deputyToken = created.json.token as string;
  const deputy = await signerFromNoteKey(generateNoteKey(`pk-deputy.${M}`).skey);
  const list = async (token: string) => {
    const r = await api('GET', `missions/${M}/key-requests`, token);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    return r.json as unknown as { steward: boolean; items: Item[] };
  };

  // Anonymous: 401. A proof made for another user: 422 naming the rule, nothing stored.
  assert.equal((await api('GET', `missions/${M}/key-requests`)).status, 401);
  const wrong = await api('POST', `missions/${M}/key-requests`, deputyToken, {
    vkey: deputy.vkey,
    proof: await possessionProof(deputy, M, 'pk-liaison'),
  });
  assert.equal(wrong.status, 422, JSON.stringify(wrong.json));
  assert.equal((wrong.json.error as { details: { rule: string } }).details.rule, 'key_proof');
  assert.deepEqual(await list(deputyToken), { steward: false, items: [] });
  // A malformed vkey: a 400 naming the field.
  const bad = await api('POST', `missions/${M}/key-requests`, deputyToken, {
    vkey: 'not-a-key',
    proof: await possessionProof(deputy, M, 'pk-deputy'),
  });
  assert.equal(bad.status, 400);
  assert.match(String((bad.json.error as { message: string }).message), /vkey/);

  // The real request: 201, then 200 (asked already, the same request).
  const proof = await possessionProof(deputy, M, 'pk-deputy');
  const asked = await api('POST', `missions/${M}/key-requests`, deputyToken, {
    vkey: deputy.vkey,
    proof,
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.json));
  assert.equal(asked.json.state, 'pending');
  assert.equal(asked.json.author, deputy.author);
  const again = await api('POST', `missions/${M}/key-requests`, deputyToken, {
    vkey: deputy.vkey,
    proof,
  });
  assert.equal(again.status, 200);

  const own = await list(deputyToken);
  assert.equal(own.steward, false);
  assert.deepEqual(
    own.items.map((i) => [i.author, i.user, i.org, i.role, i.state]),
    [[deputy.author, 'pk-deputy', 'PK', 'party', 'pending']],
  );
  // PK's steward sees it; AF's steward (a steward, of another organisation) does not.
  const pkView = await list(pk.token);
  assert.equal(pkView.steward, true);
  assert.deepEqual(
    pkView.items.map((i) => i.author),
    [deputy.author],
  );
  const afView = await list(af.token);
  assert.equal(afView.steward, true);
  assert.deepEqual(afView.items, []);

  // Before consent the key is refused; the steward signs the registration the request carries.
  const report = {
    ...exampleBody('report'),
    accused: 'AF',
    fatalities: { count: 0, claimedBy: 'PK' },
  };
  assert.equal((await file(deputy, deputyToken, 'report', report)).status, 422);
  const steward = await signerFromNoteKey(readFileSync(pk.keyFile, 'utf8').trim());
  const consent = await file(steward, pk.token, 'key', {
    action: 'register',
    user: 'pk-deputy',
    org: 'PK',
    role: 'party',
    vkey: deputy.vkey,
    proof,
  });
  assert.equal(consent.status, 201, JSON.stringify(consent.json));
  // The registration is read from the log's keys (the read after a 201 may need a moment).
  let state = '';
  for (let i = 0; i < 50 && state !== 'registered'; i++) {
    state = (await list(deputyToken)).items[0]?.state ?? '';
    if (state !== 'registered') await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(state, 'registered');
  const filed = await file(deputy, deputyToken, 'report', report);
  assert.equal(filed.status, 201, JSON.stringify(filed.json));
  const late = await api('POST', `missions/${M}/key-requests`, deputyToken, {
    vkey: deputy.vkey,
    proof,
  });
  assert.equal(late.status, 409, JSON.stringify(late.json));
}

for (const store of ['sqlite', 'postgres'] as const) {
  describe(`key requests on ${store}`, () => {
    test('request with proof, the steward of the same org sees and consents', async (t) => {
      let db: string | undefined;
      let drop: (() => Promise<void>) | undefined;
      if (store === 'postgres') {
        const fresh = await withFreshDatabase();
        if (typeof fresh === 'string') return t.skip(fresh);
        db = fresh.url;
        drop = fresh.drop;
      }
      const demo = await startDemoServer(`key-requests-${store}`, db ? { db } : {});
      try {
        await scenario(demo);
      } finally {
        await demo.close();
        await drop?.();
      }
    });
  });
}
