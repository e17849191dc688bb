// `key` entries accepted through the workflow keep the admission key table in step (the table the
// log's admission reads to verify signatures), on both stores, and a rebuild replays to the same
// state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../core/ids.js';
import { generateNoteKey } from '../tlog/note-key.js';
import { signerFromNoteKey } from '../core/signing.js';
import type { Store } from './store.js';
import { openTestStore } from './test-stores.test-support.js';
import { WorkflowKit } from './workflow.test-support.js';

async function newUser(store: Store, name: string) {
  await store.createUser({
    id: newId(),
    mission: 'pak-afg',
    name,
    display_name: name,
    org: 'MT',
    role: 'monitor',
    password_hash: null,
    created_at: new Date().toISOString(),
  });
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`key entries register and revoke admission keys (${kind})`, async (t) => {
    const opened = await openTestStore(kind);
    if (typeof opened === 'string') return t.skip(opened);
    const { store } = opened;
    try {
      const kit = await WorkflowKit.create(store);
      await newUser(store, 'field-monitor-2');
      const key = generateNoteKey('field-monitor-2.pak-afg');
      const author = (await signerFromNoteKey(key.skey)).author;
      assert.equal(await store.keyByAuthor(author), undefined);

      const reg = await kit.submit('admin', 'key', {
        action: 'register',
        user: 'field-monitor-2',
        org: 'MT',
        role: 'monitor',
        vkey: key.vkey,
      });
      assert.equal(reg.ok, true);
      const row = await store.keyByAuthor(author);
      assert.equal(row?.vkey, key.vkey);
      assert.equal(row?.mission, 'pak-afg');
      assert.equal(row?.revoked_at, null);

      // A key for a name with no account stays out of the admission table.
      const stranger = generateNoteKey('nobody.pak-afg');
      const ghost = await kit.submit('admin', 'key', {
        action: 'register',
        user: 'nobody',
        org: 'MT',
        role: 'monitor',
        vkey: stranger.vkey,
      });
      assert.equal(ghost.ok, true);
      assert.equal(
        await store.keyByAuthor((await signerFromNoteKey(stranger.skey)).author),
        undefined,
      );

      const rev = await kit.submit('admin', 'key', {
        action: 'revoke',
        key: author,
        reason: 'device lost',
      });
      assert.equal(rev.ok, true);
      assert.equal((await store.keyByAuthor(author))?.revoked_at, rev.env.at);

      // Replaying the log from scratch ends in the same state: registered, then revoked.
      await kit.wf.rebuild('pak-afg');
      await kit.wf.catchUp('pak-afg');
      assert.equal((await store.keyByAuthor(author))?.revoked_at, rev.env.at);
    } finally {
      await store.close();
      await opened.cleanup();
    }
  });
}
