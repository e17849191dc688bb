// `penalty` entries (issue 11, item 7): mediators impose the step of an agreement's penalty ladder
// that is due (src/core/workflow/penalties.ts), k of n. One mediator proposes, naming the released
// findings the step rests on (the proposal's own organisation counts as its first endorsement); the
// agreement's other mediators endorse; the k-th organisation imposes it. The proposal's entry id is
// the penalty's id.
import { z } from 'zod';
import { RefSchema, TextSchema } from './common.js';
import { OrgCodeSchema, SlugSchema } from './mission.js';

export const PenaltyBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('propose'),
    agreement: SlugSchema,
    party: OrgCodeSchema,
    /** The id of the ladder step (missions/*.json, agreements[].penalties.steps[].id). */
    step: SlugSchema,
    /** The released findings that make the step due. */
    findings: z.array(RefSchema).min(1).max(100),
    statement: TextSchema(5000),
  }),
  z.strictObject({
    action: z.literal('endorse'),
    penalty: RefSchema,
    statement: TextSchema(5000).optional(),
  }),
]);
export type PenaltyBody = z.infer<typeof PenaltyBodySchema>;
