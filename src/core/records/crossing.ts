// Border-crossing status updates: the ceasefire's humanitarian and economic pulse.
import { z } from 'zod';
import { EvidenceRefSchema, TextSchema } from './common.js';
import { SlugSchema } from './mission.js';

export const CROSSING_STATUSES = [
  'open',
  'closed',
  'partial',
  'pedestrians_only',
  'refugees_only',
] as const;
export const CrossingStatusSchema = z.enum(CROSSING_STATUSES);
export type CrossingStatus = z.infer<typeof CrossingStatusSchema>;

export const CrossingBodySchema = z.strictObject({
  /** The crossing's id in the mission document. */
  crossing: SlugSchema,
  status: CrossingStatusSchema,
  cause: TextSchema(2000),
  /** When the status took effect (RFC 3339, UTC). */
  effectiveAt: z.iso.datetime(),
  trucksPerDay: z.number().int().min(0).max(100000).optional(),
  tradeLossUsdPerDay: z.number().min(0).max(1e10).optional(),
  peoplePerDay: z.number().int().min(0).max(10000000).optional(),
  evidence: z.array(EvidenceRefSchema).max(20).default([]),
});
