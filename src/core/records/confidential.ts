// Confidential records reach the public log only as a commitment: SHA-256 over a random salt and the
// full signed entry. A later reveal publishes salt and entry, and anyone can recompute the digest.
import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { RefSchema } from './common.js';
import { OrgCodeSchema } from './mission.js';

export const CommitmentBodySchema = z.strictObject({
  /** Lower-case hex SHA-256(salt ‖ canonical signed entry). */
  digest: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex'),
  /** The side whose confidential record this is (visible: who holds secrets is not secret). */
  side: OrgCodeSchema,
  /**
   * Present on the commitments the log's own key signs for sealed entries (issue 9, finding 2):
   * the sealed entry's kind, author and id, in the clear; a reveal must match them
   * (src/core/sealing/reveal-check.ts). Absent on an author's confidential commitment.
   */
  sealed: z
    .strictObject({
      kind: z.string().regex(/^[a-z]{1,20}$/, 'an entry kind'),
      author: z.string().regex(/^[^\s+]{1,200}\+[0-9a-f]{8}$/, 'a key name and its 8-hex key id'),
      record: IdSchema,
    })
    .optional(),
});

export const RevealBodySchema = z.strictObject({
  commitment: RefSchema,
  /** Base64 of the 32-byte salt. */
  salt: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'base64 of 32 bytes'),
  /** The confidential signed entry, exactly as committed (its canonical JSON text). */
  entry: z.string().min(2).max(65535),
});
