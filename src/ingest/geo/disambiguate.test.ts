// Same-named places chosen by the article's context (issue 13, item 1), places of other conflicts
// given their country, border mentions given the side's country, and the mission region as a prior
// that never filters. Texts are written for these tests (no published copy).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePlainText } from '../article/plain-text.js';
import { codeArticle } from '../code/coder.js';
import { ingestInputs } from '../pipeline.js';
import { MissionDocSchema } from '../../core/records/mission.js';
import { foldName } from '../text/fold.js';
import { loadGazetteer } from './gazetteer.js';
import { codingGazetteer } from './mission-region.js';
import { findPlaceMentions } from './place-mentions.js';

/** The demo mission's document (src/ingest may not import the server's loader). */
function missionDoc() {
  return MissionDocSchema.parse(
    JSON.parse(readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8')),
  );
}

const world = loadGazetteer();
const pakAfg = codingGazetteer(missionDoc());

function article(body: string, headline = 'Report'): ReturnType<typeof parsePlainText> {
  return parsePlainText(`Published: 2025-07-25\n\n${headline}\n\n${body}`);
}

/** The place the article's context puts first for a name. */
function resolved(body: string, name: string, g = world): { country: string | null; name: string } {
  const view = g.forArticle(article(body));
  const m = findPlaceMentions(body, view).find((x) => x.key === foldName(name));
  assert.ok(m, `${name} is found in the text`);
  const p = m.places[0];
  assert.ok(p);
  return { country: p.country, name: p.name };
}

const countries = (body: string, g = world): (string | null)[] =>
  codeArticle(article(body), { gazetteer: g }).map((e) => e.location?.country ?? null);

test('disambiguation: Hyderabad in India or in Pakistan, by the country and province named', () => {
  // Both exist (Telangana, 6.8 M; Sindh, 1.4 M): without context the larger one comes first.
  const both = world.lookup('hyderabad');
  assert.deepEqual(
    new Set(both.filter((p) => p.kind === 'town').map((p) => p.country)),
    new Set(['IN', 'PK']),
  );
  assert.equal(
    resolved(
      'Police in Hyderabad, Sindh, said protesters blocked the road to Karachi.',
      'Hyderabad',
    ).country,
    'PK',
  );
  assert.equal(
    resolved('Pakistan said a blast in Hyderabad killed two people on Thursday.', 'Hyderabad')
      .country,
    'PK',
  );
  assert.equal(
    resolved('Telangana police said a blast in Hyderabad killed two people.', 'Hyderabad').country,
    'IN',
  );
  assert.equal(
    resolved('India said a blast in Hyderabad killed two people on Thursday.', 'Hyderabad').country,
    'IN',
  );
});

test('disambiguation: Punjab is Indian near Amritsar and Pakistani near Lahore', () => {
  assert.equal(
    resolved('Drones were shot down over Amritsar and elsewhere in Punjab.', 'Punjab').country,
    'IN',
  );
  assert.equal(
    resolved('Drones were shot down over Lahore and elsewhere in Punjab.', 'Punjab').country,
    'PK',
  );
});

test('disambiguation: a Cambodian district named like a Chinese one, by the places and demonyms around it', () => {
  // "Banan" is a district of Chongqing (0.5 M) and a district of Battambang, Cambodia.
  assert.equal(world.lookup('banan')[0]?.country, 'CN');
  assert.equal(
    resolved(
      'Thai artillery shelled Banan, in Battambang province, as Cambodian troops withdrew.',
      'Banan',
    ).country,
    'KH',
  );
  // The dateline's country counts too.
  const a = parsePlainText(
    'Published: 2025-07-25\n\nShelling\n\nBATTAMBANG, Cambodia (AP) — Shells fell on Banan overnight.',
  );
  const m = findPlaceMentions(a.body, world.forArticle(a)).find((x) => x.key === 'banan');
  assert.equal(m?.places[0]?.country, 'KH');
});

test('disambiguation: the mission region is a prior, never a filter', () => {
  const text = 'A blast in Hyderabad killed two people on Thursday.';
  // No context: the world's larger Hyderabad; with the Pakistan–Afghanistan mission, Pakistan's.
  assert.equal(resolved(text, 'Hyderabad').country, 'IN');
  assert.equal(resolved(text, 'Hyderabad', pakAfg).country, 'PK');
  // Context outweighs the prior, and places outside the region keep their country.
  assert.equal(resolved(`India said ${text}`, 'Hyderabad', pakAfg).country, 'IN');
  assert.deepEqual(countries('Rebels shelled Goma on Thursday, killing four civilians.', pakAfg), [
    'CD',
  ]);
});

test('places of other conflicts get their country, with no mission', () => {
  const cases: [string, string][] = [
    ['M23 rebels clashed with Congolese troops near Goma on Thursday.', 'CD'],
    ['The RSF shelled El Fasher on Thursday, killing 12 civilians.', 'SD'],
    ['Russian drones struck Kharkiv overnight, killing three people.', 'UA'],
    ['Shelling hit Pokrovsk on Thursday, killing two civilians.', 'UA'],
    ['Azerbaijani forces shelled Stepanakert on Thursday.', 'AZ'],
    ['An Israeli drone strike hit a car in Tyre on Thursday, killing two.', 'LB'],
    [
      'Cambodian rockets hit a petrol station in Si Sa Ket province, killing eight civilians.',
      'TH',
    ],
  ];
  for (const [text, country] of cases) {
    const found = countries(text);
    assert.ok(found.length > 0, `an event in: ${text}`);
    assert.deepEqual([...new Set(found)], [country], text);
  }
});

test('border mentions get the country of the side the sentence names', () => {
  const onLine = (text: string, g = world) =>
    codeArticle(article(text), { gazetteer: g }).map((e) => ({
      line: e.location?.name,
      country: e.location?.country ?? null,
    }));
  assert.deepEqual(
    onLine('Thai and Cambodian troops clashed on the Cambodian side of the border on Thursday.'),
    [{ line: 'Cambodia–Thailand border', country: 'KH' }],
  );
  assert.deepEqual(
    onLine('Fighting erupted along the Durand Line on the Afghan side on Thursday.', pakAfg),
    [{ line: 'Durand Line', country: 'AF' }],
  );
  // Fire from one side lands on the other.
  assert.deepEqual(
    onLine('Mortar shells fired from the Afghan side of the Durand Line hit on Thursday.', pakAfg),
    [{ line: 'Durand Line', country: 'PK' }],
  );
  // No side named: the line belongs to both.
  assert.deepEqual(onLine('Clashes erupted along the Durand Line on Thursday.', pakAfg), [
    { line: 'Durand Line', country: null },
  ]);
  // "The border" with no mission: the line between the neighbours the sentence names.
  assert.deepEqual(
    onLine('Armenia and Azerbaijan closed the border on Thursday.').map((x) => x.line),
    ['Armenia–Azerbaijan border'],
  );
});

test('a mission names its own line: "the border" is that line', () => {
  const g = loadGazetteer({
    region: {
      countries: ['TH', 'KH'],
      lines: [{ name: 'Thai-Cambodian frontier', aliases: [], sides: ['TH', 'KH'] }],
      crossings: [],
    },
  });
  const [e] = codeArticle(article('Thailand sealed the border on Thursday.'), { gazetteer: g });
  assert.equal(e?.type, 'border_closure');
  assert.equal(e?.location?.name, 'Thai-Cambodian frontier');
});

test('ordinary English words are places only where a place is expected', () => {
  const at = (text: string) => findPlaceMentions(text, world).map((m) => m.places[0]?.name);
  // "Police" is a Polish town, "Council" one in Idaho, "BLA" a town in Mali.
  assert.deepEqual(at('Police said the Security Council met. The BLA claimed it.'), []);
  assert.deepEqual(at('Nice words were said. A truck ploughed into a crowd in Nice.'), ['Nice']);
});

test('no mission: ingestion codes news from anywhere', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-nomission-'));
  writeFileSync(
    join(dir, 'a.txt'),
    'Published: 2025-01-28\n\nGoma\n\nM23 rebels clashed with Congolese troops in Goma on Monday, killing 17 people.\n',
  );
  const { events } = await ingestInputs([dir], {});
  assert.deepEqual(
    events.map((e) => [e.type, e.location?.country]),
    [['armed_clash', 'CD']],
  );
  const withMission = await ingestInputs([dir], {
    mission: missionDoc(),
  });
  assert.deepEqual(
    withMission.events.map((e) => e.location?.country),
    ['CD'],
  );
});
