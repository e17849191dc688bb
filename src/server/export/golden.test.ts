// Golden files for every export format (testdata/export/): the streamed output of a fixed set of
// rows (hostile text included) must equal the file byte for byte. Set UPDATE_GOLDEN=1 to rewrite
// them after a deliberate change, then review the diff. Each format is also checked against its
// own rules: GeoJSON against RFC 7946, the HXL hashtag row against HXL 1.1's hashtag syntax, the
// ACLED header against ACLED's column order, JSON lines one object per line; and the streamed
// output equals the whole-document formatters whatever the page size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ACLED_COLUMNS, formatAcledCsv } from './acled.js';
import { parseCsv } from './csv.test-support.js';
import { EXPORT_FORMATS, exportChunks, type ExportFormatName } from './formats.js';
import { formatGeoJson } from './geojson.js';
import { formatHxlCsv } from './hxl.js';
import type { ExportOptions, ExportRow } from './row.js';

const GOLDEN = resolve(import.meta.dirname, '../../../testdata/export');

const options: ExportOptions = {
  mission: 'pak-afg',
  generatedAt: new Date('2025-10-25T12:00:00Z'),
  parties: [
    { code: 'PK', name: 'Pakistan' },
    { code: 'AF', name: 'Afghanistan' },
  ],
};

function row(i: number, extra: Partial<ExportRow> = {}): ExportRow {
  return {
    id: `0190a0b0-0000-7000-8000-00000000000${i}`,
    index: 40 + i,
    title: ['Shelling near Chaman', '=HYPERLINK("x"), "quoted"\nline two', 'سپین بولدک'][i % 3]!,
    type: ['shelling', 'airstrike', 'armed_clash'][i % 3]!,
    status: 'released',
    date: `2025-10-${String(10 + i).padStart(2, '0')}`,
    timePrecision: 1,
    location: {
      name: ['Chaman', 'Spin Boldak', 'Torkham'][i % 3]!,
      admin1: i % 2 ? 'Kandahar' : 'Balochistan',
      admin2: i % 2 ? null : 'Killa Abdullah',
      country: i % 2 ? 'AF' : 'PK',
      lat: 30.9 + i / 100,
      lon: 66.4 - i / 100,
      geo_precision: 1 + (i % 3),
    },
    fatalities: i % 3 ? i : null,
    parties: ['PK', 'AF'],
    verdict: i % 2 ? 'probable' : null,
    attribution: i % 2 ? 'PK' : null,
    releasedIndex: 90 + i,
    accused: ['PK'],
    actors: [{ name: 'Military Forces of Pakistan', inter: 1, party: 'PK' }],
    ...extra,
  };
}
const ROWS = Array.from({ length: 7 }, (_, i) => row(i));

async function streamed(name: ExportFormatName, pageSize: number): Promise<string> {
  async function* pages() {
    for (let i = 0; i < ROWS.length; i += pageSize) yield ROWS.slice(i, i + pageSize);
  }
  let out = '';
  for await (const c of exportChunks(EXPORT_FORMATS[name], pages(), options)) out += c;
  return out;
}

const FILES: Record<ExportFormatName, string> = {
  acled: 'incidents.csv',
  hxl: 'incidents.hxl.csv',
  geojson: 'incidents.geojson',
  jsonl: 'incidents.jsonl',
};

test('every format matches its golden file, whatever the page size', async () => {
  if (process.env.UPDATE_GOLDEN) mkdirSync(GOLDEN, { recursive: true });
  for (const name of Object.keys(FILES) as ExportFormatName[]) {
    const file = join(GOLDEN, FILES[name]);
    const text = await streamed(name, 3);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
    assert.ok(existsSync(file), `${file} is missing (run with UPDATE_GOLDEN=1 once)`);
    assert.equal(text, readFileSync(file, 'utf8'), `${name} differs from ${file}`);
    for (const size of [1, 2, 7, 100])
      assert.equal(await streamed(name, size), text, `${name}/${size}`);
  }
});

test('streamed CSV and GeoJSON equal the whole-document formatters', async () => {
  assert.equal(await streamed('acled', 2), formatAcledCsv(ROWS, options));
  assert.equal(await streamed('hxl', 2), formatHxlCsv(ROWS, options));
  assert.deepEqual(JSON.parse(await streamed('geojson', 2)), formatGeoJson(ROWS, options));
});

