// Confidential records reach the public log only as a commitment: SHA-256 over a random salt and the
// full signed entry. A later reveal publishes salt and entry, and anyone can recompute the digest.
import { z } from 'zod';
import { RefSchema } from './common.js';
import { OrgCodeSchema } from './mission.js';

export const CommitmentBodySchema = z.strictObject({
  /** Lower-case hex SHA-256(salt ‖ canonical signed entry). */
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex'),
  /** The side whose confidential record this is (visible: who holds secrets is not secret). */
  side: OrgCodeSchema,
});

export const RevealBodySchema = z.strictObject({
  commitment: RefSchema,
  /** Base64 of the 32-byte salt. */
  salt: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes'),
  /** The confidential signed entry, exactly as committed (its canonical JSON text). */
  entry: z.string().min(2).max(65535),
});
