// The key rule (issue 9, finding 1): org and role are the user's own; keys are registered with the
// organisation's consent (a steward) and the key's proof of possession; one key, one user, ever;
// revocation by the key, its organisation's steward or an admin. Pure: the same code runs in
// `decide`, the read model's replay, `truceline verify` and the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEYS, keyEnvelope, proofOf, registerBody, stewardRegistry } from './keys.test-support.js';
import { possessionMessage, possessionValid } from './possession.js';
import { KeyRegistry, type KeyVerdict } from './registry.js';
import { fixedKey, missionWithStewards } from './keys.test-support.js';

function refused(v: KeyVerdict, rule: string, status: number) {
  assert.equal(v.ok, false, 'accepted');
  if (v.ok) return;
  assert.equal(v.rule, rule, v.why);
  assert.equal(v.status, status, v.why);
}

test('an operator-signed key entry cannot give af-liaison a mediator key, nor any AF key', () => {
  const r = stewardRegistry();
  // The finding: {"user":"af-liaison","org":"AF","role":"mediator"} signed by the admin.
  refused(
    r.check(keyEnvelope(KEYS.admin.author, registerBody(KEYS.af2, 'af-liaison', 'AF', 'mediator'))),
    'key_proof',
    403,
  );
  // Even with the new key's proof, the admin is OPS's steward, not AF's.
  const withProof = { proof: proofOf(KEYS.af2, 'af-liaison') };
  refused(
    r.check(
      keyEnvelope(
        KEYS.admin.author,
        registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', withProof),
      ),
    ),
    'key_org',
    403,
  );
  // AF's own steward cannot make an AF key a mediator's.
  refused(
    r.check(
      keyEnvelope(
        KEYS.af.author,
        registerBody(KEYS.af2, 'af-liaison', 'AF', 'mediator', withProof),
      ),
    ),
    'key_role',
    403,
  );
  // PK's steward cannot register a key claiming QA.
  refused(
    r.check(
      keyEnvelope(
        KEYS.pk.author,
        registerBody(KEYS.af2, 'pk-liaison', 'QA', 'mediator', {
          proof: proofOf(KEYS.af2, 'pk-liaison'),
        }),
      ),
    ),
    'key_org',
    403,
  );
  // What is allowed: AF's steward, with the key's proof, as AF's party role.
  const ok = r.admit(
    keyEnvelope(KEYS.af.author, registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', withProof)),
  );
  assert.ok(ok.ok);
  assert.deepEqual(r.get(KEYS.af2.author), {
    author: KEYS.af2.author,
    vkey: KEYS.af2.vkey,
    user: 'af-liaison',
    org: 'AF',
    role: 'party',
    steward: false,
    revoked: false,
  });
});

test('a key registers itself only when its organisation lists it as a steward', () => {
  const r = new KeyRegistry(missionWithStewards());
  refused(
    r.check(keyEnvelope(KEYS.stray.author, registerBody(KEYS.stray, 'stray', 'AF', 'party'))),
    'key_consent',
    403,
  );
  // A listed steward key registers itself, but only for the organisation that lists it.
  refused(
    r.check(keyEnvelope(KEYS.af.author, registerBody(KEYS.af, 'af-liaison', 'QA', 'mediator'))),
    'key_org',
    403,
  );
  assert.ok(
    r.admit(keyEnvelope(KEYS.af.author, registerBody(KEYS.af, 'af-liaison', 'AF', 'party'))).ok,
  );
  assert.equal(r.get(KEYS.af.author)?.steward, true);
  // An unregistered key cannot register others; a registered non-steward cannot either.
  refused(
    r.check(
      keyEnvelope(
        KEYS.qa.author,
        registerBody(KEYS.af2, 'qa-mediator', 'QA', 'mediator', {
          proof: proofOf(KEYS.af2, 'qa-mediator'),
        }),
      ),
    ),
    'key_consent',
    403,
  );
  const s = stewardRegistry();
  const proof = proofOf(KEYS.af2, 'af-liaison');
  assert.ok(
    s.admit(
      keyEnvelope(KEYS.af.author, registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', { proof })),
    ).ok,
  );
  refused(
    s.check(
      keyEnvelope(
        KEYS.af2.author,
        registerBody(KEYS.stray, 'af-liaison', 'AF', 'party', {
          proof: proofOf(KEYS.stray, 'af-liaison'),
        }),
      ),
    ),
    'key_consent',
    403,
  );
});

test('proof of possession: missing, wrong key, wrong user, wrong mission', () => {
  const r = stewardRegistry();
  const reg = (proof?: string) =>
    r.check(
      keyEnvelope(
        KEYS.af.author,
        registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', proof ? { proof } : {}),
      ),
    );
  refused(reg(), 'key_proof', 403);
  refused(reg(proofOf(KEYS.stray, 'af-liaison')), 'key_proof', 403); // signed by another key
  refused(reg(proofOf(KEYS.af2, 'pk-liaison')), 'key_proof', 403); // for another user
  refused(reg(proofOf(KEYS.af2, 'af-liaison', 'other-mission')), 'key_proof', 403);
  assert.ok(reg(proofOf(KEYS.af2, 'af-liaison')).ok);
  // The message is domain-separated and names mission, user and key.
  assert.equal(
    new TextDecoder().decode(possessionMessage('m', 'u', 'v')),
    'truceline/key-possession/v1\nm\nu\nv',
  );
  assert.equal(possessionValid('pak-afg', 'af-liaison', KEYS.af2.vkey, 'not base64'), false);
});

test('one key, one user, ever: not for another user, not again after revocation, not under another name', () => {
  const r = stewardRegistry();
  // PK's steward key again, for another PK user (a steward may not re-bind a key it holds).
  refused(
    r.check(
      keyEnvelope(
        KEYS.pk.author,
        registerBody(KEYS.pk, 'pk-liaison-2', 'PK', 'party', {
          proof: proofOf(KEYS.pk, 'pk-liaison-2'),
        }),
      ),
    ),
    'key_unique',
    422,
  );
  // AF's key, registered by PK's steward for a PK user (its proof is valid: the holder signed).
  refused(
    r.check(
      keyEnvelope(
        KEYS.pk.author,
        registerBody(KEYS.af, 'pk-liaison', 'PK', 'party', {
          proof: proofOf(KEYS.af, 'pk-liaison'),
        }),
      ),
    ),
    'key_unique',
    422,
  );
  // A user's keys stay in its organisation: PK's steward cannot give af-liaison a PK key.
  refused(
    r.check(
      keyEnvelope(
        KEYS.pk.author,
        registerBody(KEYS.stray, 'af-liaison', 'PK', 'party', {
          proof: proofOf(KEYS.stray, 'af-liaison'),
        }),
      ),
    ),
    'key_user',
    403,
  );
  // AF's public key under another key name is still AF's key.
  const renamed = fixedKey('renamed', 22);
  assert.notEqual(renamed.author, KEYS.af.author);
  refused(
    r.check(
      keyEnvelope(
        KEYS.af.author,
        registerBody(renamed, 'af-liaison', 'AF', 'party', {
          proof: proofOf(renamed, 'af-liaison'),
        }),
      ),
    ),
    'key_unique',
    422,
  );
  const proof = proofOf(KEYS.af2, 'af-liaison');
  const body = registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', { proof });
  assert.ok(r.admit(keyEnvelope(KEYS.af.author, body)).ok);
  assert.ok(
    r.admit(
      keyEnvelope(KEYS.af2.author, { action: 'revoke', key: KEYS.af2.author, reason: 'lost' }),
    ).ok,
  );
  refused(r.check(keyEnvelope(KEYS.af.author, body)), 'key_unique', 422);
});

test('the server refuses keys for unknown users and users of another organisation', () => {
  const r = stewardRegistry();
  const env = keyEnvelope(
    KEYS.af.author,
    registerBody(KEYS.af2, 'af-ghost', 'AF', 'party', { proof: proofOf(KEYS.af2, 'af-ghost') }),
  );
  refused(r.check(env, null), 'key_user', 422);
  refused(r.check(env, { org: 'PK', role: 'party' }), 'key_user', 403);
  assert.ok(r.check(env, { org: 'AF', role: 'party' }).ok);
});

test('revocation: by the key itself, a steward of its organisation, an admin; nobody else', () => {
  const setup = () => {
    const r = stewardRegistry();
    const v = r.admit(
      keyEnvelope(
        KEYS.af.author,
        registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', {
          proof: proofOf(KEYS.af2, 'af-liaison'),
        }),
      ),
    );
    assert.ok(v.ok);
    return r;
  };
  const revoke = (by: string, key = KEYS.af2.author) =>
    keyEnvelope(by, { action: 'revoke', key, reason: 'device lost' });
  for (const by of [KEYS.af2.author, KEYS.af.author, KEYS.admin.author]) {
    const r = setup();
    assert.ok(r.admit(revoke(by)).ok, by);
    assert.equal(r.get(KEYS.af2.author)?.revoked, true);
    refused(r.check(revoke(KEYS.admin.author)), 'key_known', 422);
  }
  const r = setup();
  refused(r.check(revoke(KEYS.pk.author)), 'key_revoke_by', 403); // PK's steward, AF's key
  refused(r.check(revoke(KEYS.qa.author)), 'key_revoke_by', 403);
  refused(r.check(revoke(KEYS.stray.author)), 'key_revoke_by', 403);
  refused(r.check(revoke(KEYS.admin.author, KEYS.stray.author)), 'key_known', 422);
  // A revoked steward consents to nothing more.
  assert.ok(r.admit(revoke(KEYS.admin.author, KEYS.af.author)).ok);
  refused(
    r.check(
      keyEnvelope(
        KEYS.af.author,
        registerBody(KEYS.stray, 'af-liaison', 'AF', 'party', {
          proof: proofOf(KEYS.stray, 'af-liaison'),
        }),
      ),
    ),
    'key_consent',
    403,
  );
});

test('a steward may make a new steward; a plain key may not register anything', () => {
  const r = stewardRegistry();
  const body = registerBody(KEYS.af2, 'af-liaison', 'AF', 'party', {
    proof: proofOf(KEYS.af2, 'af-liaison'),
    steward: true,
  });
  assert.ok(r.admit(keyEnvelope(KEYS.af.author, body)).ok);
  assert.equal(r.get(KEYS.af2.author)?.steward, true);
  const next = registerBody(KEYS.stray, 'af-liaison', 'AF', 'party', {
    proof: proofOf(KEYS.stray, 'af-liaison'),
  });
  assert.ok(r.check(keyEnvelope(KEYS.af2.author, next)).ok, 'the new steward consents');
});
