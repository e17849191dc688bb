// Signing secrets at rest: sealed with AES-256-GCM under the data directory's key file (made 0600)
// or TRUCELINE_WEBHOOK_KEY; bound to their endpoint; a wrong key says how to recover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newSecret, SecretBox } from './secrets.js';

test('a sealed secret opens with its key and endpoint only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'truceline-whkey-'));
  try {
    const box = SecretBox.open(dir, {});
    assert.equal(statSync(join(dir, 'webhook-key')).mode & 0o777, 0o600);
    const secret = newSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const sealed = box.seal(secret, 'wh_a');
    assert.ok(!sealed.includes(secret.slice(6)), 'not the secret in the clear');
    assert.notEqual(box.seal(secret, 'wh_a'), sealed, 'a fresh IV each time');
    assert.equal(box.unseal(sealed, 'wh_a'), secret);
    assert.equal(SecretBox.open(dir, {}).unseal(sealed, 'wh_a'), secret, 'the key file is reused');
    assert.throws(() => box.unseal(sealed, 'wh_b'), /restore webhook-key/);
    const other = SecretBox.open(dir, {
      TRUCELINE_WEBHOOK_KEY: randomBytes(32).toString('base64'),
    });
    assert.throws(() => other.unseal(sealed, 'wh_a'), /not the one it was stored with/);
    assert.throws(
      () => SecretBox.open(dir, { TRUCELINE_WEBHOOK_KEY: 'c2hvcnQ=' }),
      /32 bytes in base64 \(make one with: openssl rand -base64 32\)/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
