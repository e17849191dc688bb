// API tokens: 32 random bytes shown once to their owner; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'tl_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
