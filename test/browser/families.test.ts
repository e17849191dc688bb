// The page's event families (web/src/families.ts, kept free of zod) are ACLED's event types as
// src/core/taxonomy.ts codes them: every Truceline type lands in the family of its ACLED
// event_type, and every family has its own colour, none of them the map's other colours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EVENT_TYPES, EVENT_TYPE_NAMES } from '../../src/core/taxonomy.js';
import { CROSSING_STATUSES } from '../../src/core/records/crossing.js';
import {
  ACLED_FAMILY,
  CROSSING_STATES,
  FAMILIES,
  FAMILY_COLORS,
  familyOf,
} from '../../web/src/families.js';

test('every event type is drawn in the family of its ACLED event_type', () => {
  for (const type of EVENT_TYPE_NAMES) {
    const acled = EVENT_TYPES[type].acled[0];
    assert.equal(familyOf(type), ACLED_FAMILY[acled], `${type} (${acled})`);
  }
  assert.deepEqual(Object.values(ACLED_FAMILY).sort(), [...FAMILIES].sort());
});

test('each family has a colour of its own', () => {
  const colours = FAMILIES.map((f) => FAMILY_COLORS[f].toLowerCase());
  assert.equal(new Set(colours).size, FAMILIES.length, colours.join(' '));
});

test('the crossing states are the record schema statuses and "unknown"', () => {
  assert.deepEqual([...CROSSING_STATES].sort(), [...CROSSING_STATUSES, 'unknown'].sort());
});
