// The shapes that flow through ingestion: an article in, coded events out.
// CodedEvent is the output contract of `truceline ingest --json` (issue 5, "Output contract").
import type {
  AcledCode,
  EventType,
  GeoPrecision,
  InterCode,
  TimePrecision,
} from '../core/taxonomy.js';

/** One article after its format has been read. All text fields are attacker-controlled. */
export interface Article {
  url: string | null;
  outlet: string | null;
  headline: string | null;
  standfirst: string | null;
  /** YYYY-MM-DD, or null when neither the metadata nor the text gives it. */
  published: string | null;
  /** Body paragraphs only: page chrome, headline, standfirst and related links are removed. */
  body: string;
  /** Titles or URLs of "Also Read"/"Related" links found in the page. */
  related: string[];
  /** Lower-case hex SHA-256 of the body text, for dedupe of identical copies. */
  contentHash: string;
  /** Dateline place of wire copy ("PESHAWAR, Pakistan (Reuters) -"), when present. */
  dateline: string | null;
}

/**
 * A resolved place. Unlike core's LocationSchema, `country` may be null: the Durand Line and
 * "key crossing areas" belong to both sides (see the seed's expected events).
 */
export interface CodedLocation {
  name: string;
  admin1: string | null;
  admin2: string | null;
  country: string | null;
  lat: number;
  lon: number;
  geo_precision: GeoPrecision;
}

export interface CodedActor {
  name: string;
  inter: InterCode;
  party?: string;
}

/** One side's fatality figure, kept apart from the other side's (never added). */
export interface FatalityClaim {
  count: number;
  /** Who said so ("ISPR", "Taliban spokesman"), or null when the article states it as fact. */
  source: string | null;
}

export interface CodedEvent {
  type: EventType;
  acled: AcledCode;
  /** YYYY-MM-DD or null (ongoing conditions, unresolvable relative dates). */
  date: string | null;
  time_precision: TimePrecision | null;
  location: CodedLocation | null;
  actors: CodedActor[];
  /** The most conservative figure among the claims (ACLED practice), or null when none is given. */
  fatalities: number | null;
  /** Every distinct claim; more than one when the sides disagree. */
  fatality_claims: FatalityClaim[];
  evidence: { sentence: string; start: number; end: number };
  confidence: number;
  article: { url: string | null; headline: string | null; published: string | null };
}
