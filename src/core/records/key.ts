// `key` entries register and revoke the Ed25519 keys that sign every other entry. The public key is
// a c2sp.org/signed-note verifier key, so the same key can verify notes and envelopes.
import { z } from 'zod';
import { OrgCodeSchema, RoleSchema } from './mission.js';

export const KeyBodySchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('register'),
    /** The user the key belongs to (user names are unique within a deployment). */
    user: z.string().min(2).max(63),
    org: OrgCodeSchema,
    role: RoleSchema,
    /** c2sp.org/signed-note verifier key: name+hash+base64(0x01 ‖ Ed25519 public key). */
    vkey: z.string().min(10).max(300),
  }),
  z.object({
    action: z.literal('revoke'),
    /** The author id (name+hash) of the key being revoked. */
    key: z.string().min(3).max(300),
    reason: z.string().min(1).max(1000),
  }),
]);
export type KeyBody = z.infer<typeof KeyBodySchema>;
