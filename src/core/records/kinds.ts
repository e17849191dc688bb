// Every entry kind and the zod schema of its body (docs/architecture.md "Entries").
import { z } from 'zod';
import { ArticleBodySchema } from './article.js';
import { CommitmentBodySchema, RevealBodySchema } from './confidential.js';
import { CrossingBodySchema } from './crossing.js';
import { KeyBodySchema } from './key.js';
import { MissionDocSchema } from './mission.js';
import { PenaltyBodySchema } from './penalty.js';
import {
  CorrectionBodySchema,
  EndorsementBodySchema,
  FindingBodySchema,
  IncidentBodySchema,
  ReleaseBodySchema,
  ReportBodySchema,
  ResponseBodySchema,
  TaskBodySchema,
} from './workflow.js';

export const BODY_SCHEMAS = {
  mission: MissionDocSchema,
  key: KeyBodySchema,
  report: ReportBodySchema,
  incident: IncidentBodySchema,
  response: ResponseBodySchema,
  task: TaskBodySchema,
  finding: FindingBodySchema,
  endorsement: EndorsementBodySchema,
  release: ReleaseBodySchema,
  crossing: CrossingBodySchema,
  article: ArticleBodySchema,
  correction: CorrectionBodySchema,
  commitment: CommitmentBodySchema,
  reveal: RevealBodySchema,
  penalty: PenaltyBodySchema,
} as const;

export type EntryKind = keyof typeof BODY_SCHEMAS;
export const ENTRY_KINDS = Object.keys(BODY_SCHEMAS) as [EntryKind, ...EntryKind[]];
export const EntryKindSchema = z.enum(ENTRY_KINDS);
export type BodyOf<K extends EntryKind> = z.infer<(typeof BODY_SCHEMAS)[K]>;

/**
 * `body` as kind K's body when it passes K's schema, else undefined: for a body whose kind the
 * entry does not say (a correction's replacement is its target's kind), checked rather than cast.
 */
export function bodyAs<K extends EntryKind>(kind: K, body: unknown): BodyOf<K> | undefined {
  // The very object when it passes (as the log holds it, nothing added), like parseEntry's body.
  return BODY_SCHEMAS[kind].safeParse(body).success ? (body as BodyOf<K>) : undefined;
}
