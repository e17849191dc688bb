// What one entry kind's rules are (issue 12, item 3: entry kinds as modules): who may author it,
// the
// records it names, and its decision. Each kind has its own module in this folder; index.ts gathers
// them in a table typed so that a kind without rules does not compile.
import type { EnvelopeOf } from '../../envelope.js';
import type { BodyOf, EntryKind } from '../../records/kinds.js';
import type { MissionDoc, Role } from '../../records/mission.js';
import type { Decision, Refused, RuleName } from '../decision.js';
import type { AuthorFact, Facts, References } from '../rules.js';

/** What a kind's decision reads: the facts, the entry and its parsed body, and shared helpers. */
export interface KindContext<K extends EntryKind> {
  facts: Facts;
  env: EnvelopeOf<K>;
  /** `env.body` (kept for the kinds' modules; the same object). */
  body: BodyOf<K>;
  /** The entry's registered author (unknown authors are refused before a kind is asked). */
  author: AuthorFact;
  mission: MissionDoc;
  /** The mission's parties' organisation codes. */
  parties: ReadonlySet<string>;
  /** The terms of `ts` the mission does not have. */
  unknownTerms(ts: string[]): string[];
  /** The refusal for a reference to a record the mission does not have. */
  missing(what: string, id: string): Refused;
}

export interface KindRules<K extends EntryKind> {
  /** Roles that may author it (checked before `decide`). */
  authors: readonly Role[];
  /** The rule a wrong author breaks, when it has a name of its own (else kind_author). */
  authorRule?: RuleName;
  /** Adds the records it names to `r`, so the store loads exactly those facts. */
  references?(b: Record<string, unknown>, r: References): void;
  decide(c: KindContext<K>): Decision;
  /**
   * Set for kinds that do their own author checks instead of the shared ones (key entries: the
   * author may be a key registering itself).
   */
  decideWhole?(facts: Facts, env: EnvelopeOf<K>): Decision;
}

/** A body field's string, as a list (nothing when absent or not a string). */
export const str = (v: unknown): string[] => (typeof v === 'string' ? [v] : []);
/** A body field's strings (the strings of an array, nothing otherwise). */
export const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
