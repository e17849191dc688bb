import { createHash } from 'node:crypto';

/** SHA-256 (hex) of the whitespace-normalised body: two copies of one story hash the same. */
export function contentHash(body: string): string {
  return createHash('sha256').update(body.replace(/\s+/g, ' ').trim(), 'utf8').digest('hex');
}
