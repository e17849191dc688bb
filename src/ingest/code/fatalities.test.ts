import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFatalities, mergeClaims, parseNumber } from './fatalities.js';

const counts = (s: string): number[] => findFatalities(s).map((f) => f.count);

test('fatalities: numerals and number words', () => {
  assert.deepEqual(counts('At least 23 Pakistani soldiers were martyred in the clashes.'), [23]);
  assert.deepEqual(counts('The attack killed two dozen people and injured 40.'), [24]);
  assert.deepEqual(counts('Twenty-three soldiers were killed.'), [23]);
  assert.deepEqual(counts('A soldier was martyred.'), [1]);
  assert.equal(parseNumber('1,200'), 1200);
  assert.equal(parseNumber('a hundred'), 100);
});

test('fatalities: vague plurals follow ACLED conventions', () => {
  assert.deepEqual(counts('Dozens of militants were killed.'), [12]);
});

test('fatalities: wounded are not counted, victim groups in one phrase are added', () => {
  assert.deepEqual(counts('The blast injured 12 people.'), []);
  assert.deepEqual(counts('The shelling killed three soldiers and two civilians.'), [5]);
  assert.deepEqual(counts('No casualties were reported.'), [0]);
});

test('fatalities: conflicting claims are kept apart and the lowest is coded', () => {
  const { claims, conservative } = mergeClaims([
    { count: 58, source: 'Afghan authorities', group: 'state' },
    { count: 23, source: 'ISPR', group: 'state' },
  ]);
  assert.equal(conservative, 23);
  assert.equal(claims.length, 2);
});

test('fatalities: different victim groups add up, restatements do not', () => {
  const { conservative } = mergeClaims([
    { count: 7, source: null, group: 'militant' },
    { count: 1, source: null, group: 'state' },
    { count: 7, source: null, group: 'militant' },
  ]);
  assert.equal(conservative, 8);
});

test('fatalities: commas between the victims and the verb, but never a wound word', () => {
  const [f] = findFatalities(
    'Two soldiers of Pakistan Army, having fought gallantly, embraced shahadat.',
  );
  assert.equal(f?.count, 2);
  const fs = findFatalities('Two soldiers were injured and three militants killed in the clash.');
  assert.deepEqual(
    fs.map((x) => [x.count, x.group]),
    [[3, 'militant']],
  );
});

test('fatalities: a speaker between a noun and a figure is not a victim', () => {
  const fs = findFatalities(
    'A Taliban commander, speaking on condition of anonymity, said three Taliban fighters were killed.',
  );
  assert.deepEqual(
    fs.map((f) => f.count),
    [3],
  );
});

test('fatalities: "succumbed to their injuries" is a death; "no one claimed" is no figure', () => {
  assert.deepEqual(counts('Two soldiers later succumbed to their injuries in hospital.'), [2]);
  assert.deepEqual(counts('No one immediately claimed responsibility for the attack.'), []);
  assert.deepEqual(counts('No one was hurt in the blast.'), [0]);
});

test('fatalities: an aside naming the same victims does not hide the figure', () => {
  assert.deepEqual(
    counts(
      'As many as twenty-three civilians, including women and children, have been killed in the strikes.',
    ),
    [23],
  );
});

test('fatalities: the subject of an active "killed" is the killer, not a victim', () => {
  assert.deepEqual(counts('A suicide bomber killed 14 soldiers at a military camp.'), [14]);
  assert.deepEqual(counts('Two gunmen killed a policeman.'), [1]);
});

test('fatalities: soldiers named with their rank (ISPR) count one each', () => {
  assert.deepEqual(
    counts(
      'Sepoy Muhammad Irfan (age 24 years, resident of District Karak), having fought gallantly, paid the ultimate sacrifice and embraced shahadat.',
    ),
    [1],
  );
  assert.deepEqual(counts('Naik Ali Khan and Sepoy Ahmed Shah embraced shahadat.'), [2]);
});

test('fatalities: bodies recovered are counted; "forces" are victims too', () => {
  assert.deepEqual(
    counts('The bullet-riddled bodies of two men, who had gone missing, were recovered.'),
    [2],
  );
  const [f] = findFatalities('Sources said two Islamic Emirate forces were killed.');
  assert.equal(f?.count, 2);
  assert.equal(f?.group, 'state');
});

test('fatalities: a rising death toll supersedes earlier figures instead of disputing them', () => {
  const [toll] = findFatalities('The death toll from the blast rose to 19 on Tuesday.');
  assert.equal(toll?.latest, true);
  const { conservative } = mergeClaims([
    { count: 19, source: 'medical sources', group: 'any', latest: true },
    { count: 17, source: 'unnamed source', group: 'any' },
  ]);
  assert.equal(conservative, 19);
});

test('fatalities: "shot dead a policeman" (the article is not the "a" in "dead")', () => {
  assert.deepEqual(counts('Gunmen shot dead a policeman.'), [1]);
  assert.deepEqual(counts('Gunmen on a motorbike shot dead a polio worker in Peshawar.'), [1]);
});

test('fatalities: "killing a woman and her two children" adds the possessive group', () => {
  assert.deepEqual(counts('A drone struck a house, killing a woman and her two children.'), [3]);
});

test('fatalities: "claimed 12 lives", "recovered six bodies", coordinated groups, "one of them succumbed"', () => {
  assert.deepEqual(counts('The attack claimed 12 lives.'), [12]);
  assert.deepEqual(counts('Police recovered six bodies from a ravine.'), [6]);
  assert.deepEqual(counts('Three soldiers and two civilians were killed.'), [5]);
  assert.deepEqual(counts('The injured were taken to hospital, where one of them succumbed.'), [1]);
});

test('fatalities: a headline run into the first line restates the toll, it does not double it', () => {
  const ms = findFatalities(
    '12 killed in Kurram clash PESHAWAR: Militants attacked a security checkpost in Kurram on Monday, killing 12 soldiers.',
  );
  assert.equal(
    ms.reduce((n, m) => n + m.count, 0),
    12,
  );
});

test('fatalities: two named groups with the same figure still add up', () => {
  const ms = findFatalities('Three soldiers and three civilians were killed in the attack.');
  assert.equal(
    ms.reduce((n, m) => n + m.count, 0),
    6,
  );
});

test('fatalities: "kills 3" in a headline or an RSS item is a figure', () => {
  assert.deepEqual(
    findFatalities('Blast kills 3 in Quetta').map((m) => m.count),
    [3],
  );
});

test('fatalities: "led to the death of N" and "resulted in the deaths of N" are tolls', () => {
  assert.deepEqual(
    counts('The shelling and firing led to the death of 15 civilians and injured 43 others.'),
    [15],
  );
  assert.deepEqual(counts('The clash resulted in the deaths of eight Afghan soldiers.'), [8]);
  assert.deepEqual(counts('The rally led to the death of the movement.'), []);
});
