// `key` entries register and revoke the Ed25519 keys that sign every other entry. The public key is
// a c2sp.org/signed-note verifier key, so the same key can verify notes and envelopes. Who may
// register or revoke which key is src/core/keys/rule.ts (issue 9, finding 1): org and role are the
// user's own, fixed by the consenting steward's organisation, never chosen by the signer.
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
    /**
     * Proof of possession: base64 of the new key's Ed25519 signature over possessionMessage()
     * (src/core/keys/possession.ts). Required when a steward registers someone else's key.
     */
    proof: z
      .string()
      .regex(/^[A-Za-z0-9+/]{86}==$/, 'proof is base64 of a 64-byte Ed25519 signature')
      .optional(),
    /** True makes the new key a key steward of its organisation (only a steward may grant it). */
    steward: z.boolean().optional(),
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
