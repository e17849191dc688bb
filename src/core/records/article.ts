// A news article ingested by the analyst desk, with the events coded from it.
import { z } from 'zod';
import {
  ActorSchema,
  CountryCodeSchema,
  EventTypeSchema,
  LocationSchema,
  TimePrecisionSchema,
} from '../taxonomy.js';

/** News names places that belong to no one country (the Durand Line itself, "the border areas"). */
export const CodedLocationSchema = LocationSchema.extend({ country: CountryCodeSchema.nullable() });

export const CodedEventSchema = z.strictObject({
  type: EventTypeSchema,
  date: z.iso.date().nullable(),
  time_precision: TimePrecisionSchema,
  location: CodedLocationSchema.nullable(),
  actors: z.array(ActorSchema).max(20),
  fatalities: z.number().int().min(0).nullable(),
  /** Each side's own figure, kept apart when the claims conflict (never added together). */
  fatality_claims: z
    .array(z.strictObject({ source: z.string().max(200), count: z.number().int().min(0) }))
    .max(20)
    .optional(),
  evidence: z.strictObject({
    sentence: z.string().max(5000),
    start: z.number().int(),
    end: z.number().int(),
  }),
  confidence: z.number().min(0).max(1),
});
export type CodedEvent = z.infer<typeof CodedEventSchema>;

export const ArticleBodySchema = z.strictObject({
  url: z.string().max(2000).nullable(),
  outlet: z.string().max(200).nullable(),
  headline: z.string().max(1000),
  published: z.iso.date().nullable(),
  /** SHA-256 (hex) of the article text as ingested: the text itself may be copyrighted. */
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  events: z.array(CodedEventSchema).max(200),
});
