// The ingestion pipeline as one call: named inputs (files, directories, "-") → articles → coded events.
// The coder's region comes from the mission document (a prior among same-named places, the lines
// "the border" means); with no mission it codes news from anywhere with no prior.
import type { Gazetteer } from './geo/gazetteer.js';
import { codingGazetteer, type MissionRegionSource } from './geo/mission-region.js';
import {
  listInputFiles,
  parseDocument,
  readArticlesFromFile,
  readStdin,
} from './article/read-inputs.js';
import { codeArticle } from './code/coder.js';
import type { Article, CodedEvent } from './types.js';

export interface IngestProgress {
  done: number;
  total: number;
  file: string;
}

export interface IngestOptions {
  /** The mission whose region, lines and crossings the coder uses; null or absent: none. */
  mission?: MissionRegionSource | null;
  /** A gazetteer to use instead of the mission's (it carries its own region). */
  gazetteer?: Gazetteer;
  stdin?: NodeJS.ReadableStream;
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestResult {
  articles: Article[];
  events: CodedEvent[];
  /** The same events grouped by the article they were coded from, in input order. */
  coded: { article: Article; events: CodedEvent[] }[];
}

/** Codes every article the inputs name. Identical copies (same content hash) are coded once. */
export async function ingestInputs(
  inputs: string[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const files: string[] = [];
  const articles: Article[] = [];
  for (const input of inputs) {
    if (input === '-') articles.push(...parseDocument(await readStdin(opts.stdin), 'stdin'));
    else files.push(...(await listInputFiles(input)));
  }
  for (let i = 0; i < files.length; i++) {
    const file = files[i] ?? '';
    articles.push(...(await readArticlesFromFile(file)));
    opts.onProgress?.({ done: i + 1, total: files.length, file });
  }
  const gazetteer = opts.gazetteer ?? codingGazetteer(opts.mission);
  const seen = new Set<string>();
  const events: CodedEvent[] = [];
  const unique: Article[] = [];
  const coded: IngestResult['coded'] = [];
  for (const a of articles) {
    if (seen.has(a.contentHash)) continue;
    seen.add(a.contentHash);
    unique.push(a);
    const mine = codeArticle(a, { gazetteer: gazetteer.forArticle(a) });
    coded.push({ article: a, events: mine });
    events.push(...mine);
  }
  return { articles: unique, events, coded };
}
