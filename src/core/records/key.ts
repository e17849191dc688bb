// `key` entries register and revoke the Ed25519 keys that sign every other entry. The public key is
// a c2sp.org/signed-note verifier key, so the same key can verify notes and envelopes.
import { z } from 'zod';
import { SIG_TYPE_ED25519, parseVerifierKey } from '../../tlog/note-key.js';
import { OrgCodeSchema, RoleSchema } from './mission.js';

export const KeyBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('register'),
    /** The user the key belongs to (user names are unique within a deployment). */
    user: z.string().min(2).max(63),
    org: OrgCodeSchema,
    role: RoleSchema,
    /** c2sp.org/signed-note verifier key: name+hash+base64(0x01 ‖ Ed25519 public key). */
    vkey: z
      .string()
      .max(300)
      .refine(
        isEnvelopeVerifierKey,
        'vkey must be a c2sp.org/signed-note Ed25519 (type 0x01) verifier key',
      ),
  }),
  z.strictObject({
    action: z.literal('revoke'),
    /** The author id (name+hash) of the key being revoked. */
    key: z.string().min(3).max(300),
    reason: z.string().min(1).max(1000),
  }),
]);
export type KeyBody = z.infer<typeof KeyBodySchema>;

function isEnvelopeVerifierKey(vkey: string): boolean {
  try {
    return parseVerifierKey(vkey).type === SIG_TYPE_ED25519;
  } catch {
    return false;
  }
}
