// parseEntry's explicit-defaults rule names the first field a signed body leaves to a default by
// its full path, however deep (envelope.ts firstMissing spells the path only once it finds one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateNoteKey, verifierKeyFromSignerKey } from '../tlog/note-key.js';
import { canonicalize } from './canonical-json.js';
import { parseEntry } from './envelope.js';
import { CoreError } from './errors.js';
import { MissionDocSchema } from './records/mission.js';
import { authorIdOf } from './signing.js';

const doc = MissionDocSchema.parse(
  JSON.parse(readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8')),
);

function entry(body: unknown): Uint8Array {
  const { skey } = generateNoteKey('pk-liaison.pak-afg');
  return new TextEncoder().encode(
    canonicalize({
      v: 1,
      mission: 'pak-afg',
      kind: 'mission',
      id: '0193a1b2-0000-7000-8000-000000000001',
      at: '2025-10-20T00:00:00.000Z',
      author: authorIdOf(verifierKeyFromSignerKey(skey)),
      body,
      sig: `${'A'.repeat(86)}==`,
    }),
  );
}

test('explicit defaults: a body with every default signed parses', () => {
  assert.equal(parseEntry(entry(doc)).kind, 'mission');
});

test('explicit defaults: the first field left to its default is named by its whole path', () => {
  assert.ok(doc.crossings.length >= 2, 'the mission has two crossings');
  const body = structuredClone(doc) as unknown as { crossings: Array<Record<string, unknown>> };
  delete body.crossings[1]!.aliases;
  assert.throws(
    () => parseEntry(entry(body)),
    (err: unknown) => {
      assert.ok(err instanceof CoreError);
      assert.equal(err.code, 'schema');
      assert.match(err.message, /body\.crossings\.1\.aliases is missing; sign it explicitly/);
      assert.deepEqual((err.details as { issues?: unknown } | undefined)?.issues, [
        { path: 'body.crossings.1.aliases', message: 'missing: sign the default explicitly' },
      ]);
      return true;
    },
  );
  const top = structuredClone(doc) as unknown as Record<string, unknown>;
  delete top.demoUsers;
  assert.throws(() => parseEntry(entry(top)), /body\.demoUsers is missing/);
});
