// ACLED actor columns from an incident's reports and attribution (actors.ts): the charged party's
// actors are actor1 and its associates, the rest the other side; state forces are recognised by
// name when a report does not say whose they are; a one-sided attack on civilians gets ACLED's
// civilian actor; inter codes and the interaction code follow the Codebook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorColumns, type ActorInput } from './actors.js';

const PARTIES = [
  { code: 'PK', name: 'Pakistan' },
  { code: 'AF', name: 'Afghanistan' },
];
const base: ActorInput = {
  type: 'armed_clash',
  attribution: null,
  accused: [],
  actors: [],
  country: 'PK',
  parties: PARTIES,
};

test('the attributed party acts: its actors first, the others second, interaction lower code first', () => {
  const c = actorColumns({
    ...base,
    attribution: 'AF',
    actors: [
      { name: 'Military Forces of Pakistan', inter: 1, party: 'PK' },
      { name: 'Military Forces of Afghanistan', inter: 1, party: 'AF' },
      { name: 'Frontier Corps', inter: 1, party: 'PK' },
      { name: 'Afghan Border Police', inter: 1, party: 'AF' },
      { name: 'military forces of pakistan', inter: 1, party: 'PK' },
    ],
  });
  assert.deepEqual(c, {
    actor1: 'Military Forces of Afghanistan',
    assoc_actor_1: 'Afghan Border Police',
    inter1: 1,
    actor2: 'Military Forces of Pakistan',
    assoc_actor_2: 'Frontier Corps',
    inter2: 1,
    interaction: 11,
  });
});

test('without a finding, the party every allegation accuses; state forces recognised by name', () => {
  const c = actorColumns({
    ...base,
    type: 'shelling',
    accused: ['PK', 'PK'],
    actors: [
      { name: 'Civilians (Afghanistan)', inter: 7 },
      { name: 'Military Forces of Pakistan', inter: 1 },
      { name: 'Tehrik-e-Taliban Pakistan', inter: 2 },
    ],
  });
  assert.equal(c.actor1, 'Military Forces of Pakistan', 'inter 1 and named after PK');
  assert.equal(c.actor2, 'Civilians (Afghanistan)');
  assert.equal(c.assoc_actor_2, 'Tehrik-e-Taliban Pakistan', 'a rebel group is not PK forces');
  assert.equal(c.interaction, 17);
  // Allegations against both sides charge no one: report order decides.
  const both = actorColumns({
    ...base,
    accused: ['PK', 'AF'],
    actors: [{ name: 'TTP', inter: 2 }],
  });
  assert.deepEqual([both.actor1, both.inter1, both.actor2, both.interaction], ['TTP', 2, '', 20]);
});

test('a charged party no report names gets ACLED’s name for its forces; civilians as the target', () => {
  const c = actorColumns({
    ...base,
    type: 'attack_on_civilians',
    attribution: 'AF',
    country: 'PK',
  });
  assert.deepEqual(c, {
    actor1: 'Military Forces of Afghanistan',
    assoc_actor_1: '',
    inter1: 1,
    actor2: 'Civilians (Pakistan)',
    assoc_actor_2: '',
    inter2: 7,
    interaction: 17,
  });
});

test('nothing known: empty columns; "undetermined" charges no one', () => {
  assert.deepEqual(actorColumns(base), {
    actor1: '',
    assoc_actor_1: '',
    inter1: null,
    actor2: '',
    assoc_actor_2: '',
    inter2: null,
    interaction: null,
  });
  const u = actorColumns({
    ...base,
    attribution: 'undetermined',
    actors: [{ name: 'Unidentified Armed Group (Pakistan)', inter: 3 }],
  });
  assert.deepEqual([u.actor1, u.interaction], ['Unidentified Armed Group (Pakistan)', 30]);
});

test('an "undetermined" finding overrides the allegation: an unidentified armed group acted', () => {
  // AF alleged PK shelled Spin Boldak; the released finding could not attribute it.
  const c = actorColumns({
    ...base,
    type: 'shelling',
    country: 'AF',
    attribution: 'undetermined',
    accused: ['PK'],
    actors: [
      { name: 'Military Forces of Pakistan', inter: 1, party: 'PK' },
      { name: 'Civilians (Afghanistan)', inter: 7 },
    ],
  });
  assert.deepEqual(c, {
    actor1: 'Unidentified Armed Group (Afghanistan)',
    assoc_actor_1: '',
    inter1: 3,
    actor2: 'Civilians (Afghanistan)',
    assoc_actor_2: '',
    inter2: 7,
    interaction: 37,
  });
  // Without the finding, the allegation charges the accused party.
  const alleged = actorColumns({ ...base, type: 'shelling', country: 'AF', accused: ['PK'] });
  assert.equal(alleged.actor1, 'Military Forces of Pakistan');
});
