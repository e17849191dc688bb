// The export formatters with hostile text: quotes, commas, CR/LF, leading '=' '+' '-' '@', HTML,
// non-ASCII. CSV output is parsed back with an independent RFC 4180 reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ACLED_COLUMNS, formatAcledCsv, notesOf } from './acled.js';
import { csvRow, csvText } from './csv.js';
import { formatGeoJson } from './geojson.js';
import { formatHxlCsv, HXL_COLUMNS } from './hxl.js';
import { parseCsv } from './csv.test-support.js';
import type { ExportRow } from './row.js';

const TRICKY = [
  '=HYPERLINK("http://evil.example","click")',
  '+1+2',
  '-2+3',
  '@SUM(A1)',
  '\tindented',
  'line one\r\nline two\nline three',
  'say "hello", then leave',
  '<img src=x onerror=alert(1)>',
  'Spin Boldak — سپین بولدک',
  '',
];

function row(i: number, title: string, extra: Partial<ExportRow> = {}): ExportRow {
  return {
    id: `0190a0b0-0000-7000-8000-00000000000${i}`,
    index: 40 + i,
    title,
    type: 'airstrike',
    status: 'released',
    date: '2025-10-18',
    timePrecision: 1,
    location: {
      name: title || 'Spin Boldak',
      admin1: 'Kandahar',
      admin2: i % 2 ? null : 'Spin Boldak',
      country: 'AF',
      lat: 31.006,
      lon: -66.4,
      geo_precision: 1,
    },
    fatalities: i % 3 ? 4 : null,
    parties: ['PK', 'AF'],
    verdict: 'probable',
    attribution: 'PK',
    releasedIndex: 90 + i,
    ...extra,
  };
}

const options = { mission: 'pak-afg', generatedAt: new Date('2025-10-25T12:00:00Z') };
const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

test('csv: RFC 4180 quoting and formula safety, cell by cell', () => {
  assert.equal(csvText('plain'), 'plain');
  assert.equal(csvText('a,b'), '"a,b"');
  assert.equal(csvText('say "hi"'), '"say ""hi"""');
  assert.equal(csvText('=1+1'), "'=1+1");
  assert.equal(csvText('=A1,"x"'), '"\'=A1,""x"""');
  assert.equal(csvRow([-33.5, null, 'x']), '-33.5,,x\r\n', 'numbers are not guarded');
  for (const t of TRICKY) assert.deepEqual(parseCsv(csvRow([t, 1])), [[guarded(t), '1']]);
});

test('csv: any text round-trips through an RFC 4180 reader, never starting a formula', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }),
      (cells) => {
        const back = parseCsv(csvRow(cells))[0]!;
        assert.deepEqual(back, cells.map(guarded));
        for (const c of back) assert.doesNotMatch(c, /^[=+\-@\t\r]/);
      },
    ),
    { numRuns: 500 },
  );
});

test('ACLED CSV: the header and one record per incident, tricky text kept and defused', () => {
  const rows = TRICKY.map((t, i) =>
    row(
      i,
      t,
      i === 1
        ? {
            actors: [
              { name: 'Military Forces of Pakistan', inter: 1 },
              { name: '=cmd', inter: 7 },
            ],
          }
        : {},
    ),
  );
  const parsed = parseCsv(formatAcledCsv(rows, options));
  assert.deepEqual(parsed[0], [...ACLED_COLUMNS]);
  assert.equal(parsed.length, rows.length + 1);
  const col = (r: string[], name: (typeof ACLED_COLUMNS)[number]) => r[ACLED_COLUMNS.indexOf(name)];
  for (const [i, r] of parsed.slice(1).entries()) {
    assert.equal(r.length, ACLED_COLUMNS.length);
    assert.equal(col(r, 'event_id_cnty'), `AFG${40 + i}`);
    assert.equal(col(r, 'event_date'), '2025-10-18');
    assert.equal(col(r, 'year'), '2025');
    assert.equal(col(r, 'event_type'), 'Explosions/Remote violence');
    assert.equal(col(r, 'sub_event_type'), 'Air/drone strike');
    assert.equal(col(r, 'disorder_type'), 'Political violence');
    assert.equal(col(r, 'iso'), '4');
    assert.equal(col(r, 'country'), 'Afghanistan');
    assert.equal(col(r, 'longitude'), '-66.4');
    assert.equal(col(r, 'location'), guarded(TRICKY[i] || 'Spin Boldak'));
    assert.equal(col(r, 'fatalities'), i % 3 ? '4' : '0');
    assert.equal(col(r, 'timestamp'), String(Date.parse('2025-10-25T12:00:00Z') / 1000));
    assert.ok(col(r, 'notes')!.endsWith('Finding: probable, attributed to PK.'));
    for (const cell of r) assert.doesNotMatch(cell, /^[=+@\t\r]/);
  }
  const withActors = parsed[2]!;
  assert.equal(col(withActors, 'actor1'), 'Military Forces of Pakistan');
  assert.equal(col(withActors, 'actor2'), "'=cmd");
  assert.equal(col(withActors, 'interaction'), '17');
  assert.equal(col(withActors, 'inter1'), '1');
});

