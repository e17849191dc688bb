// The analysts' desk routes and its two new incident actions (issue 11 item 6), through the real
// server on SQLite and PostgreSQL: the review queue lists exactly the reports not yet in an
// incident (filters included) and only to the roles that read everything; `dismiss` and
// `duplicate` entries take records out of it (kept, listed under ?state=) and are refused, naming
// the rule, for a record in an incident, a record that is no report or article, a duplicate of
// itself, an unknown id, or a party author.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import type { EntryKind } from '../../core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../../core/signing.js';
import { withFreshDatabase } from '../../store/postgres.test-support.js';
import { startDemoServer, type DemoServer } from '../demo-server.test-support.js';
import type { DeskItem } from './desk.js';

const M = 'pak-afg';

async function checkDesk(demo: DemoServer): Promise<void> {
  const { server, creds } = demo;
  const base = `${server.url}/api/v1/missions/${M}`;
  const signers = new Map<string, Signer>();
  for (const [n, u] of Object.entries(creds.users))
    signers.set(n, await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim()));
  const as = (user: string) => ({ authorization: `Bearer ${creds.users[user]!.token}` });
  const post = async (user: string, kind: EntryKind, body: unknown) => {
    const { envelope, bytes } = await signEnvelope(
      { mission: M, kind, body: body as Record<string, unknown> },
      signers.get(user)!,
    );
    const res = await fetch(`${base}/entries`, {
      method: 'POST',
      headers: { ...as(user), 'content-type': 'application/json' },
      body: Buffer.from(bytes),
    });
    return {
      id: envelope.id,
      status: res.status,
      answer: (await res.json()) as { error?: { details?: { rule?: string } } },
    };
  };
  const file = async (user: string, kind: EntryKind, body: unknown) => {
    const r = await post(user, kind, body);
    assert.equal(r.status, 201, JSON.stringify(r.answer));
    return r.id;
  };
  const refusedBy = async (user: string, kind: EntryKind, body: unknown, rule: string) => {
    const r = await post(user, kind, body);
    assert.ok(r.status === 422 || r.status === 403, `${rule}: ${r.status}`);
    assert.equal(r.answer.error?.details?.rule, rule, JSON.stringify(r.answer));
  };
  const queue = async (query = '', user = 'analyst') => {
    const res = await fetch(`${base}/desk/queue${query ? `?${query}` : ''}`, { headers: as(user) });
    assert.equal(res.status, 200, await res.clone().text());
    return ((await res.json()) as { items: DeskItem[] }).items;
  };

  // Three reports with a word no one could guess: PK's, AF's and the monitor's.
  const word = `desk${randomBytes(6).toString('hex')}`;
  const report = (title: string, extra: Record<string, unknown> = {}) => {
    // Plain reports (the example is an allegation): no accused party.
    const { accused: _accused, ...plain } = exampleBody('report') as Record<string, unknown>;
    return { ...plain, title, description: `Filed by the desk test (${word}).`, ...extra };
  };
  const pk = await file(
    'pk-liaison',
    'report',
    report(`PK ${word}`, { fatalities: { count: 2, claimedBy: 'PK' } }),
  );
  const af = await file(
    'af-liaison',
    'report',
    report(`AF ${word}`, { fatalities: { count: 1, claimedBy: 'AF' } }),
  );
  const mt = await file('monitor', 'report', report(`MT ${word}`, { fatalities: { count: 0 } }));
  const four = await file('monitor', 'report', report(`MT2 ${word}`, { fatalities: { count: 0 } }));

  // The queue: newest first, exactly the unassigned reports with the word; filters narrow it.
  const mine = await queue(`q=${word}`);
  assert.deepEqual(
    mine.map((i) => i.id),
    [four, mt, af, pk],
  );
  const pkItem = mine.find((i) => i.id === pk)!;
  assert.equal(pkItem.kind, 'report');
  assert.equal(pkItem.org, 'PK');
  assert.equal(pkItem.role, 'party');
  assert.equal(pkItem.state, 'open');
  assert.equal(pkItem.title, `PK ${word}`);
  assert.equal(pkItem.fatalities, 2);
  assert.deepEqual(
    (await queue(`q=${word}&org=PK`)).map((i) => i.id),
    [pk],
  );
  assert.deepEqual(
    (await queue(`q=${word}&role=monitor`)).map((i) => i.id),
    [four, mt],
  );
  assert.deepEqual(await queue(`q=${word}&kind=article`), []);
  // Nothing in the whole queue is in an incident (every record's incident read back one by one).
  const whole = await queue('limit=500');
  assert.ok(whole.length >= 4);
  for (const item of whole.slice(0, 40)) {
    const r = await fetch(`${base}/records/${item.id}`, { headers: as('analyst') });
    const rec = (await r.json()) as { kind: string; refused: string | null };
    assert.equal(rec.kind, item.kind);
    assert.equal(rec.refused, null);
  }
  // A malformed filter is named.
  const bad = await fetch(`${base}/desk/queue?type=not_a_type`, { headers: as('analyst') });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /type/);

  // Who may read it: the roles that read everything; parties and monitors are refused, the public too.
  for (const u of ['mediator', 'admin'] as const) {
    const name = u === 'mediator' ? 'qa-mediator' : 'admin';
    assert.equal((await fetch(`${base}/desk/queue`, { headers: as(name) })).status, 200, u);
  }
  for (const u of ['pk-liaison', 'af-liaison', 'monitor'])
    assert.equal((await fetch(`${base}/desk/queue`, { headers: as(u) })).status, 403, u);
  assert.equal((await fetch(`${base}/desk/queue`)).status, 401);
  const monitors = await fetch(`${base}/desk/monitors`, { headers: as('analyst') });
  assert.deepEqual(((await monitors.json()) as { items: unknown[] }).items, [
    { user: 'monitor', org: 'MT' },
  ]);
  assert.equal((await fetch(`${base}/desk/monitors`, { headers: as('pk-liaison') })).status, 403);

  // Grouping takes a report out of the queue; dismiss and duplicate are refused for it after.
  const inc = await file('analyst', 'incident', {
    action: 'open',
    title: `Grouped ${word}`,
    type: 'armed_clash',
    occurred: { date: '2025-10-20', time_precision: 1 },
    location: { name: 'Torkham', country: 'PK', lat: 34.11, lon: 71.09, geo_precision: 1 },
    reports: [af],
  });
  assert.deepEqual(
    (await queue(`q=${word}`)).map((i) => i.id),
    [four, mt, pk],
  );
  await refusedBy(
    'analyst',
    'incident',
    { action: 'dismiss', records: [af], reason: 'x' },
    'desk_triage',
  );
  await refusedBy(
    'analyst',
    'incident',
    { action: 'dismiss', records: [inc], reason: 'x' },
    'desk_triage',
  );
  await refusedBy(
    'analyst',
    'incident',
    { action: 'dismiss', records: [pk, pk], reason: 'x' },
    'desk_triage',
  );
  await refusedBy(
    'analyst',
    'incident',
    { action: 'dismiss', records: ['01900000-0000-7000-8000-000000000000'], reason: 'x' },
    'ref_exists',
  );
  await refusedBy(
    'analyst',
    'incident',
    { action: 'duplicate', records: [mt], of: mt },
    'duplicate_of',
  );
  await refusedBy(
    'pk-liaison',
    'incident',
    { action: 'dismiss', records: [pk], reason: 'x' },
    'kind_author',
  );
  assert.deepEqual(
    (await queue(`q=${word}`)).map((i) => i.id),
    [four, mt, pk],
    'refusals changed nothing',
  );

  // Dismiss PK's report with a reason, mark the monitor's as a duplicate of the incident.
  const dismissal = await file('analyst', 'incident', {
    action: 'dismiss',
    records: [pk],
    reason: `Out of scope (${word})`,
  });
  const dup = await file('analyst', 'incident', { action: 'duplicate', records: [mt], of: inc });
  assert.deepEqual(
    (await queue(`q=${word}`)).map((i) => i.id),
    [four],
  );
  const dismissed = await queue(`q=${word}&state=dismissed`);
  assert.deepEqual(
    dismissed.map((i) => [i.id, i.state, i.triage]),
    [[pk, 'dismissed', { entry: dismissal, reason: `Out of scope (${word})`, of: null }]],
  );
  const dups = await queue(`q=${word}&state=duplicate`);
  assert.deepEqual(
    dups.map((i) => [i.id, i.triage]),
    [[mt, { entry: dup, reason: null, of: inc }]],
  );
  assert.deepEqual(
    (await queue(`q=${word}&state=all`)).map((i) => i.id),
    [four, mt, pk],
  );
  // A dismissed report is kept: it is still read back as filed.
  const kept = await fetch(`${base}/records/${pk}`, { headers: as('analyst') });
  assert.equal(kept.status, 200);
}

test('desk (SQLite): the review queue, dismiss and duplicate', async () => {
  const demo = await startDemoServer('desk');
  try {
    await checkDesk(demo);
  } finally {
    await demo.close();
  }
});

test('desk (PostgreSQL): the review queue, dismiss and duplicate', async (t) => {
  const pg = await withFreshDatabase();
  if (typeof pg === 'string') return t.skip(pg);
  const demo = await startDemoServer('desk-pg', { db: pg.url });
  try {
    await checkDesk(demo);
  } finally {
    await demo.close();
    await pg.drop();
  }
});
