// The console's pure pieces (issue 11): which form field an API issue or refused rule concerns,
// and a key's registration state from the log's key entries (register, revoke, in log order).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBody } from '../src/core/envelope.js';
import { CoreError } from '../src/core/errors.js';
import { generateNoteKey } from '../src/tlog/note-key.js';
import { authorIdOf } from '../src/core/signing.js';
import { byField, fieldOf, issuesOf, ruleText } from '../web/src/console/field-errors.js';
import { parseKeyItems, registrationOf } from '../web/src/console/registration.js';

test('every issue the report schema raises names a field of the console form', () => {
  // A body wrong in every field the form fills: each issue's path must map to a form field.
  const bad = {
    type: 'not_a_type',
    title: '',
    description: '',
    occurred: { date: '2025-02-30', time: 'noon', time_precision: 4 },
    location: { name: '', country: 'pk', lat: 95, lon: -181, geo_precision: 0 },
    actors: [],
    fatalities: { count: -1, claimedBy: 'x'.repeat(101) },
    accused: 'not a code',
    terms: ['Bad Term'],
    evidence: [],
    sources: [],
  };
  let err: unknown;
  try {
    parseBody('report', bad);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof CoreError && err.code === 'schema');
  const issues = issuesOf(err.details as Record<string, unknown>);
  assert.ok(issues.length >= 14, `${issues.length} issues`);
  const unmapped = issues.filter((i) => fieldOf(i.path) === undefined);
  assert.deepEqual(unmapped, []);
  const fields = new Set(issues.map((i) => fieldOf(i.path)));
  for (const f of [
    'type',
    'title',
    'description',
    'date',
    'time',
    'timePrecision',
    'place',
    'country',
    'lat',
    'lon',
    'geoPrecision',
    'fatalities',
    'claimedBy',
    'accused',
    'terms',
  ])
    assert.ok(fields.has(f), `no issue shown beside ${f}`);
});

test('issues naming no form field are kept, with their path, for above the form', () => {
  const grouped = byField([
    { path: 'body.location.lat', message: 'too big' },
    { path: 'at', message: 'not a time' },
  ]);
  assert.deepEqual(grouped.get('lat'), ['too big']);
  assert.deepEqual(grouped.get(''), ['at: not a time']);
  assert.deepEqual(issuesOf(undefined), []);
  assert.deepEqual(issuesOf({ issues: [{ path: 1 }, { path: 'body.title', message: 'x' }] }), [
    { path: 'body.title', message: 'x' },
  ]);
});

test('a refusal message loses its "rule <name>: " prefix only when it has it', () => {
  assert.equal(ruleText('party_own_side', 'rule party_own_side: a party (why)'), 'a party (why)');
  assert.equal(ruleText('party_own_side', 'something else'), 'something else');
});

test("a key's registration follows the log's key entries in order", () => {
  const { vkey } = generateNoteKey('pk-liaison.pak-afg');
  const author = authorIdOf(vkey);
  const other = generateNoteKey('af-liaison.pak-afg').vkey;
  const reg = (index: number, v: string, user: string) => ({
    index,
    id: `id${index}`,
    at: '2025-10-20T00:00:00.000Z',
    author: 'steward+00000000',
    body: { action: 'register', user, org: 'PK', role: 'party', vkey: v },
  });
  const revoke = (index: number, key: string) => ({
    index,
    id: `id${index}`,
    at: '2025-10-20T00:00:00.000Z',
    author,
    body: { action: 'revoke', key, reason: 'lost' },
  });
  const items = (list: unknown[]) => parseKeyItems({ items: list });
  assert.deepEqual(registrationOf(items([reg(1, other, 'af-liaison')]), vkey, author), {
    state: 'unregistered',
  });
  assert.deepEqual(registrationOf(items([reg(3, vkey, 'pk-liaison')]), vkey, author), {
    state: 'registered',
    index: 3,
    user: 'pk-liaison',
  });
  assert.deepEqual(
    registrationOf(items([reg(3, vkey, 'pk-liaison'), revoke(9, author)]), vkey, author),
    { state: 'revoked', index: 9 },
  );
  // A revoke before any registration revokes nothing; a revoke of another key neither.
  assert.deepEqual(registrationOf(items([revoke(2, author)]), vkey, author), {
    state: 'unregistered',
  });
  assert.equal(
    registrationOf(items([reg(3, vkey, 'pk-liaison'), revoke(4, 'x+00000000')]), vkey, author)
      .state,
    'registered',
  );
  assert.throws(() => parseKeyItems({}), /no "items" array/);
});
