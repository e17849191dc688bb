// AuthStore (sessions, blobs) on both drivers: real SQLite file and real local PostgreSQL.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './test-stores.test-support.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MissionDocSchema } from '../core/records/mission.js';
import { AuthStore } from './auth-store.js';
import { StoreError } from './errors.js';
import type { Store } from './store.js';

const now = '2025-10-20T10:00:00.000Z';
const later = '2025-10-21T10:00:00.000Z';

function suite(
  name: string,
  open: () => Promise<{ store: Store; cleanup(): Promise<void> } | string>,
) {
  describe(`auth store: ${name}`, () => {
    let fx: { store: Store; cleanup(): Promise<void> } | undefined;
    let skip: string | undefined;
    before(async () => {
      const o = await open();
      if (typeof o === 'string') skip = o;
      else {
        fx = o;
        const doc = MissionDocSchema.parse(
          JSON.parse(readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8')),
        );
        await fx.store.createMission(doc, now);
        for (const [id, org] of [
          ['u1', 'PK'],
          ['u2', 'AF'],
        ] as const)
          await fx.store.createUser({
            id,
            mission: 'pak-afg',
            name: `user-${id}`,
            display_name: id,
            org,
            role: 'party',
            password_hash: null,
            created_at: now,
          });
      }
    });
    after(async () => fx?.cleanup());
    const it = (title: string, fn: (a: AuthStore, s: Store) => Promise<void>) =>
      test(title, async (t) => {
        if (!fx) return t.skip(skip);
        await fn(new AuthStore(fx.store), fx.store);
      });

    it('sessions: live until they expire, deleted on logout', async (a) => {
      await a.createSession({
        session_hash: 'h1',
        user_id: 'u1',
        created_at: now,
        expires_at: later,
      });
      await a.createSession({
        session_hash: 'h2',
        user_id: 'u2',
        created_at: now,
        expires_at: now,
      });
      assert.equal((await a.sessionUser('h1', now))?.name, 'user-u1');
      assert.equal(await a.sessionUser('h1', later), undefined, 'expired');
      assert.equal(await a.sessionUser('h2', now), undefined, 'expires_at is exclusive');
      assert.equal(await a.sessionUser('nope', now), undefined);
      assert.equal(await a.deleteExpiredSessions(now), 1);
      await a.deleteSession('h1');
      assert.equal(await a.sessionUser('h1', now), undefined);
    });

    it('password hashes are set per user; an unknown user is not_found', async (a, s) => {
      await a.setPasswordHash('u1', 'scrypt$x');
      assert.equal((await s.userById('u1'))?.password_hash, 'scrypt$x');
      await assert.rejects(
        a.setPasswordHash('nobody', 'x'),
        (e: unknown) => e instanceof StoreError && e.code === 'not_found',
      );
    });

    it('blobs: content-addressed, stored once, every uploading organisation is an owner', async (a) => {
      const bytes = new TextEncoder().encode('evidence "photo"\n');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const base = { sha256, mediaType: 'text/plain', bytes, mission: 'pak-afg', createdAt: now };
      assert.deepEqual(await a.putBlob({ ...base, org: 'PK', userId: 'u1' }), { created: true });
      assert.deepEqual(await a.putBlob({ ...base, org: 'PK', userId: 'u1' }), { created: false });
      assert.deepEqual(await a.putBlob({ ...base, org: 'AF', userId: 'u2' }), { created: false });
      const meta = await a.blobMeta(sha256);
      assert.equal(meta?.size, bytes.length);
      assert.equal(meta?.mediaType, 'text/plain');
      assert.deepEqual(meta?.owners.map((o) => o.org).sort(), ['AF', 'PK']);
      assert.deepEqual(await a.blobBytes(sha256), bytes);
      assert.equal(await a.blobMeta('0'.repeat(64)), undefined);
      assert.equal(await a.blobCount(), 1);
    });
  });
}

suite('sqlite', () => openTestStore('sqlite'));

suite('postgres', () => openTestStore('postgres'));
