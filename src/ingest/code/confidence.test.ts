import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CONFIDENCE_FEATURES,
  CONFIDENCE_WEIGHTS,
  confidenceFeatures,
  confidenceFromFeatures,
} from './confidence.js';
import type { DraftEvent } from './merge.js';

const draft: DraftEvent = {
  type: 'airstrike',
  weak: false,
  date: '2025-09-23',
  precision: 1,
  dateExplicit: true,
  location: {
    name: 'Quetta',
    admin1: 'Balochistan',
    admin2: null,
    country: 'PK',
    lat: 30.2,
    lon: 67,
    geo_precision: 1,
  },
  locationHow: 'clause',
  actors: [],
  claims: [],
  sentence: { text: 'x', start: 0, end: 1 },
  hedged: false,
  future: false,
  mentions: 1,
};

test('confidence: one weight per feature, features are 0/1 with the bias first', () => {
  assert.equal(CONFIDENCE_WEIGHTS.length, CONFIDENCE_FEATURES.length);
  const x = confidenceFeatures(draft);
  assert.equal(x.length, CONFIDENCE_FEATURES.length);
  assert.equal(x[0], 1);
  assert.ok(x.every((v) => v === 0 || v === 1));
});

test('confidence: a logistic score in (0, 1), higher for a named day and a known country', () => {
  const sure = confidenceFromFeatures(confidenceFeatures(draft));
  const vague = confidenceFromFeatures(
    confidenceFeatures({
      ...draft,
      date: null,
      precision: null,
      dateExplicit: false,
      location: null,
    }),
  );
  assert.ok(sure > vague, `${sure} > ${vague}`);
  assert.ok(sure > 0 && sure < 1 && vague > 0 && vague < 1);
  assert.equal(confidenceFromFeatures([0], [0]), 0.5);
  assert.equal(confidenceFromFeatures([1], [100]), 0.99);
});
