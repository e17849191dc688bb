import assert from 'node:assert/strict';
import { test } from 'node:test';
import { acledCode } from '../../core/taxonomy.js';
import type { CodedEvent } from '../types.js';
import { groupCandidates, matchIncidents } from './incidents.js';

function ev(
  url: string,
  date: string,
  lat: number,
  lon: number,
  type: CodedEvent['type'] = 'shelling',
): CodedEvent {
  return {
    type,
    acled: acledCode(type),
    date,
    time_precision: 1,
    location: { name: 'x', admin1: null, admin2: null, country: 'PK', lat, lon, geo_precision: 1 },
    actors: [],
    fatalities: null,
    fatality_claims: [],
    evidence: { sentence: 's', start: 0, end: 1 },
    confidence: 0.5,
    article: { url, headline: null, published: date },
  };
}

test('matching: type, date within a day and place within 25 km', () => {
  const incidents = [
    { id: 'a', type: 'shelling' as const, date: '2025-10-12', lat: 33.9, lon: 70.1 },
    { id: 'b', type: 'shelling' as const, date: '2025-10-20', lat: 33.9, lon: 70.1 },
    { id: 'c', type: 'airstrike' as const, date: '2025-10-12', lat: 33.9, lon: 70.1 },
    { id: 'd', type: 'shelling' as const, date: '2025-10-13', lat: 34.5, lon: 70.1 },
  ];
  assert.deepEqual(
    matchIncidents(ev('u', '2025-10-13', 33.95, 70.15), incidents).map((i) => i.id),
    ['a'],
  );
});

test('dedupe: the same event from several articles is one candidate with several sources', () => {
  const groups = groupCandidates([
    ev('u1', '2025-10-12', 33.9, 70.1),
    ev('u2', '2025-10-13', 33.95, 70.12),
    ev('u3', '2025-10-12', 31.0, 66.4),
    ev('u4', '2025-10-12', 33.9, 70.1, 'airstrike'),
  ]);
  assert.equal(groups.length, 3);
  assert.deepEqual(groups[0]?.sources, ['u1', 'u2']);
});
