// Compiles the trigger and actor data files (src/ingest/data) into regular expressions, once.
import { z } from 'zod';
import {
  EventTypeSchema,
  InterCodeSchema,
  type EventType,
  type InterCode,
} from '../../core/taxonomy.js';
import { IngestError } from '../errors.js';
import { readDataFile } from '../geo/data-files.js';

export interface TriggerRule {
  type: EventType;
  priority: number;
  weak: boolean;
  futureOk: boolean;
  /** Only counts when no trigger of another type is in the same clause ("detained returnees"). */
  alone: boolean;
  /** Lower-case words one of which every match contains; null: always try the patterns. */
  keywords: string[] | null;
  patterns: RegExp[];
  /** Per pattern: the rule's keywords written in that pattern's source (null: always try it). */
  patternKeywords: (string[] | null)[];
  /** Where the event is whatever the sentence names (a named operation's target country). */
  country?: string;
}

export interface ActorRule {
  name: string;
  inter: InterCode;
  party?: string;
  byLocation?: Record<string, string>;
  nameFromMatch: boolean;
  countryName: boolean;
  patterns: RegExp[];
}

const TriggerFile = z.object({
  types: z.array(
    z.object({
      type: EventTypeSchema,
      priority: z.number(),
      weak: z.boolean().optional(),
      future_ok: z.boolean().optional(),
      alone: z.boolean().optional(),
      keywords: z.array(z.string().min(1)).min(1).optional(),
      patterns: z.array(z.string()).min(1),
    }),
  ),
});
const OperationFile = z.object({
  operations: z.array(
    z.object({
      name: z.string().regex(/^Operation /),
      aliases: z.array(z.string().regex(/^Operation /)).optional(),
      type: EventTypeSchema,
      country: z.string().regex(/^[A-Z]{2}$/),
      what: z.string(),
    }),
  ),
});
const ActorFile = z.object({
  actors: z.array(
    z.object({
      name: z.string().min(1),
      inter: InterCodeSchema,
      party: z.string().optional(),
      case_sensitive: z.boolean().optional(),
      by_location: z.record(z.string(), z.string()).optional(),
      name_from_match: z.boolean().optional(),
      country_name: z.boolean().optional(),
      patterns: z.array(z.string()).min(1),
    }),
  ),
});

function compile(source: string, flags: string, file: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (cause) {
    throw new IngestError('bad_data_file', `couldn't compile a pattern in ${file}: ${source}`, {
      cause,
    });
  }
}

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const r = schema.safeParse(readDataFile(file));
  if (!r.success) {
    throw new IngestError(
      'bad_data_file',
      `couldn't read data file ${file}: ${r.error.issues[0]?.message ?? 'bad shape'}`,
      {
        cause: r.error,
      },
    );
  }
  return r.data;
}

let triggers: TriggerRule[] | null = null;
let actors: ActorRule[] | null = null;

export function triggerRules(): TriggerRule[] {
  triggers ??= [...fileTriggerRules(), ...operationRules()];
  return triggers;
}

function fileTriggerRules(): TriggerRule[] {
  return parse(TriggerFile, 'event-triggers.json').types.map((t) => {
    const keywords = t.keywords?.map((k) => k.toLowerCase()) ?? null;
    return {
      type: t.type,
      priority: t.priority,
      weak: t.weak ?? false,
      futureOk: t.future_ok ?? false,
      alone: t.alone ?? false,
      keywords,
      patterns: t.patterns.map((p) => compile(p, 'giu', 'event-triggers.json')),
      patternKeywords: t.patterns.map((p) => {
        const own = keywords?.filter((k) => p.toLowerCase().includes(k)) ?? [];
        return own.length > 0 ? own : null;
      }),
    };
  });
}

const escape = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]+/g, '[\\s-]+');

/**
 * "hours after India launched 'Operation Sindoor'": launching a named operation (named-operations.json)
 * is an event of its type in its target country. A mention with no launch verb ("LoC boils after
 * Operation Sindoor") refers back to it and is no trigger.
 */
function operationRules(): TriggerRule[] {
  return parse(OperationFile, 'named-operations.json').operations.map((o) => {
    const names = [o.name, ...(o.aliases ?? [])].map(escape).join('|');
    const launch = `\\b(?:launch(?:ed|es|ing)?|carried out|conducted|began|begun|started|mounted|executed)\\s+(?:its\\s+|the\\s+|an?\\s+)?(?:[\\w-]+\\s+){0,2}?[‘'"“]?(?:${names})\\b`;
    return {
      type: o.type,
      priority: 95,
      weak: false,
      futureOk: false,
      alone: false,
      keywords: ['operation'],
      patterns: [compile(launch, 'giu', 'named-operations.json')],
      patternKeywords: [['operation']],
      country: o.country,
    };
  });
}

export function actorRules(): ActorRule[] {
  actors ??= parse(ActorFile, 'actors.json').actors.map((a) => ({
    name: a.name,
    inter: a.inter as InterCode,
    ...(a.party !== undefined ? { party: a.party } : {}),
    ...(a.by_location !== undefined ? { byLocation: a.by_location } : {}),
    nameFromMatch: a.name_from_match ?? false,
    countryName: a.country_name ?? false,
    patterns: a.patterns.map((p) => compile(p, a.case_sensitive ? 'g' : 'gi', 'actors.json')),
  }));
  return actors;
}
