// Sectors in the mission document (GeoJSON polygons) and the reports' counts by sector: points in
// an outline, in a hole (outside), in a MultiPolygon's second part; a ring that does not close and
// duplicate ids are refused naming the fix; counts by sector name every sector (zeros included),
// add up to the total with the incidents outside any sector, and carry the change levels against
// the previous period; a mission without sectors keeps bySector null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MissionDocSchema, SectorSchema, type Sector } from '../../core/records/mission.js';
import type { IncidentRow } from '../../store/workflow-store.js';
import { changeLevel } from './change-level.js';
import { comparePeriods, countRows } from './period.js';
import { OUTSIDE_SECTORS, sectorHolding } from './sectors.js';

const square = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const sectors: Sector[] = [
  SectorSchema.parse({
    id: 'ring',
    name: 'Ring',
    area: { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] },
  }),
  SectorSchema.parse({
    id: 'islands',
    name: 'Islands',
    area: {
      type: 'MultiPolygon',
      coordinates: [[square(20, 0, 21, 1)], [square(30, 0, 31, 1)]],
    },
  }),
  SectorSchema.parse({
    id: 'empty',
    name: 'Empty',
    area: { type: 'Polygon', coordinates: [square(50, 50, 51, 51)] },
  }),
];

test('a point in an outline, in a hole, in a second part, or nowhere', () => {
  assert.equal(sectorHolding(sectors, 1, 1)?.id, 'ring');
  assert.equal(sectorHolding(sectors, 5, 5), undefined, 'a hole is outside');
  assert.equal(sectorHolding(sectors, 30.5, 0.5)?.id, 'islands');
  assert.equal(sectorHolding(sectors, 25, 0.5), undefined);
  assert.equal(sectorHolding(sectors, 11, 1), undefined);
  assert.equal(sectorHolding(sectors, undefined, 1), undefined);
});

test('the schema: closed rings of [lon, lat], distinct ids; sectors optional', () => {
  const open = SectorSchema.safeParse({
    id: 'bad',
    name: 'Bad',
    area: {
      type: 'Polygon',
      coordinates: [
        square(0, 0, 1, 1)
          .slice(0, 4)
          .concat([[0, 0.5]]),
      ],
    },
  });
  assert.equal(open.success, false);
  assert.match(JSON.stringify(open.error?.issues), /repeat the first position last/);
  const lat = SectorSchema.safeParse({
    id: 'bad',
    name: 'Bad',
    area: { type: 'Polygon', coordinates: [square(0, 0, 1, 95)] },
  });
  assert.equal(lat.success, false, 'a latitude past 90 (lon, lat order) is refused');
  const doc = JSON.parse(
    readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const parsed = MissionDocSchema.parse(doc);
  assert.deepEqual(
    parsed.sectors?.map((s) => s.id),
    ['north', 'central', 'south'],
    'the demo mission has three sectors along the Durand Line',
  );
  const twice = MissionDocSchema.safeParse({
    ...doc,
    sectors: [...parsed.sectors!, parsed.sectors![0]],
  });
  assert.equal(twice.success, false);
  assert.match(JSON.stringify(twice.error?.issues), /sector ids must differ/);
  const { sectors: _, ...without } = doc;
  assert.equal(MissionDocSchema.parse(without).sectors, undefined);
});

const row = (lon: number, lat: number, date = '2025-10-12'): IncidentRow => ({
  id: `${lon},${lat},${date}`,
  index: 1,
  title: 't',
  type: 'armed_clash',
  status: 'reported',
  date,
  timePrecision: 1,
  location: { name: 'x', admin1: 'A', country: 'AF', lat, lon, geo_precision: 1 },
  fatalities: 0,
  parties: [],
  verdict: null,
  attribution: null,
  releasedIndex: null,
});

test('counts by sector against the previous period, with change levels', () => {
  const now = countRows(
    [row(1, 1), row(2, 2), row(3, 3), row(20.5, 0.5), row(5, 5), row(99, 9)],
    sectors,
  );
  const before = countRows([row(1, 1), row(30.5, 0.5), row(30.6, 0.6)], sectors);
  assert.deepEqual(now.bySector, { Ring: 3, Islands: 1, Empty: 0, [OUTSIDE_SECTORS]: 2 });
  assert.equal(
    Object.values(now.bySector!).reduce((a, b) => a + b, 0),
    now.total,
    'the sectors and the outside add up to the total',
  );
  const change = comparePeriods(now, before);
  assert.deepEqual(Object.keys(change.bySector!), ['Empty', 'Islands', 'Ring', OUTSIDE_SECTORS]);
  assert.deepEqual(change.bySector?.Ring, changeLevel(3, 1));
  assert.deepEqual(change.bySector?.Islands, changeLevel(1, 2));
  assert.deepEqual(change.bySector?.Empty, changeLevel(0, 0));
  assert.deepEqual(change.bySector?.[OUTSIDE_SECTORS], changeLevel(2, 0));
  // No incident outside: "outside" still has its row, at zero (the portal and the HTML show it).
  assert.deepEqual(countRows([row(1, 1)], sectors).bySector, {
    Ring: 1,
    Islands: 0,
    Empty: 0,
    [OUTSIDE_SECTORS]: 0,
  });
  assert.equal(comparePeriods(countRows([row(1, 1)]), countRows([])).bySector, null);
  assert.equal(countRows([row(1, 1)], []).bySector, null);
});