/** RFC 7946's rules for what this export writes: a FeatureCollection of Point features. */
function checkRfc7946(doc: unknown): void {
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  assert.ok(isObj(doc), 'a GeoJSON text is an object (§2)');
  assert.equal(doc.type, 'FeatureCollection', '§3.3');
  assert.ok(!('crs' in doc), 'no "crs" member (§4: WGS 84 only)');
  assert.ok(Array.isArray(doc.features), 'a FeatureCollection has "features", an array (§3.3)');
  for (const f of doc.features as unknown[]) {
    assert.ok(isObj(f), 'a feature is an object');
    assert.equal(f.type, 'Feature', '§3.2');
    assert.ok(typeof f.id === 'string' || typeof f.id === 'number', 'id string or number (§3.2)');
    assert.ok(f.properties === null || isObj(f.properties), '"properties" object or null (§3.2)');
    const g = f.geometry;
    assert.ok(isObj(g), '"geometry" member (§3.2)');
    assert.equal(g.type, 'Point');
    const c = g.coordinates as unknown[];
    assert.ok(
      Array.isArray(c) && (c.length === 2 || c.length === 3),
      'a position has 2 or 3 numbers (§3.1.1)',
    );
    assert.ok(c.every((x) => typeof x === 'number' && Number.isFinite(x)));
    const [lon, lat] = c as number[];
    assert.ok(lon! >= -180 && lon! <= 180, 'longitude first, in degrees (§3.1.1, §4)');
    assert.ok(lat! >= -90 && lat! <= 90, 'latitude second, in degrees (§3.1.1, §4)');
  }
}

test("GeoJSON golden file follows RFC 7946 (and [lon, lat] order is the rows' own)", () => {
  const doc = JSON.parse(readFileSync(join(GOLDEN, FILES.geojson), 'utf8')) as {
    features: { geometry: { coordinates: number[] } }[];
  };
  checkRfc7946(doc);
  assert.equal(doc.features.length, ROWS.length);
  doc.features.forEach((f, i) =>
    assert.deepEqual(f.geometry.coordinates, [ROWS[i]!.location.lon, ROWS[i]!.location.lat]),
  );
  // The checker itself rejects what RFC 7946 forbids.
  assert.throws(() => checkRfc7946({ type: 'FeatureCollection', features: [], crs: {} }));
  assert.throws(() =>
    checkRfc7946({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'x',
          properties: {},
          geometry: { type: 'Point', coordinates: [31, 200] },
        },
      ],
    }),
  );
});

test('HXL golden file: a header row, then a row of valid HXL hashtags, then the data', () => {
  const rows = parseCsv(readFileSync(join(GOLDEN, FILES.hxl), 'utf8'));
  const [header, tags, ...data] = rows;
  assert.equal(data.length, ROWS.length);
  assert.equal(tags!.length, header!.length);
  // HXL 1.1 §4: a hashtag is '#' and a name, then zero or more '+attribute', lower-case a-z0-9_.
  for (const t of tags!) assert.match(t, /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/, t);
  // The core schema's hashtags for the columns analysts join on.
  for (const core of [
    '#date',
    '#adm1+name',
    '#geo+lat',
    '#geo+lon',
    '#affected+killed',
    '#country+code',
  ])
    assert.ok(tags!.includes(core), core);
  // No data row is taken for a hashtag row (HXL readers look for the first such row).
  for (const d of data) assert.ok(!d.every((c) => c === '' || c.startsWith('#')));
});

test('ACLED golden file: ACLED columns in ACLED order, one record per row', () => {
  const rows = parseCsv(readFileSync(join(GOLDEN, FILES.acled), 'utf8'));
  assert.deepEqual(rows[0], [...ACLED_COLUMNS]);
  assert.equal(rows.length, ROWS.length + 1);
  assert.ok(rows.slice(1).every((r) => r.length === ACLED_COLUMNS.length));
});

test('JSON lines golden file: one incident object per line, ids in list order', () => {
  const lines = readFileSync(join(GOLDEN, FILES.jsonl), 'utf8').split('\n');
  assert.equal(lines.pop(), '', 'ends with a newline');
  assert.deepEqual(
    lines.map((l) => (JSON.parse(l) as { id: string }).id),
    ROWS.map((r) => r.id),
  );
});
