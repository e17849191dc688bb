import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findActors, withoutGenericArmed } from './actors.js';

const names = (clause: string, country: string | null = 'PK'): string[] =>
  findActors(clause, country).map((a) => a.actor.name);

test('actors: the source of a report is not a party to the event', () => {
  assert.deepEqual(names('according to the ISPR, troops killed five militants'), [
    'Pakistan',
    'Militants',
  ]);
  assert.deepEqual(
    names('Taliban spokesman Zabihullah Mujahid said drones struck a house', 'AF'),
    [],
  );
});

test('actors: a country after a preposition is a place, unless its forces are the target', () => {
  assert.deepEqual(names('Afghan forces opened fire on Pakistani posts near Angoor Adda'), [
    'Afghanistan',
    'Pakistan',
  ]);
  assert.deepEqual(names('Pakistan closed the Torkham border crossing with Afghanistan'), [
    'Pakistan',
  ]);
});

test('actors: a capital is its state only as the subject of a verb', () => {
  assert.deepEqual(names('explosions shook Kabul on the night of October 9', 'AF'), []);
  assert.deepEqual(names('Islamabad closed the crossing on Sunday'), ['Pakistan']);
});

test('actors: generic armed actors give way to a named group', () => {
  const a = withoutGenericArmed([
    { name: 'Militants', inter: 2 },
    { name: 'Pakistan', inter: 1, party: 'PK' },
    { name: 'TTP', inter: 2 },
  ]);
  assert.deepEqual(
    a.map((x) => x.name),
    ['Pakistan', 'TTP'],
  );
  assert.deepEqual(
    withoutGenericArmed([{ name: 'Militants', inter: 2 }]).map((x) => x.name),
    ['Militants'],
  );
});
