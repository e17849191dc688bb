// The spellings news uses that GeoNames lacks (data/news-spellings.json), and Poonch on either side of
// the Line of Control chosen by the article. Texts are written for these tests (no published copy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { code } from '../code/skip-rules/code-for-test.js';
import { foldName } from '../text/fold.js';
import { loadGazetteer } from './gazetteer.js';

const g = loadGazetteer();
const first = (name: string) => g.lookup(foldName(name))[0];

test('news-spellings: Rajouri, Baramulla and Mendhar are in India, Kordofan and Tawila in Sudan', () => {
  assert.deepEqual(
    ['Rajouri', 'Baramulla', 'Mendhar', 'Kordofan', 'Tawila'].map((n) => first(n)?.country),
    ['IN', 'IN', 'IN', 'SD', 'SD'],
  );
  // A spelling is a name of the GeoNames place, with its coordinates.
  assert.equal(first('Rajouri')?.name, 'Rajaori');
});

test('news-spellings: Poonch in a Jammu and Kashmir report is the Indian district', () => {
  const [e] = code(
    'Pakistani troops shelled villages in Poonch in Jammu and Kashmir on Wednesday, killing four civilians, Indian officials said.',
  );
  assert.equal(e?.location?.country, 'IN');
});

test('news-spellings: Poonch in a report from Azad Kashmir is the Pakistani one', () => {
  const [e] = code(
    'Indian shelling killed two civilians in Poonch division of Azad Kashmir near Rawalakot on Wednesday, Pakistani officials said.',
  );
  assert.equal(e?.location?.country, 'PK');
});

test('news-spellings: a shelling of several listed districts of one province is one event', () => {
  const es = code(
    'Pakistani shelling killed 12 civilians in Poonch, Rajouri, Baramulla and Kupwara districts on Wednesday.',
  );
  assert.deepEqual(
    es.map((e) => [e.type, e.location?.country]),
    [['shelling', 'IN']],
  );
});

test('began fleeing: a flight that starts is dated by the report', () => {
  const es = code(
    'In the aftermath, markets were shut in Poonch and citizens began fleeing the districts to safer areas.',
  );
  assert.deepEqual(
    es.filter((e) => e.type === 'displacement').map((e) => [e.date, e.location?.country]),
    [['2025-11-08', 'IN']],
  );
});
