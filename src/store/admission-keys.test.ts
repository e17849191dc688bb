// `key` entries keep the admission key table (the table the log's admission reads to verify
// signatures) and the read model's authors in step, under the key rule (src/core/keys/registry.ts),
// on both stores: a steward's registration with proof of possession makes a key usable, the
// operator's does not, an entry written into the log past the check changes nothing, revocation
// stops a key, and a rebuild replays to the same state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleBody } from '../core/examples.js';
import { newId } from '../core/ids.js';
import { possessionProof } from '../core/keys/possession.js';
import { generateNoteKey } from '../tlog/note-key.js';
import { signerFromNoteKey } from '../core/signing.js';
import type { Store } from './store.js';
import { openTestStore } from './test-stores.test-support.js';
import { WorkflowKit } from './workflow.test-support.js';

async function newUser(store: Store, name: string, org = 'MT', role = 'monitor') {
  await store.createUser({
    id: newId(),
    mission: 'pak-afg',
    name,
    display_name: name,
    org,
    role,
    password_hash: null,
    created_at: new Date().toISOString(),
  });
}

for (const kind of ['sqlite', 'postgres'] as const) {
  test(`key entries register and revoke admission keys under the key rule (${kind})`, async (t) => {
    const opened = await openTestStore(kind);
    if (typeof opened === 'string') return t.skip(opened);
    const { store } = opened;
    try {
      const kit = await WorkflowKit.create(store);
      await newUser(store, 'field-monitor-2');
      const signer = await signerFromNoteKey(generateNoteKey('field-monitor-2.pak-afg').skey);
      const author = signer.author;
      const body = {
        action: 'register',
        user: 'field-monitor-2',
        org: 'MT',
        role: 'monitor',
        vkey: signer.vkey,
        proof: await possessionProof(signer, 'pak-afg', 'field-monitor-2'),
      };
      assert.equal(await store.keyByAuthor(author), undefined);

      // The operator (admin, OPS's steward) cannot register a key in MT's name, proof or not.
      const byAdmin = await kit.submit('admin', 'key', body);
      assert.equal(byAdmin.ok, false);
      assert.equal(!byAdmin.ok && byAdmin.rule, 'key_org');
      // Written into the log past the check, as a hostile operator could: nothing changes.
      const forged = await kit.sign('admin', 'key', body);
      await kit.integrate([forged]);
      assert.equal(await store.keyByAuthor(author), undefined);
      const r1 = await kit.submit('monitor', 'report', reportBody());
      assert.ok(r1.ok, 'the monitor still files');

      // MT's steward (the demo monitor) registers it, with the key's proof of possession.
      const reg = await kit.submit('monitor', 'key', body);
      assert.ok(reg.ok, reg.ok ? '' : reg.message);
      const row = await store.keyByAuthor(author);
      assert.equal(row?.vkey, signer.vkey);
      assert.equal(row?.mission, 'pak-afg');
      assert.equal(row?.revoked_at, null);

      // A key for a name with no account is refused (422), and stays out of the table.
      const stranger = await signerFromNoteKey(generateNoteKey('nobody.pak-afg').skey);
      const ghost = await kit.submit('monitor', 'key', {
        ...body,
        user: 'nobody',
        vkey: stranger.vkey,
        proof: await possessionProof(stranger, 'pak-afg', 'nobody'),
      });
      assert.equal(ghost.ok, false);
      assert.equal(!ghost.ok && ghost.status, 422);
      assert.equal(!ghost.ok && ghost.rule, 'key_user');
      assert.equal(await store.keyByAuthor(stranger.author), undefined);

      // A party cannot revoke an MT key; MT's steward can.
      const byParty = await kit.submit('pk-liaison', 'key', {
        action: 'revoke',
        key: author,
        reason: 'device lost',
      });
      assert.equal(!byParty.ok && byParty.rule, 'key_revoke_by');
      const rev = await kit.submit('monitor', 'key', {
        action: 'revoke',
        key: author,
        reason: 'device lost',
      });
      assert.ok(rev.ok, rev.ok ? '' : rev.message);
      assert.equal((await store.keyByAuthor(author))?.revoked_at, rev.env.at);
      // Revoked keys are never registered again.
      const again = await kit.submit('monitor', 'key', body);
      assert.equal(!again.ok && again.rule, 'key_unique');

      // Replaying the log from scratch ends in the same state: registered, then revoked; the
      // forged registration is recorded as refused.
      const before = await kit.wf.snapshot('pak-afg');
      await kit.wf.rebuild('pak-afg');
      await kit.wf.catchUp('pak-afg');
      assert.equal((await store.keyByAuthor(author))?.revoked_at, rev.env.at);
      assert.deepEqual(await kit.wf.snapshot('pak-afg'), before);
      const authors = (await kit.wf.snapshot('pak-afg')).wf_authors as Array<{
        author: string;
        org: string;
        revoked: number;
      }>;
      assert.deepEqual(
        authors.filter((a) => a.author === author).map((a) => [a.org, a.revoked]),
        [['MT', 1]],
      );
    } finally {
      await store.close();
      await opened.cleanup();
    }
  });
}

function reportBody() {
  return { ...(exampleBody('report') as object), accused: undefined, fatalities: undefined };
}
