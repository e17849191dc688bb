// Scores the coder on real published articles (testdata/news-eval, issue 13 "How to measure"). The
// labels and URLs are in the repository; the articles' texts are not (they are other people's prose):
// they are read from a cache outside the checkout, and an article whose text is absent is skipped with
// the reason printed. Events are matched one-to-one on (type, date, country); bombings of any kind
// (IED, suicide bomb, grenade) count as one type, as the labels' conventions say.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeArticle, parsePlainText, type Article, type CodedEvent } from '../src/ingest/index.js';
import type { Gazetteer } from '../src/ingest/geo/gazetteer.js';

export interface NewsEvalEvent {
  type: string;
  date: string | null;
  country: string | null;
  fatalities: number | null;
  place?: string;
  note?: string;
}

export interface NewsEvalArticle {
  id: string;
  /** dev: looked at while improving the coder; heldout and heldout2: only ever scored. */
  split: 'dev' | 'heldout' | 'heldout2';
  conflict: string;
  url: string;
  outlet: string;
  published: string;
  published_basis: string;
  events: NewsEvalEvent[];
}

export const LABELS_FILE = new URL('../testdata/news-eval/labels.jsonl', import.meta.url);
/** Beside the checkout, never inside it; NEWS_EVAL_CACHE overrides. */
export const DEFAULT_CACHE = new URL('../../cache/news-eval/', import.meta.url);

export function cacheDir(): string {
  return process.env.NEWS_EVAL_CACHE ?? fileURLToPath(DEFAULT_CACHE);
}

export function loadLabels(file: URL = LABELS_FILE): NewsEvalArticle[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l, i) => {
      const a = JSON.parse(l) as NewsEvalArticle;
      if (!a.id || !Array.isArray(a.events))
        throw new Error(`${file.pathname}:${i + 1}: a label line needs "id" and "events"`);
      return a;
    });
}

export interface LoadedArticle {
  label: NewsEvalArticle;
  text: string;
}

/** The labelled articles whose cached text is present, and the reasons the others were skipped. */
export function loadCached(
  labels: NewsEvalArticle[],
  dir = cacheDir(),
): { loaded: LoadedArticle[]; skipped: string[] } {
  const loaded: LoadedArticle[] = [];
  const skipped: string[] = [];
  for (const label of labels) {
    const path = `${dir.replace(/\/$/, '')}/${label.id}.txt`;
    if (!existsSync(path)) {
      skipped.push(
        `${label.id}: no cached text at ${path} (save ${label.url} there as plain text)`,
      );
      continue;
    }
    loaded.push({ label, text: readFileSync(path, 'utf8') });
  }
  return { loaded, skipped };
}

/** The cached text read as the plain-text reader reads any saved article. */
export function parseArticle(a: LoadedArticle): Article {
  return parsePlainText(a.text, { url: a.label.url, published: a.label.published });
}

export function codeCached(a: LoadedArticle, gazetteer?: Gazetteer): CodedEvent[] {
  return codeArticle(parseArticle(a), gazetteer ? { gazetteer } : {});
}

const BOMBINGS = new Set(['ied', 'suicide_bomb', 'grenade']);
export function typeClass(t: string): string {
  return BOMBINGS.has(t) ? 'bombing' : t;
}

