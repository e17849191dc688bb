// A memo of the demo news's coding, so a demo's start does not load the world gazetteer each time
// (seconds of CPU; the browser tests start the demo a dozen times). Keyed by everything the
// result depends on: the texts, the mission's region, boundaries and crossings, and the coder's
// own files as installed (size and time), so a changed coder codes afresh. Only the coding is
// memoised: every start still signs and files the articles through the filing path.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MissionRegionSource } from '../../ingest/geo/mission-region.js';
import type { CodedNews, NewsText } from './code-articles.js';

const CACHE_DIR = join(tmpdir(), 'truceline-news-coding');
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
/** The coder's entry points: a change to them (a rebuild, an edit) changes the key. */
const CODER_FILES = ['../../ingest/code/coder', '../../ingest/geo/gazetteer', './code-articles'];

function stamp(rel: string): string {
  try {
    const s = statSync(fileURLToPath(new URL(`${rel}${ext}`, import.meta.url)));
    return `${rel}:${s.size}:${s.mtimeMs}`;
  } catch {
    return `${rel}:missing`;
  }
}

export function codingKey(doc: MissionRegionSource, texts: readonly NewsText[]): string {
  const { region, boundaries, crossings } = doc;
  return createHash('sha256')
    .update(JSON.stringify({ region, boundaries, crossings, texts, coder: CODER_FILES.map(stamp) }))
    .digest('hex');
}

export function readCoding(key: string): CodedNews[] | null {
  try {
    const v = JSON.parse(readFileSync(join(CACHE_DIR, `${key}.json`), 'utf8')) as unknown;
    return Array.isArray(v) ? (v as CodedNews[]) : null;
  } catch {
    return null;
  }
}

export function writeCoding(key: string, coded: readonly CodedNews[]): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = join(CACHE_DIR, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(coded));
    renameSync(tmp, join(CACHE_DIR, `${key}.json`));
  } catch {
    // A memo only: the next start codes again.
  }
}
