// The body of a signed `article` log entry (core ArticleBodySchema) for one coded article: its
// metadata, the SHA-256 of its text (the text itself may be copyrighted), and the coded events in
// core's CodedEventSchema shape. Pure: signing and posting are the CLI's job.
import { ArticleBodySchema } from '../../core/records/article.js';
import type { z } from 'zod';
import { IngestError } from '../errors.js';
import type { Article, CodedEvent } from '../types.js';

export type ArticleBody = z.infer<typeof ArticleBodySchema>;

const MAX_EVENTS = 200;
const MAX_SENTENCE = 5000;
const MAX_HEADLINE = 1000;
// A log entry is at most 65,535 bytes (docs/architecture.md "The log"); leave room for the envelope around the body.
export const MAX_BODY_BYTES = 60_000;
const SHORT_SENTENCE = 300;

/** Who stated a figure when the article gives it as fact: the article itself. */
export const FACT_SOURCE = 'article';

/**
 * The article's link as the log keeps it: an absolute http(s) URL, or null. An article's `url` is
 * attacker-controlled and readers follow the link: "javascript:alert(1)", "data:" and relative paths
 * are never kept (issue 13, item 5).
 */
export function safeLink(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const href = parsed.href;
  return href.length <= 2000 ? href : null;
}

/** Builds and validates the entry body; throws IngestError('bad_entry') when it cannot be valid. */
export function articleBody(article: Article, events: CodedEvent[]): ArticleBody {
  const url = safeLink(article.url);
  const headline = (
    article.headline ??
    article.standfirst ??
    url ??
    article.body.split(/(?<=[.!?])\s/)[0] ??
    ''
  )
    .trim()
    .slice(0, MAX_HEADLINE);
  const body = {
    url,
    outlet: article.outlet ? article.outlet.slice(0, 200) : null,
    headline: headline || '(untitled)',
    published: article.published,
    contentSha256: article.contentHash,
    events: events.slice(0, MAX_EVENTS).map((e) => ({
      type: e.type,
      date: e.date,
      // The log's schema has no "unknown" precision: an undated event is at best known to the month.
      time_precision: e.time_precision ?? 3,
      location: e.location,
      actors: e.actors.slice(0, 20),
      fatalities: e.fatalities,
      fatality_claims: e.fatality_claims
        .slice(0, 20)
        .map((c) => ({ source: (c.source ?? FACT_SOURCE).slice(0, 200), count: c.count })),
      evidence: {
        sentence: e.evidence.sentence.slice(0, MAX_SENTENCE),
        start: e.evidence.start,
        end: e.evidence.end,
      },
      confidence: e.confidence,
    })),
  };
  // Too big for one entry: shorten the evidence first, then drop the least confident events.
  const size = (): number => Buffer.byteLength(JSON.stringify(body));
  if (size() > MAX_BODY_BYTES) {
    for (const e of body.events) e.evidence.sentence = e.evidence.sentence.slice(0, SHORT_SENTENCE);
    if (size() > MAX_BODY_BYTES) {
      body.events.sort((a, b) => b.confidence - a.confidence);
      while (body.events.length > 0 && size() > MAX_BODY_BYTES) body.events.pop();
      body.events.sort((a, b) => a.evidence.start - b.evidence.start);
    }
  }
  const parsed = ArticleBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IngestError(
      'bad_entry',
      `couldn't build the article entry for ${article.url ?? headline}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
