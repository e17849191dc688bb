// Pieces shared by several record bodies.
import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { TimePrecisionSchema } from '../taxonomy.js';

/** A reference to evidence held as a content-addressed blob: the hash is public, the blob may not be. */
export const EvidenceRefSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex'),
  mediaType: z.string().min(3).max(100),
  bytes: z.number().int().min(0).optional(),
  description: z.string().max(2000).optional(),
});

/** When something happened, with ACLED time precision for spans known only to the week or month. */
export const OccurredSchema = z.strictObject({
  date: z.iso.date(),
  // A clock time of the day, 00:00-23:59 UTC (ISO 8601 hh:mm). The earlier shape-only pattern
  // accepted "25:99", a time no reader can place on a timeline.
  time: z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM (UTC), 00:00 to 23:59')
    .optional(),
  time_precision: TimePrecisionSchema,
});

/** A record refers to another by its entry id (UUIDv7); the log index is resolved by the server. */
export const RefSchema = IdSchema;

/** Free text written by people: length-limited, never rendered as HTML by any client. */
export const TextSchema = (max: number) => z.string().min(1).max(max);

export const TermIdsSchema = z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/)).max(20);

export const FatalitiesSchema = z.strictObject({
  count: z.number().int().min(0).max(100000),
  /** Who claims this figure, when the parties' counts differ (they are kept apart, never added). */
  claimedBy: z.string().max(100).optional(),
});
