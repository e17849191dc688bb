// The conformance suite every store driver must pass (sqlite.test.ts and postgres.test.ts run it).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MissionDocSchema, type MissionDoc } from '../core/records/mission.js';
import { newId } from '../core/ids.js';
import { StoreError } from './errors.js';
import type { Store } from './store.js';
import { workflowConformance } from './workflow.test-suite.js';

export interface StoreFixture {
  store: Store;
  cleanup(): Promise<void>;
}

function loadMission(): MissionDoc {
  const text = readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8');
  return MissionDocSchema.parse(JSON.parse(text));
}

export function storeConformance(name: string, open: () => Promise<StoreFixture | string>): void {
  describe(`store conformance: ${name}`, () => {
    let fixture: StoreFixture | undefined;
    let skipReason: string | undefined;
    const now = '2025-10-20T10:00:00.000Z';

    before(async () => {
      const opened = await open();
      if (typeof opened === 'string') skipReason = opened;
      else fixture = opened;
    });
    after(async () => fixture?.cleanup());

    const it = (title: string, fn: (store: Store) => Promise<void>) =>
      test(title, async (t) => {
        if (!fixture) {
          t.skip(skipReason);
          return;
        }
        await fn(fixture.store);
      });

    it('migrating again is a no-op', async (store) => {
      await store.migrate();
      assert.equal(await store.getSetting('store', 'dialect'), store.dialect);
    });

    it('stores a mission with its organisations and refuses a duplicate', async (store) => {
      const doc = loadMission();
      await store.createMission(doc, now);
      const got = await store.getMission('pak-afg');
      assert.equal(got?.name, doc.name);
      assert.deepEqual(got?.doc, doc);
      assert.deepEqual(
        (await store.listMissions()).map((m) => m.slug),
        ['pak-afg'],
      );
      await assert.rejects(
        store.createMission(doc, now),
        (e: unknown) => e instanceof StoreError && e.code === 'conflict',
      );
      assert.equal(
        (await store.listMissions()).length,
        1,
        'the refused duplicate left nothing behind',
      );
      assert.equal(await store.getMission('nope'), undefined);
    });

    it('users, hashed tokens and keys round-trip; unknown ones are absent', async (store) => {
      const id = newId();
      await store.createUser({
        id,
        mission: 'pak-afg',
        name: 'pk-liaison',
        display_name: 'PK liaison',
        org: 'PK',
        role: 'party',
        password_hash: null,
        created_at: now,
      });
      await assert.rejects(
        store.createUser({
          id: newId(),
          mission: 'pak-afg',
          name: 'pk-liaison',
          display_name: 'again',
          org: 'PK',
          role: 'party',
          password_hash: null,
          created_at: now,
        }),
        (e: unknown) => e instanceof StoreError && e.code === 'conflict',
      );
      await store.addToken('a'.repeat(64), id, 'cli', now);
      assert.equal((await store.userByTokenHash('a'.repeat(64)))?.name, 'pk-liaison');
      assert.equal(await store.userByTokenHash('b'.repeat(64)), undefined);
      assert.equal((await store.userByName('pk-liaison'))?.id, id);
      assert.equal((await store.userById(id))?.org, 'PK');
      assert.equal((await store.listUsers('pak-afg')).length, 1);

      await store.addKey({
        author: 'pk+00000001',
        mission: 'pak-afg',
        userId: id,
        vkey: 'pk+00000001+AQ',
        createdAt: now,
      });
      assert.equal((await store.keyByAuthor('pk+00000001'))?.revoked_at, null);
      await store.revokeKey('pk+00000001', now);
      assert.equal((await store.keyByAuthor('pk+00000001'))?.revoked_at, now);
      await assert.rejects(
        store.revokeKey('pk+00000001', now),
        (e: unknown) => e instanceof StoreError && e.code === 'not_found',
      );
    });

    it('appends entries at dense indexes and returns their exact bytes', async (store) => {
      const make = (i: number) => ({
        id: newId(),
        kind: 'report',
        author: 'pk+00000001',
        at: now,
        bytes: new Uint8Array([0, 1, 2, 255, i]),
      });
      const first = [make(0), make(1), make(2)];
      assert.deepEqual(await store.appendEntries('pak-afg', first, now), [0, 1, 2]);
      const second = [make(3)];
      assert.deepEqual(await store.appendEntries('pak-afg', second, now), [3]);
      assert.equal(await store.entryCount('pak-afg'), 4);
      const got = await store.getEntry('pak-afg', 3);
      assert.equal(got?.idx, 3);
      assert.deepEqual(got?.bytes, new Uint8Array([0, 1, 2, 255, 3]));
      assert.ok(got?.bytes instanceof Uint8Array);
      assert.equal((await store.getEntryById('pak-afg', first[1]!.id))?.idx, 1);
      assert.deepEqual(
        (await store.listEntries('pak-afg', 1, 2)).map((e) => e.idx),
        [1, 2],
      );
      assert.equal(await store.getEntry('pak-afg', 4), undefined);
    });

    it('a batch with a duplicate id is refused whole and loses nothing already accepted', async (store) => {
      const existing = (await store.getEntry('pak-afg', 0))!;
      const fresh = {
        id: newId(),
        kind: 'report',
        author: 'x+00000000',
        at: now,
        bytes: new Uint8Array([9]),
      };
      await assert.rejects(
        store.appendEntries('pak-afg', [fresh, { ...fresh, id: existing.id }], now),
        (e: unknown) => e instanceof StoreError && e.code === 'conflict',
      );
      assert.equal(await store.entryCount('pak-afg'), 4);
      assert.equal(await store.getEntryById('pak-afg', fresh.id), undefined);
      assert.deepEqual((await store.getEntry('pak-afg', 0))?.bytes, existing.bytes);
    });

    it('log: integrate appends entries, tiles and the size in one step, refusing a stale size', async (store) => {
      const mission = 'pak-afg';
      const base = await store.entryCount(mission);
      // Entries stored without the log (as provisioning does) are integrated later, in place.
      assert.equal(await store.logSize(mission), 0);
      const tile = (w: number, fill: number) => ({
        level: 0,
        index: 0,
        width: w,
        bytes: new Uint8Array(32 * w).fill(fill),
      });
      await store.integrate(mission, {
        oldSize: 0,
        newSize: base,
        tiles: [tile(base, 1)],
        receivedAt: now,
      });
      assert.equal(await store.logSize(mission), base);
      const entry = (i: number) => ({
        id: newId(),
        kind: 'report',
        author: 'pk+00000001',
        at: now,
        bytes: new Uint8Array([7, i]),
      });
      const batch = [entry(0), entry(1)];
      await store.integrate(mission, {
        oldSize: base,
        newSize: base + 2,
        entries: batch,
        tiles: [tile(base + 2, 2), { level: 1, index: 0, width: 1, bytes: new Uint8Array(32) }],
        receivedAt: now,
      });
      assert.equal(await store.logSize(mission), base + 2);
      assert.deepEqual((await store.getEntry(mission, base + 1))?.bytes, new Uint8Array([7, 1]));
      const t = await store.getTile(mission, 0, 0);
      assert.equal(t?.width, base + 2);
      assert.deepEqual(t?.bytes, new Uint8Array(32 * (base + 2)).fill(2));
      assert.equal((await store.getTile(mission, 1, 0))?.width, 1);
      assert.equal(await store.getTile(mission, 0, 1), undefined);
      // A stale sequencer (wrong old size) writes nothing.
      await assert.rejects(
        store.integrate(mission, {
          oldSize: base,
          newSize: base + 1,
          entries: [entry(9)],
          tiles: [tile(1, 9)],
          receivedAt: now,
        }),
        (e: unknown) => e instanceof StoreError && e.code === 'unavailable',
      );
      // A duplicate id refuses the whole step.
      await assert.rejects(
        store.integrate(mission, {
          oldSize: base + 2,
          newSize: base + 3,
          entries: [{ ...entry(3), id: batch[0]!.id }],
          tiles: [tile(1, 9)],
          receivedAt: now,
        }),
        (e: unknown) => e instanceof StoreError && e.code === 'conflict',
      );
      assert.equal(await store.logSize(mission), base + 2);
      assert.equal(await store.entryCount(mission), base + 2);
      assert.equal((await store.getTile(mission, 0, 0))?.width, base + 2);
    });

    it('log: checkpoints are kept per size; the latest is the largest', async (store) => {
      assert.equal(await store.latestCheckpoint('pak-afg'), undefined);
      await store.putCheckpoint('pak-afg', 3, 'three\n', now);
      await store.putCheckpoint('pak-afg', 5, 'five\n', now);
      await store.putCheckpoint('pak-afg', 5, 'five cosigned\n', now);
      assert.equal((await store.latestCheckpoint('pak-afg'))?.note, 'five cosigned\n');
      assert.deepEqual(
        (await store.listCheckpoints('pak-afg')).map((c) => c.size),
        [3, 5],
      );
    });

    it('log: one sequencer lock holder at a time', async (store) => {
      const a = await store.acquireSequencerLock('pak-afg');
      assert.ok(a);
      assert.equal(await store.acquireSequencerLock('pak-afg'), undefined);
      await a.release();
      const b = await store.acquireSequencerLock('pak-afg');
      assert.ok(b);
      await b.release();
    });

    it('settings upsert', async (store) => {
      await store.putSetting('pak-afg', 'origin', 'a/pak-afg');
      await store.putSetting('pak-afg', 'origin', 'b/pak-afg');
      assert.equal(await store.getSetting('pak-afg', 'origin'), 'b/pak-afg');
      assert.equal(await store.getSetting('pak-afg', 'missing'), undefined);
    });
  });
  workflowConformance(name, open);
}