test('HXL CSV: header row, hashtag row, data', () => {
  const rows = TRICKY.map((t, i) => row(i, t));
  const parsed = parseCsv(formatHxlCsv(rows, options));
  assert.deepEqual(
    parsed[0],
    HXL_COLUMNS.map((c) => c.header),
  );
  const tags = parsed[1]!;
  for (const t of [
    '#event+id',
    '#date',
    '#event+type',
    '#adm1+name',
    '#geo+lat',
    '#geo+lon',
    '#affected+killed',
  ])
    assert.ok(tags.includes(t), t);
  for (const t of tags) assert.match(t, /^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
  assert.equal(parsed.length, rows.length + 2);
  const title = tags.indexOf('#event+name');
  parsed.slice(2).forEach((r, i) => assert.equal(r[title], guarded(TRICKY[i]!)));
  assert.equal(parsed[2]![tags.indexOf('#affected+killed')], '', 'unknown fatalities stay empty');
  assert.equal(parseCsv(formatHxlCsv([], options)).length, 2);
  // The actor columns carry what the ACLED CSV carries, under #actor hashtags.
  const acted = row(0, 'Clash', {
    actors: [
      { name: 'Military Forces of Pakistan', inter: 1, party: 'PK' },
      { name: 'Frontier Corps', inter: 1, party: 'PK' },
      { name: 'Military Forces of Afghanistan', inter: 1, party: 'AF' },
    ],
  });
  const [, hxlTags, hxlRow] = parseCsv(formatHxlCsv([acted], options));
  const at = (t: string) => hxlRow![hxlTags!.indexOf(t)];
  assert.equal(at('#actor+name+first'), 'Military Forces of Pakistan');
  assert.equal(at('#actor+name+first+assoc'), 'Frontier Corps');
  assert.equal(at('#actor+code+first+inter'), '1');
  assert.equal(at('#actor+name+second'), 'Military Forces of Afghanistan');
  assert.equal(at('#actor+code+interaction'), '11');
  const [acledHead, acledRow] = parseCsv(formatAcledCsv([acted], options));
  assert.equal(acledRow![acledHead!.indexOf('assoc_actor_1')], 'Frontier Corps');
});

test('GeoJSON: a FeatureCollection of [lon, lat] points with the text as given', () => {
  const rows = TRICKY.map((t, i) => row(i, t));
  const fcoll = formatGeoJson(rows, options);
  const back = JSON.parse(JSON.stringify(fcoll)) as typeof fcoll;
  assert.equal(back.type, 'FeatureCollection');
  assert.equal(back.features.length, rows.length);
  back.features.forEach((f, i) => {
    assert.deepEqual(f.geometry, { type: 'Point', coordinates: [-66.4, 31.006] });
    assert.equal(f.properties.title, TRICKY[i]);
    assert.equal(f.properties.event_type, 'Explosions/Remote violence');
    assert.equal(f.id, rows[i]!.id);
  });
});

test('ACLED notes: title as a sentence, then the finding in words', () => {
  assert.equal(
    notesOf(
      row(0, 'Shelling near Chaman', { verdict: 'false_report', attribution: 'undetermined' }),
    ),
    'Shelling near Chaman. Finding: false report, attribution undetermined.',
  );
  assert.equal(notesOf(row(0, 'Clash?', { verdict: null, attribution: null })), 'Clash?');
});
