// Keys decide roles, and the operator cannot mint them (issue 9, finding 1), through the real
// server: a mission whose file lists Pakistan's own key steward (a key only the test, standing in
// for Pakistan's device, holds) is set up with `truceline init`. The operator creates accounts but
// cannot give them keys in PK's name; PK's steward registers itself over HTTP, then consents to a
// deputy's key (with the deputy's proof of possession), and both then file. An admin-signed key
// making af-liaison a mediator is refused, and af-liaison cannot endorse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signEnvelope } from '../src/core/envelope.js';
import { exampleBody } from '../src/core/examples.js';
import { possessionProof } from '../src/core/keys/possession.js';
import type { EntryKind } from '../src/core/records/kinds.js';
import { signerFromNoteKey, type Signer } from '../src/core/signing.js';
import { generateNoteKey } from '../src/tlog/note-key.js';
import { resolveConfig } from '../src/server/config.js';
import { startServer } from '../src/server/serve.js';
import { runCli, ROOT } from './support/cli.js';

const M = 'pak-afg';

test('stewards register keys over HTTP; the operator cannot sign in a party’s name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-stewards-'));
  const data = join(dir, 'data');
  const doc = JSON.parse(readFileSync(join(ROOT, 'missions/pak-afg.json'), 'utf8')) as {
    organisations: { code: string; stewards?: string[] }[];
    demoUsers: { org: string }[];
  };
  const pkSteward = await signerFromNoteKey(generateNoteKey(`pk-steward.${M}`).skey);
  doc.organisations = doc.organisations.map((o) =>
    o.code === 'PK' ? { ...o, stewards: [pkSteward.vkey] } : o,
  );
  doc.demoUsers = doc.demoUsers.filter((u) => u.org !== 'PK');
  const file = join(dir, 'mission.json');
  writeFileSync(file, JSON.stringify(doc));
  const init = runCli(['init', '--mission', file, '--data', data, '--json']);
  assert.equal(init.code, 0, init.stderr);
  const creds = JSON.parse(init.stdout) as {
    users: Record<string, { token: string; keyFile: string }>;
  };
  const server = await startServer(
    resolveConfig({ port: 0, host: '127.0.0.1', dataDir: data, logBatchIntervalMs: 5 }, {}),
  );
  try {
    const api = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/v1/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined
          ? {}
          : { body: body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const file = async (signer: Signer, token: string, kind: EntryKind, body: unknown) => {
      const { bytes } = await signEnvelope(
        { mission: M, kind, body: body as Record<string, unknown> },
        signer,
      );
      return api('POST', `missions/${M}/entries`, token, bytes);
    };
    const rule = (a: { status: number; json: Record<string, unknown> }) =>
      (a.json.error as { details?: { rule?: string } } | undefined)?.details?.rule;
    const admin = creds.users.admin!;
    const adminSigner = await signerFromNoteKey(readFileSync(admin.keyFile, 'utf8').trim());

    // The operator creates PK's accounts (it runs the server), but no key comes with them.
    const account = async (name: string) => {
      const r = await api('POST', 'admin/users', admin.token, {
        name,
        displayName: name,
        org: 'PK',
      });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      return r.json.token as string;
    };
    const stewardToken = await account('pk-steward');
    const deputyToken = await account('pk-deputy');
    const deputy = await signerFromNoteKey(generateNoteKey(`pk-deputy.${M}`).skey);
    const deputyKey = {
      action: 'register',
      user: 'pk-deputy',
      org: 'PK',
      role: 'party',
      vkey: deputy.vkey,
      proof: await possessionProof(deputy, M, 'pk-deputy'),
    };
    // The operator registering the deputy's key, with the deputy's own proof: refused.
    const minted = await file(adminSigner, admin.token, 'key', deputyKey);
    assert.equal(minted.status, 403, JSON.stringify(minted.json));
    assert.equal(rule(minted), 'key_org');
    const allegation = {
      ...exampleBody('report'),
      accused: 'AF',
      fatalities: { count: 0, claimedBy: 'PK' },
    };
    const early = await file(deputy, deputyToken, 'report', allegation);
    assert.equal(early.status, 422, 'no key for the deputy yet');

    // PK's steward registers itself over HTTP, signed with the key it registers.
    const self = await file(pkSteward, stewardToken, 'key', {
      action: 'register',
      user: 'pk-steward',
      org: 'PK',
      role: 'party',
      vkey: pkSteward.vkey,
      steward: true,
    });
    assert.equal(self.status, 201, JSON.stringify(self.json));
    // A key not listed as a steward cannot do the same.
    const impostor = await signerFromNoteKey(generateNoteKey(`pk-deputy.${M}`).skey);
    const notListed = await file(impostor, deputyToken, 'key', {
      action: 'register',
      user: 'pk-deputy',
      org: 'PK',
      role: 'party',
      vkey: impostor.vkey,
      steward: true,
    });
    assert.notEqual(notListed.status, 201, JSON.stringify(notListed.json));
    // The steward consents to the deputy's key; now both file.
    const consented = await file(pkSteward, stewardToken, 'key', deputyKey);
    assert.equal(consented.status, 201, JSON.stringify(consented.json));
    assert.equal((await file(deputy, deputyToken, 'report', allegation)).status, 201);
    assert.equal((await file(pkSteward, stewardToken, 'report', allegation)).status, 201);

    // The forged role of finding 1: an admin-signed key making af-liaison a mediator is refused,
    // and af-liaison, a party, cannot endorse.
    const af = creds.users['af-liaison']!;
    const afSigner = await signerFromNoteKey(readFileSync(af.keyFile, 'utf8').trim());
    const extra = await signerFromNoteKey(generateNoteKey(`af-liaison.${M}`).skey);
    const forged = await file(adminSigner, admin.token, 'key', {
      action: 'register',
      user: 'af-liaison',
      org: 'AF',
      role: 'mediator',
      vkey: extra.vkey,
      proof: await possessionProof(extra, M, 'af-liaison'),
    });
    assert.notEqual(forged.status, 201, JSON.stringify(forged.json));
    const endorse = await file(afSigner, af.token, 'endorsement', exampleBody('endorsement'));
    assert.equal(endorse.status, 403, JSON.stringify(endorse.json));
    assert.equal(rule(endorse), 'endorse_by_mediator');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