export const MATCH_FIELDS = ['type', 'type+date', 'type+country', 'type+date+country'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

interface Keyed {
  type: string;
  date: string | null;
  country: string | null;
}

function key(e: Keyed, field: MatchField): string {
  const t = typeClass(e.type);
  switch (field) {
    case 'type':
      return t;
    case 'type+date':
      return `${t}|${e.date ?? '-'}`;
    case 'type+country':
      return `${t}|${e.country ?? '-'}`;
    case 'type+date+country':
      return `${t}|${e.date ?? '-'}|${e.country ?? '-'}`;
  }
}

/**
 * One-to-one matching on exact keys: the largest matching pairs min(gold, predicted) events of each
 * key. Returns, per predicted event, whether it was matched (first predictions of a key first).
 */
export function matchOneToOne(gold: Keyed[], pred: Keyed[], field: MatchField): boolean[] {
  const left = new Map<string, number>();
  for (const g of gold) left.set(key(g, field), (left.get(key(g, field)) ?? 0) + 1);
  return pred.map((p) => {
    const k = key(p, field);
    const n = left.get(k) ?? 0;
    if (n === 0) return false;
    left.set(k, n - 1);
    return true;
  });
}

export interface Counts {
  correct: number;
  predicted: number;
  labelled: number;
}

export interface EvalResult {
  articles: number;
  fields: Record<MatchField, Counts>;
  /** type+date+country per labelled type class. */
  perType: Map<string, Counts>;
  fatalities: Counts;
  /** Per predicted event: its confidence and whether it matched on type+date+country. */
  scored: { confidence: number; correct: boolean; type: string }[];
  perArticle: { id: string; gold: NewsEvalEvent[]; pred: CodedEvent[]; correct: boolean[] }[];
}

function emptyCounts(): Counts {
  return { correct: 0, predicted: 0, labelled: 0 };
}

export function evaluate(set: LoadedArticle[], gazetteer?: Gazetteer): EvalResult {
  const fields = Object.fromEntries(MATCH_FIELDS.map((f) => [f, emptyCounts()])) as Record<
    MatchField,
    Counts
  >;
  const perType = new Map<string, Counts>();
  const typeCounts = (t: string): Counts => {
    let c = perType.get(t);
    if (!c) perType.set(t, (c = emptyCounts()));
    return c;
  };
  const fatalities = emptyCounts();
  const scored: EvalResult['scored'] = [];
  const perArticle: EvalResult['perArticle'] = [];
  for (const a of set) {
    const gold = a.label.events;
    const pred = codeCached(a, gazetteer);
    const keyed = pred.map((p) => ({
      type: p.type,
      date: p.date,
      country: p.location?.country ?? null,
      fatalities: p.fatalities,
    }));
    for (const f of MATCH_FIELDS) {
      const m = matchOneToOne(gold, keyed, f);
      fields[f].predicted += pred.length;
      fields[f].labelled += gold.length;
      fields[f].correct += m.filter(Boolean).length;
    }
    const full = matchOneToOne(gold, keyed, 'type+date+country');
    for (const g of gold) typeCounts(typeClass(g.type)).labelled++;
    keyed.forEach((p, i) => {
      const c = typeCounts(typeClass(p.type));
      c.predicted++;
      if (full[i]) c.correct++;
      scored.push({
        confidence: pred[i]?.confidence ?? 0,
        correct: full[i] ?? false,
        type: p.type,
      });
    });
    // Figures: a matched pair agrees on the toll (null = no figure on both sides counts for nothing).
    fatalities.labelled += gold.filter((g) => g.fatalities !== null).length;
    fatalities.predicted += keyed.filter((p) => p.fatalities !== null).length;
    const goldLeft = [...gold];
    keyed.forEach((p, i) => {
      if (!full[i]) return;
      const j = goldLeft.findIndex(
        (g) =>
          key(g, 'type+date+country') === key(p, 'type+date+country') &&
          g.fatalities !== null &&
          g.fatalities === p.fatalities,
      );
      if (j >= 0) {
        fatalities.correct++;
        goldLeft.splice(j, 1);
      }
    });
    perArticle.push({ id: a.label.id, gold, pred, correct: full });
  }
  return { articles: set.length, fields, perType, fatalities, scored, perArticle };
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.predicted === 0 ? (c.labelled === 0 ? 1 : 0) : c.correct / c.predicted;
  const r = c.labelled === 0 ? 1 : c.correct / c.labelled;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export interface CalibrationRow {
  from: number;
  to: number;
  events: number;
  meanConfidence: number;
  correct: number;
}

/** Bins predicted events by confidence (width 0.1) with the share of them that were right. */
export function calibrationTable(scored: EvalResult['scored'], width = 0.1): CalibrationRow[] {
  const rows: CalibrationRow[] = [];
  for (let from = 0; from < 1 - 1e-9; from += width) {
    const to = from + width;
    const inBin = scored.filter(
      (s) => s.confidence >= from - 1e-9 && (s.confidence < to - 1e-9 || to >= 1 - 1e-9),
    );
    rows.push({
      from,
      to,
      events: inBin.length,
      meanConfidence: inBin.reduce((n, s) => n + s.confidence, 0) / Math.max(1, inBin.length),
      correct: inBin.filter((s) => s.correct).length,
    });
  }
  return rows;
}

/** Expected calibration error: the event-weighted gap between confidence and accuracy per bin. */
export function expectedCalibrationError(rows: CalibrationRow[]): number {
  const n = rows.reduce((s, r) => s + r.events, 0);
  if (n === 0) return 0;
  return rows.reduce(
    (s, r) => s + (r.events / n) * Math.abs(r.meanConfidence - r.correct / Math.max(1, r.events)),
    0,
  );
}
