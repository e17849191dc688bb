// The streamed JSON lines export and its incremental feed (?since=<index>) over real HTTP, on the
// demo's story: every page of the list comes out (the same rows as paging the list API by hand),
// the public gets released incidents only, a withdrawal of a report comes as its own row after the
// incident's new state, and only what changed after `since` is in the feed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../../core/envelope.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { startDemoServer } from '../demo-server.test-support.js';

interface Row {
  id: string;
  status: string;
  change?: string;
  index: number;
  incident?: string;
  changedIndex?: number;
}

test('incidents.jsonl streams every visible row; ?since= gives changes with withdrawals as rows', async () => {
  const demo = await startDemoServer('exports-feed');
  const { server, creds } = demo;
  try {
    const base = `${server.url}/api/v1/missions/pak-afg`;
    const auth = (user?: string): Record<string, string> =>
      user ? { authorization: `Bearer ${creds.users[user]!.token}` } : {};
    const lines = async (path: string, user?: string): Promise<Row[]> => {
      const r = await fetch(`${base}/${path}`, { headers: auth(user) });
      assert.equal(r.status, 200, await r.clone().text());
      assert.match(r.headers.get('content-type') ?? '', /^application\/jsonl/);
      const text = await r.text();
      assert.ok(text === '' || text.endsWith('\n'));
      return text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Row);
    };
    /** The list API paged by hand with a small page size: what the export must equal. */
    const paged = async (user?: string): Promise<string[]> => {
      const ids: string[] = [];
      let cursor = '';
      for (;;) {
        const r = (await (
          await fetch(`${base}/incidents?limit=3${cursor ? `&cursor=${cursor}` : ''}`, {
            headers: auth(user),
          })
        ).json()) as { items: { id: string }[]; next: string | null };
        ids.push(...r.items.map((i) => i.id));
        if (!r.next) return ids;
        cursor = r.next;
      }
    };

    const analystRows = await lines('incidents.jsonl', 'analyst');
    const publicRows = await lines('incidents.jsonl');
    assert.ok(publicRows.length > 0, 'the demo story has released incidents');
    assert.ok(analystRows.length > publicRows.length, 'the analyst sees unreleased ones too');
    assert.deepEqual(
      analystRows.map((r) => r.id),
      await paged('analyst'),
    );
    assert.deepEqual(
      publicRows.map((r) => r.id),
      await paged(),
    );
    assert.ok(publicRows.every((r) => r.status === 'released'));

    // "since" is for the JSON lines feed only, and must be an index.
    for (const bad of ['incidents.csv?since=3', 'incidents.jsonl?since=x']) {
      const r = await fetch(`${base}/${bad}`);
      assert.equal(r.status, 400, bad);
    }

    // AF withdraws its report in a released incident (a correction without a replacement).
    type Detail = {
      records: {
        id: string;
        index: number;
        kind: string;
        org: string;
        supersededBy: string | null;
      }[];
    };
    const afReport = (d: Detail) =>
      d.records.find((r) => r.kind === 'report' && r.org === 'AF' && r.supersededBy === null);
    let released: Row | undefined;
    let report: Detail['records'][number] | undefined;
    for (const row of publicRows) {
      const d = (await (
        await fetch(`${base}/incidents/${row.id}`, { headers: auth('analyst') })
      ).json()) as Detail;
      report = afReport(d);
      if (report) {
        released = row;
        break;
      }
    }
    assert.ok(report && released, 'an AF report in a released incident');
    const size = ((await (await fetch(`${base}/log`)).json()) as { size: number }).size;
    const u = creds.users['af-liaison']!;
    const signer = await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim());
    const { envelope, bytes } = await signEnvelope(
      {
        mission: 'pak-afg',
        kind: 'correction',
        body: { supersedes: { index: report.index, id: report.id }, reason: 'filed twice' },
      },
      signer,
    );
    const posted = await fetch(`${base}/entries`, {
      method: 'POST',
      headers: { ...auth('af-liaison'), 'content-type': 'application/json' },
      body: new Uint8Array(bytes),
    });
    assert.equal(posted.status, 201, await posted.clone().text());

    let feed: Row[] = [];
    for (let i = 0; i < 100; i++) {
      feed = await lines(`incidents.jsonl?since=${size - 1}`, 'analyst');
      if (feed.some((r) => r.change === 'withdrawal')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const withdrawal = feed.find((r) => r.change === 'withdrawal');
    assert.ok(withdrawal, JSON.stringify(feed));
    assert.equal(withdrawal.id, envelope.id);
    assert.equal(withdrawal.incident, released.id);
    const changed = feed.find((r) => r.change === 'incident' && r.id === released.id);
    assert.ok(changed, 'the incident comes again with its new state');
    assert.equal(changed.changedIndex, withdrawal.index);
    assert.ok(feed.indexOf(changed) < feed.indexOf(withdrawal));
    // Nothing that changed before `since` is in the feed.
    assert.ok(feed.filter((r) => r.change === 'incident').every((r) => r.changedIndex! >= size));

    // The whole history as a feed holds every visible incident once; the public's only released.
    const all = await lines('incidents.jsonl?since=-1', 'analyst');
    const incidents = all.filter((r) => r.change === 'incident').map((r) => r.id);
    assert.equal(new Set(incidents).size, incidents.length);
    assert.deepEqual(new Set(incidents), new Set(analystRows.map((r) => r.id)));
    const pubFeed = await lines('incidents.jsonl?since=-1');
    assert.ok(pubFeed.filter((r) => r.change === 'incident').every((r) => r.status === 'released'));
    assert.ok(pubFeed.some((r) => r.change === 'incident' && r.id === released.id));
  } finally {
    await demo.close();
  }
});
