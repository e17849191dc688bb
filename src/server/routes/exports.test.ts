// The export routes over real HTTP: an AF allegation grouped into an incident by the analyst, with a
// hostile title; the analyst's exports carry it (ACLED CSV, HXL, GeoJSON) defused; the public's
// exports hold only released incidents (none here); filters apply; bad filters are 400.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signEnvelope } from '../../core/envelope.js';
import { exampleBody } from '../../core/examples.js';
import type { EntryKind } from '../../core/records/kinds.js';
import { signerFromNoteKey } from '../../core/signing.js';
import { parseCsv } from '../export/csv.test-support.js';
import { startDemoServer } from '../demo-server.test-support.js';

const TITLE = '=HYPERLINK("http://evil.example","x"), "quoted"\nsecond line';

test('exports over HTTP: ACLED CSV, HXL CSV and GeoJSON of what the caller may see', async () => {
  const demo = await startDemoServer('exports');
  const { server, creds } = demo;
  try {
    const base = `${server.url}/api/v1/missions/pak-afg`;
    const submit = async (user: string, kind: EntryKind, body: Record<string, unknown>) => {
      const u = creds.users[user]!;
      const signer = await signerFromNoteKey(readFileSync(u.keyFile, 'utf8').trim());
      const { envelope, bytes } = await signEnvelope({ mission: 'pak-afg', kind, body }, signer);
      const r = await fetch(`${base}/entries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
        body: new Uint8Array(bytes),
      });
      assert.equal(r.status, 201, await r.clone().text());
      return envelope.id;
    };
    const report = await submit('af-liaison', 'report', {
      ...(exampleBody('report') as Record<string, unknown>),
      accused: 'PK',
      actors: [
        { name: 'Civilians (Afghanistan)', inter: 7 },
        { name: 'Military Forces of Pakistan', inter: 1, party: 'PK' },
        { name: 'Pakistan Air Force', inter: 1 },
      ],
    });
    const incident = await submit('analyst', 'incident', {
      ...(exampleBody('incident') as Record<string, unknown>),
      title: TITLE,
      reports: [report],
    });
    const get = async (path: string, user?: string) => {
      // The read model follows the log just after integration: poll briefly.
      for (let i = 0; ; i++) {
        const r = await fetch(`${base}/${path}`, {
          headers: user ? { authorization: `Bearer ${creds.users[user]!.token}` } : {},
        });
        const text = await r.text();
        if (r.status !== 200 || !user || text.includes(incident) || text.includes('AFG') || i > 50)
          return { r, text };
        await new Promise((res) => setTimeout(res, 100));
      }
    };

    const geo = await get('incidents.geojson', 'analyst');
    assert.equal(geo.r.status, 200);
    assert.match(geo.r.headers.get('content-type') ?? '', /^application\/geo\+json/);
    assert.match(
      geo.r.headers.get('content-disposition') ?? '',
      /^attachment; filename="pak-afg-incidents\.geojson"$/,
    );
    const fc = JSON.parse(geo.text) as {
      type: string;
      features: {
        id: string;
        geometry: { coordinates: number[] };
        properties: { title: string };
      }[];
    };
    assert.equal(fc.type, 'FeatureCollection');
    const f = fc.features.find((x) => x.id === incident);
    assert.ok(f, 'the analyst sees the incident');
    assert.equal(f.properties.title, TITLE);
    assert.deepEqual(f.geometry.coordinates, [66.4, 31.006]);

    const csv = await get('incidents.csv', 'analyst');
    assert.equal(csv.r.status, 200);
    assert.match(csv.r.headers.get('content-type') ?? '', /^text\/csv/);
    assert.ok(csv.text.startsWith('event_id_cnty,event_date,year,time_precision,disorder_type,'));
    assert.ok(
      csv.text.includes(`"'=HYPERLINK(""http://evil.example"",""x""), ""quoted""\nsecond line`),
    );
    assert.ok(csv.text.includes(',Explosions/Remote violence,Air/drone strike,'));
    // The actor columns, from the allegation (PK accused) and its report's actors (ACLED Codebook).
    const [header, ...records] = parseCsv(csv.text);
    const ours = records.find((r) => r.includes('Pakistan Air Force'));
    assert.ok(ours, "the incident's ACLED record");
    assert.deepEqual(
      ['actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction'].map(
        (name) => ours[header!.indexOf(name)],
      ),
      [
        'Military Forces of Pakistan',
        'Pakistan Air Force',
        '1',
        'Civilians (Afghanistan)',
        '',
        '7',
        '17',
      ],
    );

    // ACLED's `timestamp`: the log time of the checkpoint the export reflects, one for every record
    // and never in the future (not the clock at the request: http-cache.test.ts checks that the
    // same log state gives the same bytes).
    const stamps = new Set(records.map((r) => r[header!.indexOf('timestamp')]));
    assert.equal(stamps.size, 1, `one timestamp: ${[...stamps].join(', ')}`);
    const stamp = Number([...stamps][0]);
    assert.ok(stamp > Date.parse('2025-01-01') / 1000 && stamp <= Date.now() / 1000, `${stamp}`);

    const hxl = await get('incidents.hxl.csv', 'analyst');
    const lines = hxl.text.split('\r\n');
    assert.match(lines[1]!, /^#event\+id,/);
    assert.ok(hxl.text.includes('#geo+lat') && hxl.text.includes('#affected+killed'));
    const [, hxlTags, ...hxlRecords] = parseCsv(hxl.text);
    const hxlRow = hxlRecords.find((r) => r.includes('Pakistan Air Force'))!;
    const tag = (t: string) => hxlRow[hxlTags!.indexOf(t)];
    assert.equal(tag('#actor+name+first'), 'Military Forces of Pakistan');
    assert.equal(tag('#actor+name+first+assoc'), 'Pakistan Air Force');
    assert.equal(tag('#actor+code+first+inter'), '1');
    assert.equal(tag('#actor+name+second'), 'Civilians (Afghanistan)');
    assert.equal(tag('#actor+code+interaction'), '17');

    // The public sees released incidents only (the demo story's), not the new one.
    const pub = await get('incidents.geojson');
    const pubFc = JSON.parse(pub.text) as {
      features: { id: string; properties: { status: string } }[];
    };
    assert.ok(pubFc.features.every((x) => x.properties.status === 'released'));
    assert.ok(!pubFc.features.some((x) => x.id === incident));
    const pubCsv = await get('incidents.csv');
    assert.equal(
      pubCsv.text.split('\r\n').filter((l) => l !== '').length,
      1 + pubFc.features.length,
      'header and the released incidents',
    );

    // Filters apply; malformed ones are 400 JSON errors.
    const none = await get('incidents.csv?type=shelling', 'analyst');
    assert.ok(!none.text.includes(incident.slice(0, 8)));
    const shelling = (await (
      await fetch(`${base}/incidents?type=shelling`, {
        headers: { authorization: `Bearer ${creds.users.analyst!.token}` },
      })
    ).json()) as { items: unknown[] };
    assert.equal(none.text.split('\r\n').filter((l) => l !== '').length, 1 + shelling.items.length);
    for (const bad of ['from=yesterday', 'bbox=1,2,3', 'type=nope', 'limit=0']) {
      const r = await fetch(`${base}/incidents.csv?${bad}`);
      assert.equal(r.status, 400, bad);
      assert.ok(((await r.json()) as { error: unknown }).error);
    }
    assert.equal((await fetch(`${server.url}/api/v1/missions/nope/incidents.hxl.csv`)).status, 404);
  } finally {
    await demo.close();
  }
});
