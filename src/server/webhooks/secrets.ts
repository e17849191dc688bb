// Webhook signing secrets (Standard Webhooks: "whsec_" + base64 of 24 to 64 random bytes). A signing
// secret must be usable to sign, so it cannot be stored as a hash: it is stored encrypted with
// AES-256-GCM under a key that is not in the database — the file `webhook-key` in the data directory
// (0600, made on first use), or TRUCELINE_WEBHOOK_KEY (base64, 32 bytes) when the operator keeps
// it elsewhere. A database dump or a PostgreSQL reader alone learns no secret; whoever also holds
// the key file does. The secret is shown once, when the endpoint is registered.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static open(dataDir: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
    const fromEnv = env.TRUCELINE_WEBHOOK_KEY;
    if (fromEnv) {
      const key = Buffer.from(fromEnv, 'base64');
      if (key.length !== 32)
        throw new Error(
          'TRUCELINE_WEBHOOK_KEY must be 32 bytes in base64 (make one with: openssl rand -base64 32)',
        );
      return new SecretBox(key);
    }
    const file = join(dataDir, 'webhook-key');
    if (!existsSync(file))
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32)
      throw new Error(
        `${file} is not a 32-byte base64 key: restore it from the backup it came with`,
      );
    return new SecretBox(key);
  }

  /** "v1." + base64(iv ‖ ciphertext ‖ tag); the endpoint id is bound as associated data. */
  seal(secret: string, endpoint: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(endpoint));
    const body = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
    return `v1.${Buffer.concat([iv, body, c.getAuthTag()]).toString('base64')}`;
  }

  unseal(sealed: string, endpoint: string): string {
    const raw = Buffer.from(sealed.replace(/^v1\./, ''), 'base64');
    const d = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    d.setAAD(Buffer.from(endpoint));
    d.setAuthTag(raw.subarray(raw.length - 16));
    try {
      return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString(
        'utf8',
      );
    } catch {
      throw new Error(
        `couldn't decrypt the signing secret of webhook ${endpoint}: the webhook key is not the one it was stored with (restore webhook-key, or register the endpoint again)`,
      );
    }
  }
}
