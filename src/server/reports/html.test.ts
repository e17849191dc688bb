// The HTML report escapes every text it did not write, draws its charts as SVG, and hedges: incidents
// without a released finding are "reported", with a sentence that says they are not verified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { IncidentRow } from '../../store/workflow-store.js';
import { reportHtml } from './html.js';
import { comparePeriods, countRows } from './period.js';

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

test('html report: escaped text, SVG charts, hedged wording, named checkpoint', () => {
  const now = countRows([row(1, 'released'), row(2, 'reported'), row(3, 'reported')]);
  const before = countRows([row(4, 'released')]);
  const html = reportHtml(
    {
      mission: 'pak-afg',
      period: { from: '2025-10-11', to: '2025-10-17', days: 7 },
      previous: { from: '2025-10-04', to: '2025-10-10', counts: before },
      cutOff: '2025-10-18T00:00:00.000Z',
      checkpoint: { size: 1234, cosigners: ['witness.pk.pak-afg'] },
      counts: now,
      change: comparePeriods(now, before),
      note: null,
    },
    'Mission <b>name</b>',
  );
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('img').length, 0, 'no markup from data');
  assert.equal(document.querySelectorAll('script').length, 0);
  assert.equal(document.querySelector('h1')!.textContent, 'Mission <b>name</b>');
  const areas = Array.from(document.querySelectorAll('tbody th'), (t) => t.textContent);
  assert.ok(areas.includes(HOSTILE), 'the area name shown as text');
  assert.equal(document.querySelectorAll('svg').length, 2, 'events per day and by type');
  assert.equal(document.querySelectorAll('svg rect').length, 3 + 2);
  const text = document.body.textContent!;
  assert.match(text, /log checkpoint of size 1234, cosigned by witness\.pk\.pak-afg/);
  assert.match(text, /2 of these incidents are reported but not verified/);
  assert.match(text, /3 incidents were recorded in this period/);
  assert.match(text, /previous period 2025-10-04 to 2025-10-10: 1; limited change/);
});
