// The server's news coding: short texts (with what the desk knows of their source) → the bodies of
// signed `article` entries (core ArticleBodySchema), coded by the ingest coder with the mission's
// own document as its region (codingGazetteer(doc), src/ingest/geo/mission-region.ts): the
// mission's countries are the prior among same-named places, its boundaries what "the border"
// means. Pure computation; signing and filing are file-articles.ts's job.
import { z } from 'zod';
import {
  articleBody,
  codeArticle,
  codingGazetteer,
  parsePlainText,
  type ArticleBody,
  type Gazetteer,
} from '../../ingest/index.js';
import type { MissionRegionSource } from '../../ingest/geo/mission-region.js';

/** One news text as the desk holds it; the text itself is not logged, only its SHA-256. */
export const NewsTextSchema = z.strictObject({
  url: z.string().max(2000).nullable().default(null),
  outlet: z.string().min(1).max(200).nullable().default(null),
  headline: z.string().min(1).max(1000),
  published: z.iso.date(),
  text: z.string().min(20).max(50_000),
});
export type NewsText = z.infer<typeof NewsTextSchema>;

export interface CodedNews {
  source: NewsText;
  body: ArticleBody;
}

export function codeNewsTexts(
  doc: MissionRegionSource,
  texts: readonly NewsText[],
  gazetteer: Gazetteer = codingGazetteer(doc),
): CodedNews[] {
  return texts.map((source) => {
    const article = parsePlainText(source.text, {
      url: source.url,
      outlet: source.outlet,
      headline: source.headline,
      published: source.published,
    });
    const events = codeArticle(article, { gazetteer: gazetteer.forArticle(article) });
    return { source, body: articleBody(article, events) };
  });
}
