// The weekly and period reports over real HTTP on the demo's story: counts equal the incident
// list's for the same days and caller, the previous period is the same length just before, each
// count carries its change level, the checkpoint and cut-off are named, and the public counts only
// released incidents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../demo-server.test-support.js';
import { changeLevel } from '../reports/change-level.js';

interface Report {
  period: { from: string; to: string; days: number };
  previous: { from: string; to: string; counts: { total: number } };
  cutOff: string;
  checkpoint: { size: number; cosigners: string[] } | null;
  counts: { total: number; unverified: number; byType: Record<string, number> };
  change: { total: { level: string; current: number; previous: number } };
}

test('weekly and period reports: counts, previous period, change levels, checkpoint', async () => {
  const demo = await startDemoServer('reports');
  try {
    const base = `${demo.server.url}/api/v1/missions/pak-afg`;
    const analyst = { authorization: `Bearer ${demo.creds.users.analyst!.token}` };
    const list = async (from: string, to: string, headers = {}) => {
      let n = 0;
      let cursor = '';
      for (;;) {
        const r = (await (
          await fetch(
            `${base}/incidents?from=${from}&to=${to}&limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
            { headers },
          )
        ).json()) as { items: { status: string }[]; next: string | null };
        n += r.items.length;
        if (!r.next) return n;
        cursor = r.next;
      }
    };
    // The story's span: the whole list's newest and oldest day.
    const all = (await (
      await fetch(`${base}/incidents?limit=1000`, { headers: analyst })
    ).json()) as {
      items: { date: string }[];
    };
    const days = all.items.map((i) => i.date).sort();
    const to = days[days.length - 1]!;
    const from = days[0]!;
    const r = await fetch(`${base}/reports/period?from=${from}&to=${to}`, { headers: analyst });
    assert.equal(r.status, 200, await r.clone().text());
    const rep = (await r.json()) as Report;
    assert.equal(rep.counts.total, await list(from, to, analyst));
    assert.ok(rep.counts.total > 0);
    assert.equal(rep.previous.to < from, true);
    assert.equal(
      rep.previous.counts.total,
      await list(rep.previous.from, rep.previous.to, analyst),
    );
    assert.deepEqual(rep.change.total, changeLevel(rep.counts.total, rep.previous.counts.total));
    assert.ok(rep.checkpoint && rep.checkpoint.size > 0, 'names the checkpoint');
    assert.ok(!Number.isNaN(Date.parse(rep.cutOff)));
    assert.equal(
      Object.values(rep.counts.byType).reduce((a, b) => a + b, 0),
      rep.counts.total,
    );

    const pub = (await (
      await fetch(`${base}/reports/period?from=${from}&to=${to}`)
    ).json()) as Report;
    assert.equal(pub.counts.total, await list(from, to));
    assert.equal(pub.counts.unverified, 0, 'the public sees released incidents only');
    assert.ok(pub.counts.total < rep.counts.total);

    const week = (await (
      await fetch(`${base}/reports/weekly?date=${to}`, { headers: analyst })
    ).json()) as Report;
    assert.equal(week.period.days, 7);
    assert.equal(week.period.to, to);
    assert.equal(week.counts.total, await list(week.period.from, to, analyst));

    const html = await fetch(`${base}/reports/weekly?date=${to}&format=html`, { headers: analyst });
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
    const page = await html.text();
    assert.match(page, /<svg /);
    assert.match(page, /log checkpoint of size \d+, cosigned by witness\./);

    for (const bad of [
      'reports/weekly',
      'reports/period?from=2025-01-02&to=2025-01-01',
      'reports/period?from=2020-01-01&to=2025-01-01',
    ])
      assert.equal((await fetch(`${base}/${bad}`)).status, 400, bad);
  } finally {
    await demo.close();
  }
});
