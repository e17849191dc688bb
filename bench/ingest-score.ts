// Scores coded events against the labelled development set (testdata/ingest/dev). Events of one
// article are aligned greedily by type, then by agreement on date, country and place. Per field,
// precision = correct / predicted and recall = correct / labelled, so missed and invented events both
// count against every field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distanceKm, parseDocument, type Article, type CodedEvent } from '../src/ingest/index.js';

export interface GoldEvent {
  type: string;
  date: string | null;
  time_precision: number | null;
  location: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  actors: string[];
  fatalities: number | null;
}

export interface DevArticle {
  name: string;
  article: Article;
  gold: GoldEvent[];
}

export const DEV_DIR = new URL('../testdata/ingest/dev/', import.meta.url);
/** Held-out articles: for measuring generalisation only, never for tuning (testdata/ingest/README.md). */
export const HOLDOUT_DIR = new URL('../testdata/ingest/holdout/', import.meta.url);
export const HOLDOUT_B_DIR = new URL('../testdata/ingest/holdout-b/', import.meta.url);

export function loadDevSet(dir: URL = DEV_DIR): DevArticle[] {
  const out: DevArticle[] = [];
  const names = readdirSync(dir)
    .filter((n) => /\.(txt|html)$/.test(n))
    .sort();
  for (const name of names) {
    const path = join(dir.pathname, name);
    const article = parseDocument(readFileSync(path, 'utf8'), name)[0];
    if (!article) continue;
    const labels = JSON.parse(
      readFileSync(path.replace(/\.(txt|html)$/, '.expected.json'), 'utf8'),
    ) as { events: GoldEvent[] };
    out.push({ name, article, gold: labels.events });
  }
  return out;
}

export const FIELDS = [
  'type',
  'date',
  'country',
  'location',
  'actors',
  'fatalities',
  'type+country+date',
] as const;
export type Field = (typeof FIELDS)[number];
export interface Counts {
  correct: number;
  predicted: number;
  labelled: number;
}
export type Scores = Record<Field, Counts>;

const CIVILIAN =
  /civilian|trader|labou?rer|famil|national|returnee|refugee|resident|villager|worker|passenger|children|women|student|migrant|driver|transporter|journalist|elder/i;

function actorKey(name: string): string {
  return CIVILIAN.test(name) ? 'civilians' : name.toLowerCase();
}

function within25(g: GoldEvent, p: CodedEvent): boolean {
  if (g.lat === null || g.lon === null) return p.location === null || p.location.country === null;
  if (!p.location) return false;
  return distanceKm(g.lat, g.lon, p.location.lat, p.location.lon) <= 25;
}

function pairScore(g: GoldEvent, p: CodedEvent): number {
  return (
    (g.date === p.date ? 2 : 0) +
    (g.country === (p.location?.country ?? null) ? 1 : 0) +
    (within25(g, p) ? 1 : 0)
  );
}

export function emptyScores(): Scores {
  const s = {} as Scores;
  for (const f of FIELDS) s[f] = { correct: 0, predicted: 0, labelled: 0 };
  return s;
}

/** Adds one article's comparison to the running counts. */
export function scoreArticle(gold: GoldEvent[], pred: CodedEvent[], s: Scores): void {
  const used = new Set<number>();
  const pairs: [GoldEvent, CodedEvent][] = [];
  for (const g of gold) {
    let best = -1;
    let bestScore = -1;
    pred.forEach((p, i) => {
      if (used.has(i) || p.type !== g.type) return;
      const sc = pairScore(g, p);
      if (sc > bestScore) {
        best = i;
        bestScore = sc;
      }
    });
    const p = pred[best];
    if (best >= 0 && p) {
      used.add(best);
      pairs.push([g, p]);
    }
  }
  for (const f of ['type', 'date', 'country', 'location', 'type+country+date'] as const) {
    s[f].predicted += pred.length;
    s[f].labelled += gold.length;
  }
  s.actors.predicted += pred.reduce(
    (n, p) => n + new Set(p.actors.map((a) => actorKey(a.name))).size,
    0,
  );
  s.actors.labelled += gold.reduce((n, g) => n + new Set(g.actors.map(actorKey)).size, 0);
  s.fatalities.predicted += pred.filter((p) => p.fatalities !== null).length;
  s.fatalities.labelled += gold.filter((g) => g.fatalities !== null).length;
  for (const [g, p] of pairs) {
    const country = p.location?.country ?? null;
    s.type.correct++;
    if (g.date === p.date) s.date.correct++;
    if (g.country === country) s.country.correct++;
    if (within25(g, p)) s.location.correct++;
    if (g.date === p.date && g.country === country) s['type+country+date'].correct++;
    const pa = new Set(p.actors.map((a) => actorKey(a.name)));
    for (const a of new Set(g.actors.map(actorKey))) if (pa.has(a)) s.actors.correct++;
    if (g.fatalities !== null && p.fatalities === g.fatalities) s.fatalities.correct++;
  }
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.predicted === 0 ? (c.labelled === 0 ? 1 : 0) : c.correct / c.predicted;
  const r = c.labelled === 0 ? 1 : c.correct / c.labelled;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Micro-average over the per-field counts (type+country+date excluded: it is a summary). */
export function overall(s: Scores): Counts {
  const out: Counts = { correct: 0, predicted: 0, labelled: 0 };
  for (const f of FIELDS) {
    if (f === 'type+country+date') continue;
    out.correct += s[f].correct;
    out.predicted += s[f].predicted;
    out.labelled += s[f].labelled;
  }
  return out;
}
