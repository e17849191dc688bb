// The HTML report escapes every text it did not write, draws its charts as SVG, hedges (incidents
// without a released finding are "reported"), names its cut-off and checkpoint, and has every
// section: allegations, responses, overdue, findings, access denied, crossings, compliance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { IncidentRow } from '../../store/workflow-store.js';
import { changeLevel } from './change-level.js';
import { reportHtml } from './html.js';
import { comparePeriods, countRows } from './period.js';
import type { PeriodReport } from './report-types.js';
import { reportSections } from './sections.js';
import { OUTSIDE_SECTORS } from './sectors.js';
import { detail, complianceFixture, crossingFixture } from './sections.test-support.js';

const HOSTILE = '<img src=x onerror=alert(1)> "Kandahar" & co';

function row(i: number, status: IncidentRow['status']): IncidentRow {
  return {
    id: `0190a0b0-0000-7000-8000-00000000000${i}`,
    index: i,
    title: 't',
    type: i % 2 ? 'shelling' : 'airstrike',
    status,
    date: `2025-10-1${i}`,
    timePrecision: 1,
    location: { name: 'x', admin1: HOSTILE, country: 'AF', lat: 31, lon: 66, geo_precision: 1 },
    fatalities: 2,
    parties: [],
    verdict: null,
    attribution: null,
    releasedIndex: null,
  };
}

export function fixtureReport(): PeriodReport {
  const now = countRows([row(1, 'released'), row(2, 'reported'), row(3, 'reported')]);
  const before = countRows([row(4, 'released')]);
  const period = { from: '2025-10-11', to: '2025-10-17' };
  const previous = { from: '2025-10-04', to: '2025-10-10' };
  return {
    kind: 'weekly',
    mission: 'pak-afg',
    missionName: 'Mission <b>name</b>',
    period: { ...period, days: 7 },
    previous: { ...previous, counts: before },
    cutOff: '2025-10-18T00:00:00.000Z',
    checkpoint: {
      origin: 'truceline.example/log/pak-afg',
      size: 1234,
      rootHash: 'AAAA+/=',
      cosigners: ['witness.pk.pak-afg'],
    },
    entriesApplied: 1234,
    readAs: 'analyst',
    counts: now,
    change: comparePeriods(now, before),
    sections: reportSections({
      period,
      previous,
      details: [detail(HOSTILE)],
      crossings: [crossingFixture(HOSTILE)],
      compliance: complianceFixture(),
      majorIncidentFatalities: 5,
    }),
    note: null,
  };
}

test('html report: escaped text, SVG charts, hedged wording, named checkpoint, every section', () => {
  const html = reportHtml(fixtureReport());
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('img').length, 0, 'no markup from data');
  assert.equal(document.querySelectorAll('script').length, 0);
  assert.equal(
    document.querySelector('h1')!.textContent,
    'Mission <b>name</b>: Weekly report 2025-10-11 to 2025-10-17',
  );
  const rowHeads = Array.from(document.querySelectorAll('tbody th'), (t) => t.textContent);
  assert.ok(rowHeads.includes(HOSTILE), 'the area name shown as text');
  assert.equal(document.querySelectorAll('svg').length, 2, 'events per day and by type');
  assert.equal(document.querySelectorAll('svg rect').length, 3 + 2);
  const text = document.body.textContent!;
  assert.match(text, /as of 2025-10-18T00:00:00\.000Z/);
  assert.match(
    text,
    /log checkpoint of size 1234, cosigned by witness\.pk\.pak-afg; origin truceline\.example\/log\/pak-afg, root hash AAAA\+\/=/,
  );
  assert.match(text, /2 of these incidents are reported but not verified/);
  assert.match(
    text,
    /3 incidents were recorded in this period \(in the previous reporting period, 1; limited change\)/,
  );
  const h2 = Array.from(document.querySelectorAll('h2'), (h) => h.textContent);
  assert.deepEqual(h2, [
    'Summary',
    'Incidents by type',
    'Incidents by area',
    'Events per day',
    'Allegations and responses',
    'Findings released',
    'Restrictions on the monitors',
    'Crossings',
    'Compliance',
  ]);
  assert.match(text, /Allegations filed: 1 \(previous reporting period: 1; limited change\)/);
  assert.match(text, /Allegations overdue as of the cut-off .*: 1\./);
  assert.match(text, /Findings released: 1 \(previous reporting period: 0/);
  assert.match(text, /Access denied to monitors: 1 /);
  assert.match(
    text,
    /As of the cut-off, days since the last verified major incident \(5 or more fatalities, on 2025-10-12\): 6\./,
  );
  assert.match(text, /The mission defines no sectors/);
  const captions = Array.from(document.querySelectorAll('caption'), (c) => c.textContent);
  for (const c of [
    'Overdue allegations',
    'Findings released in the period',
    'Access denied',
    'Crossings at the end of the period',
    'Compliance by term and party',
  ])
    assert.ok(captions.includes(c), c);
});

test('html report of an empty period: no empty charts, the figures still against the previous', () => {
  const r = fixtureReport();
  const empty = countRows([]);
  const html = reportHtml({
    ...r,
    counts: empty,
    change: comparePeriods(empty, r.previous.counts),
  });
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('svg').length, 0);
  const text = document.body.textContent!;
  assert.match(text, /Incidents by type: none to chart\./);
  assert.match(text, /Incidents per day: none to chart\./);
  assert.match(
    text,
    /0 incidents were reported in this period \(in the previous reporting period, 1;/,
  );
});

test('html report by sector: "new" only when there are some now, "none" when neither had any', () => {
  const r = fixtureReport();
  const html = reportHtml({
    ...r,
    change: {
      ...r.change,
      bySector: {
        North: changeLevel(1, 0),
        South: changeLevel(0, 0),
        West: changeLevel(3, 2),
        [OUTSIDE_SECTORS]: changeLevel(0, 0),
      },
    },
  });
  const { document } = parseHTML(html);
  const table = Array.from(document.querySelectorAll('table')).find(
    (t) => t.querySelector('caption')?.textContent === 'Incidents by sector',
  );
  assert.ok(table, 'a table of incidents by sector');
  const rows = Array.from(table.querySelectorAll('tbody tr'), (tr) =>
    Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent),
  );
  assert.deepEqual(rows, [
    ['North', '1', '0', 'new', 'limited change'],
    ['South', '0', '0', 'none', 'limited change'],
    ['West', '3', '2', '+50%', 'limited change'],
    [OUTSIDE_SECTORS, '0', '0', 'none', 'limited change'],
  ]);
});
