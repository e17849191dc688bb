// Standard Webhooks' asymmetric signature, "v1a": Ed25519 over the same `id.timestamp.body` as the
// "v1" HMAC, so a receiver can check a delivery with the server's public key alone ("whpk_" +
// base64, served at GET …/webhooks/public-key) and needs no shared secret. The key is the server's
// own, kept apart from the log's keys (one key, one purpose): the seed sits in the data directory
// as `webhook-ed25519.key`, 0600, made on first use, like the log and witness keys beside it.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519PublicKey, ed25519Sign, randomEd25519Seed } from '../../tlog/ed25519.js';

export class WebhookSigningKey {
  private constructor(private readonly seed: Uint8Array) {}

  static open(dataDir: string): WebhookSigningKey {
    const file = join(dataDir, 'webhook-ed25519.key');
    if (!existsSync(file))
      writeFileSync(file, Buffer.from(randomEd25519Seed()).toString('base64'), {
        mode: 0o600,
        flag: 'wx',
      });
    chmodSync(file, 0o600);
    const seed = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (seed.length !== 32)
      throw new Error(`${file} is not a 32-byte base64 Ed25519 seed: restore it from its backup`);
    return new WebhookSigningKey(new Uint8Array(seed));
  }

  get publicKey(): string {
    return `whpk_${Buffer.from(ed25519PublicKey(this.seed)).toString('base64')}`;
  }

  /** "v1a,<base64 signature>" of `${id}.${seconds}.${body}`. */
  sign(id: string, at: Date, body: string): string {
    const msg = new TextEncoder().encode(`${id}.${Math.floor(at.getTime() / 1000)}.${body}`);
    return `v1a,${Buffer.from(ed25519Sign(msg, this.seed)).toString('base64')}`;
  }
}
