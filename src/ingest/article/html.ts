// HTML pages: Mozilla Readability (the Firefox reader view) picks the main text, linkedom gives it a
// DOM without a browser. Metadata comes from Open Graph / article meta tags when present.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Article } from '../types.js';
import { parsePlainText, type ArticleHints } from './plain-text.js';

const BLOCKS = 'p, h1, h2, h3, h4, li, blockquote, pre';

export function parseHtml(html: string, hints: ArticleHints = {}): Article {
  const { document } = parseHTML(html);
  const meta = (sel: string): string | null =>
    document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const url =
    hints.url ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta('meta[property="og:url"]');
  const published =
    hints.published ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[name="article:published_time"]') ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="publish-date"]') ??
    meta('meta[name="publication_date"]') ??
    meta('meta[name="dc.date"]') ??
    meta('meta[name="DC.date.issued"]') ??
    jsonLdDate(document) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const outlet = hints.outlet ?? meta('meta[property="og:site_name"]');
  const standfirst =
    hints.standfirst ?? meta('meta[name="description"]') ?? meta('meta[property="og:description"]');
  // Related-link widgets carry their own headlines; collect them before Readability drops them.
  const related: string[] = [];
  for (const el of Array.from(
    document.querySelectorAll('aside a, .related a, [class*="related"] a, [class*="also-read"] a'),
  )) {
    const t = el.textContent?.trim();
    if (t) related.push(t);
  }
  let parsed: { title?: string | null; content?: string | null } | null = null;
  try {
    parsed = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    parsed = null;
  }
  const headline = hints.headline ?? meta('meta[property="og:title"]') ?? parsed?.title ?? null;
  const contentDoc = parsed?.content
    ? parseHTML(`<html><body>${parsed.content}</body></html>`).document
    : document;
  const paragraphs: string[] = [];
  for (const el of Array.from(contentDoc.querySelectorAll(BLOCKS))) {
    // Skip containers whose text is repeated by a nested block.
    if (el.querySelector(BLOCKS)) continue;
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
  }
  if (paragraphs.length === 0)
    paragraphs.push((contentDoc.body?.textContent ?? '').replace(/\s+/g, ' ').trim());
  const article = parsePlainText(paragraphs.filter((p) => p !== headline).join('\n\n'), {
    url: url ?? null,
    outlet,
    headline,
    published,
    standfirst,
  });
  article.related.push(...related.filter((r) => !article.related.includes(r)));
  return article;
}

/** schema.org NewsArticle "datePublished" from JSON-LD scripts (attacker-controlled: parsed defensively). */
function jsonLdDate(document: Document): string | null {
  for (const el of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"datePublished"\s*:\s*"([^"]{8,40})"/.exec(el.textContent ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}
