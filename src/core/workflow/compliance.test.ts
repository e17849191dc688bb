// The pure half of compliance: a term's check rule with its defaults, and the answer assembled from
// the store's aggregates (the SQL half is tested on both stores in src/store/compliance.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MissionDocSchema } from '../records/mission.js';
import {
  assembleCompliance,
  daysBetween,
  termRule,
  type TermPartyAggregate,
} from './compliance.js';

const mission = MissionDocSchema.parse(
  JSON.parse(readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8')),
);
const term = (id: string) => mission.terms.find((t) => t.id === id)!;

test('a term rule fills its defaults: confirmed verdicts only, armed groups compared in lower case', () => {
  const r = termRule(term('no-safe-haven'));
  assert.deepEqual(r.verdicts, ['confirmed']);
  assert.ok(r.armedGroups.includes('ttp'));
  assert.ok(r.eventTypes.includes('infiltration'));
  assert.equal(r.crossBorder, false);
  assert.equal(termRule(term('no-cross-border-attacks')).crossBorder, true);
  assert.deepEqual(termRule(term('crossings-open')).crossingStatuses, [
    'closed',
    'partial',
    'pedestrians_only',
    'refugees_only',
  ]);
  const custom = { ...term('no-safe-haven') };
  custom.check = { ...custom.check, verdicts: ['confirmed', 'probable'] };
  assert.deepEqual(termRule(custom).verdicts, ['confirmed', 'probable']);
});

test('days since count whole days from the start of the date, never below zero', () => {
  assert.equal(daysBetween('2025-10-15', '2025-10-25T12:00:00.000Z'), 10);
  assert.equal(daysBetween('2025-10-15', '2025-10-15T23:59:59.999Z'), 0);
  assert.equal(daysBetween('2025-10-30', '2025-10-25T00:00:00.000Z'), 0);
  assert.equal(daysBetween('2025-10-12T06:00:00.000Z', '2025-10-14T05:00:00.000Z'), 1);
});

test('the answer has every term and obliged party, zeros where the store found nothing', () => {
  const pk: TermPartyAggregate = {
    party: 'PK',
    violations: 2,
    probable: 1,
    lastViolation: '2025-10-15',
    lastMajorViolation: '2025-10-12',
    openAllegations: 3,
  };
  const c = assembleCompliance(
    mission,
    {
      terms: new Map([
        [
          'no-cross-border-attacks',
          {
            parties: new Map([['PK', pk]]),
            crossings: [],
          },
        ],
        [
          'crossings-open',
          {
            parties: new Map(),
            crossings: [
              { crossing: 'torkham', status: 'closed', since: '2025-10-12T06:00:00.000Z' },
            ],
          },
        ],
      ]),
      lastMajorIncident: '2025-10-16',
      lastMajorByParty: new Map([['PK', '2025-10-12']]),
    },
    '2025-10-25T12:00:00.000Z',
  );
  assert.deepEqual(
    c.terms.map((t) => t.term),
    mission.terms.map((t) => t.id),
  );
  const t = (id: string, p: string) =>
    c.terms.find((x) => x.term === id)!.parties.find((x) => x.party === p)!;
  assert.deepEqual(t('no-cross-border-attacks', 'PK'), {
    party: 'PK',
    confirmedViolations: 2,
    probableViolations: 1,
    openAllegations: 3,
    lastConfirmedViolation: '2025-10-15',
    daysSinceLastConfirmedViolation: 10,
    lastMajorViolation: '2025-10-12',
    daysSinceLastMajorViolation: 13,
  });
  assert.equal(t('no-cross-border-attacks', 'AF').confirmedViolations, 0);
  assert.equal(t('no-cross-border-attacks', 'AF').daysSinceLastConfirmedViolation, null);
  assert.equal(c.terms.find((x) => x.term === 'crossings-open')!.crossings[0]!.daysSince, 13);
  assert.equal(c.daysSinceLastMajorIncident, 9);
  assert.deepEqual(c.parties, [
    { party: 'PK', lastMajorIncident: '2025-10-12', daysSinceLastMajorIncident: 13 },
    { party: 'AF', lastMajorIncident: null, daysSinceLastMajorIncident: null },
  ]);
});
