// Texts are written for these tests (no published copy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from '../code/skip-rules/code-for-test.js';
import { loadGazetteer } from './gazetteer.js';
import { findPlaceMentions } from './place-mentions.js';

const g = loadGazetteer();
const names = (t: string) => findPlaceMentions(t, g).map((m) => m.places[0]?.country);

test('name-guards: the first name of a person run on into two more names is no place', () => {
  assert.deepEqual(
    names('The army said the strike eliminated the commander Hassan Muhammad Hammoudi.'),
    [],
  );
});

test('name-guards: a town put in a country by apposition is only a place of that country', () => {
  const es = code(
    'An Israeli drone strike on a car in Kunin, south Lebanon, killed one man on Saturday, the health ministry said.',
  );
  assert.deepEqual(
    es.map((e) => e.location?.country),
    ['LB'],
  );
});
