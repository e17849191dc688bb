// The incident list's filters on the server and its counts per day (issue 10: at 100,000 incidents
// every filter of the mission view runs on the server, over all incidents), on SQLite and on
// PostgreSQL over real HTTP. Each filter's answer, paged to its end, must be exactly the public's
// whole list filtered here by the rule the API documents; /stats/incidents-per-day must count
// exactly that answer's days. A party's verdict filter never finds an unreleased incident's
// verdict (workflow-store.ts shows a verdict only on a released incident to a party).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withFreshDatabase } from '../src/store/postgres.test-support.js';
import { startDemoServer, type DemoServer } from '../src/server/demo-server.test-support.js';

interface Row {
  id: string;
  type: string;
  status: string;
  date: string;
  verdict: string | null;
  attribution: string | null;
  parties: string[];
  location: { lat: number; lon: number };
}

function suite(
  name: string,
  db: () => Promise<{ url: string; drop(): Promise<void> } | string | null>,
) {
  describe(`incident filters on the server, ${name}`, () => {
    let demo: DemoServer | undefined;
    let drop: (() => Promise<void>) | undefined;
    let skip: string | undefined;
    let base = '';
    let all: Row[] = [];
    const auth = (user?: string): Record<string, string> =>
      user ? { authorization: `Bearer ${demo!.creds.users[user]!.token}` } : {};

    /** Every page of the list for this query (5 a page, so the cursor is followed too). */
    async function list(query: string, user?: string): Promise<Row[]> {
      const out: Row[] = [];
      let cursor = '';
      for (let n = 0; n < 1000; n++) {
        const r = await fetch(`${base}/incidents?limit=5&${query}${cursor}`, {
          headers: auth(user),
        });
        assert.equal(r.status, 200, `${query}: ${await r.clone().text()}`);
        const body = (await r.json()) as { items: Row[]; next: string | null };
        out.push(...body.items);
        if (!body.next) return out;
        cursor = `&cursor=${body.next}`;
      }
      assert.fail('the list did not end');
    }

    async function perDay(query: string): Promise<{ days: Map<string, number>; total: number }> {
      const r = await fetch(`${base}/stats/incidents-per-day?${query}`);
      assert.equal(r.status, 200, await r.clone().text());
      const b = (await r.json()) as { days: { date: string; count: number }[]; total: number };
      return { days: new Map(b.days.map((d) => [d.date, d.count])), total: b.total };
    }

    const days = (rows: Row[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.date.slice(0, 10), (m.get(r.date.slice(0, 10)) ?? 0) + 1);
      return m;
    };
    const ids = (rows: Row[]) => rows.map((r) => r.id).sort();

    before(async () => {
      const d = await db();
      if (typeof d === 'string') {
        skip = d;
        return;
      }
      drop = d?.drop;
      demo = await startDemoServer(`filters-${name}`, d ? { db: d.url } : {});
      base = `${demo.server.url}/api/v1/missions/pak-afg`;
      all = await list('');
    });
    after(async () => {
      await demo?.close();
      await drop?.();
    });

    test('each filter answers exactly the rows its rule keeps, and the days count them', async (t) => {
      if (skip) return t.skip(skip);
      assert.ok(all.length >= 20, `the demo has ${all.length} released incidents`);
      const byType = new Map<string, number>();
      for (const r of all) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
      const common = [...byType].sort((a, b) => b[1] - a[1]);
      const dates = all.map((r) => r.date.slice(0, 10)).sort();
      const mid = dates[Math.floor(dates.length / 2)]!;
      const lats = all.map((r) => r.location.lat).sort((a, b) => a - b);
      // Between two incidents' latitudes, not on one: SQLite's R*Tree keeps boxes in 32-bit
      // floats, so a point exactly on the edge may fall either side.
      const half = Math.floor(lats.length / 2);
      const midLat = Number(((lats[half - 1]! + lats[half]!) / 2).toFixed(5));
      const involves = (r: Row, p: string) => r.parties.includes(p) || r.attribution === p;
      const cases: [string, (r: Row) => boolean][] = [
        [`type=${common[0]![0]}`, (r) => r.type === common[0]![0]],
        [
          `type=${common[0]![0]},${common[1]![0]}`,
          (r) => r.type === common[0]![0] || r.type === common[1]![0],
        ],
        ['party=PK', (r) => involves(r, 'PK')],
        ['party=AF', (r) => involves(r, 'AF')],
        ['verdict=confirmed', (r) => r.verdict === 'confirmed'],
        ['verdict=probable,none', (r) => r.verdict === 'probable' || r.verdict === null],
        [`from=${mid}`, (r) => r.date.slice(0, 10) >= mid],
        [`to=${mid}`, (r) => r.date.slice(0, 10) <= mid],
        [`bbox=60,${midLat},75,40`, (r) => r.location.lat >= midLat && r.location.lat <= 40],
        [
          `party=AF&verdict=confirmed&from=${dates[0]}`,
          (r) => involves(r, 'AF') && r.verdict === 'confirmed',
        ],
      ];
      let narrowed = 0;
      for (const [query, keep] of cases) {
        const want = all.filter(keep);
        if (want.length > 0 && want.length < all.length) narrowed++;
        const got = await list(query);
        assert.deepEqual(ids(got), ids(want), query);
        const counted = await perDay(query);
        assert.deepEqual(counted.days, days(want), `${query}: per day`);
        assert.equal(counted.total, want.length, `${query}: total`);
      }
      assert.ok(narrowed >= 8, `most cases keep some rows and drop others (${narrowed})`);
      // No filter: every released incident, per day.
      const every = await perDay('');
      assert.equal(every.total, all.length);
      assert.deepEqual(every.days, days(all));
    });

    test('the words filter counts per day as the list finds them', async (t) => {
      if (skip) return t.skip(skip);
      for (const q of ['mortar', 'crossing', 'zzzunheardofword']) {
        const got = await list(`q=${q}`);
        const counted = await perDay(`q=${q}`);
        assert.deepEqual(counted.days, days(got), q);
        assert.equal(counted.total, got.length, q);
      }
      assert.ok((await list('q=mortar')).length > 0, 'the demo has mortar fire');
    });

    test('a party filtering by verdict finds only released verdicts', async (t) => {
      if (skip) return t.skip(skip);
      for (const user of ['pk-liaison', 'af-liaison']) {
        const mine = await list('', user);
        assert.ok(mine.length >= all.length, `${user} sees at least the public's list`);
        for (const v of ['confirmed', 'probable', 'unconfirmed', 'false_report', 'inconclusive']) {
          const got = await list(`verdict=${v}`, user);
          for (const r of got) assert.equal(r.status, 'released', `${user} ${v}: ${r.id}`);
        }
        const none = await list('verdict=none', user);
        const unreleased = mine.filter((r) => r.status !== 'released').map((r) => r.id);
        for (const id of unreleased)
          assert.ok(
            none.some((r) => r.id === id),
            `${user}: an unreleased incident has no verdict yet`,
          );
      }
    });

    test('a bad verdict is refused', async (t) => {
      if (skip) return t.skip(skip);
      const r = await fetch(`${base}/incidents?verdict=guilty`);
      assert.equal(r.status, 400);
      const s = await fetch(`${base}/stats/incidents-per-day?bbox=1,2,3`);
      assert.equal(s.status, 400);
    });
  });
}

suite('SQLite', () => Promise.resolve(null));
suite('PostgreSQL', withFreshDatabase);
