// Sealed by default: the issue's defaults, mission overrides, and corrections following their target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ENTRY_KINDS } from '../records/kinds.js';
import { MissionDocSchema } from '../records/mission.js';
import { DISCLOSABLE_KINDS } from './disclosure-schema.js';
import { isPublicAtFiling } from './disclosure.js';

test('the disclosure kind names are exactly the entry kinds', () => {
  assert.deepEqual([...DISCLOSABLE_KINDS].sort(), [...ENTRY_KINDS].sort());
});

test('defaults: mission, key, article, release and crossing by monitors are public; the rest sealed', () => {
  for (const kind of ['mission', 'key', 'article', 'release', 'commitment', 'reveal'])
    assert.equal(isPublicAtFiling(undefined, { kind, role: 'party' }), true, kind);
  for (const kind of ['report', 'incident', 'response', 'task', 'finding', 'endorsement'])
    for (const role of ['party', 'monitor', 'analyst', 'mediator', 'admin'])
      assert.equal(isPublicAtFiling(undefined, { kind, role }), false, `${kind} by ${role}`);
  assert.equal(isPublicAtFiling(undefined, { kind: 'crossing', role: 'monitor' }), true);
  assert.equal(isPublicAtFiling(undefined, { kind: 'crossing', role: 'party' }), false);
  assert.equal(isPublicAtFiling(undefined, { kind: 'crossing' }), false);
});

test('a correction is public only when the record it supersedes is', () => {
  assert.equal(isPublicAtFiling(undefined, { kind: 'correction', targetPublic: true }), true);
  assert.equal(isPublicAtFiling(undefined, { kind: 'correction', targetPublic: false }), false);
  assert.equal(isPublicAtFiling(undefined, { kind: 'correction' }), false);
});

test('a mission doc sets its own disclosure; an unknown kind is refused naming it', () => {
  const doc = JSON.parse(
    readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const parsed = MissionDocSchema.parse({
    ...doc,
    disclosure: { publicKinds: ['mission', 'key'], publicByRole: { report: ['monitor'] } },
  });
  assert.equal(isPublicAtFiling(parsed.disclosure, { kind: 'report', role: 'monitor' }), true);
  assert.equal(isPublicAtFiling(parsed.disclosure, { kind: 'report', role: 'party' }), false);
  assert.equal(isPublicAtFiling(parsed.disclosure, { kind: 'article', role: 'monitor' }), false);
  const bad = MissionDocSchema.safeParse({ ...doc, disclosure: { publicKinds: ['gossip'] } });
  assert.equal(bad.success, false);
  assert.match(JSON.stringify(bad.error?.issues), /disclosure/);
});
