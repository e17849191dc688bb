// RSS 2.0 (https://www.rssboard.org/rss-specification) and Atom (RFC 4287) feeds: one article per
// item/entry. The text is the item's content:encoded / content, else its description / summary.
import { XMLParser } from 'fast-xml-parser';
import { IngestError } from '../errors.js';
import type { Article } from '../types.js';
import { parseHtml } from './html.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  processEntities: true,
  htmlEntities: true,
});

type Node = Record<string, unknown>;

export function isFeed(text: string): boolean {
  const head = text.slice(0, 2000);
  return /<rss[\s>]/i.test(head) || /<feed[\s>]/i.test(head) || /<rdf:RDF[\s>]/i.test(head);
}

export function parseFeed(xml: string): Article[] {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (cause) {
    throw new IngestError('bad_feed', `couldn't parse feed: ${(cause as Error).message}`, {
      cause,
    });
  }
  const rss = doc.rss as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss || rdf) {
    const channel = (rss?.channel ?? rdf?.channel ?? {}) as Node;
    const outlet = text(channel.title);
    const items = list(rss ? channel.item : rdf?.item);
    return items.map((item) =>
      toArticle({
        url: text(item.link) ?? text(item.guid),
        headline: text(item.title),
        published: text(item.pubDate) ?? text(item['dc:date']),
        html: text(item['content:encoded']) ?? text(item.description) ?? '',
        outlet,
      }),
    );
  }
  if (atom) {
    const outlet = text(atom.title);
    return list(atom.entry).map((entry) => {
      const links = list(entry.link);
      const alt =
        links.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate') ?? links[0];
      return toArticle({
        url: alt ? text(alt['@href']) : null,
        headline: text(entry.title),
        published: text(entry.published) ?? text(entry.updated),
        html: text(entry.content) ?? text(entry.summary) ?? '',
        outlet,
      });
    });
  }
  throw new IngestError(
    'bad_feed',
    "couldn't parse feed: no <rss>, <rdf:RDF> or <feed> root element",
  );
}

function toArticle(x: {
  url: string | null;
  headline: string | null;
  published: string | null;
  html: string;
  outlet: string | null;
}): Article {
  const html = /<[a-z][\s\S]*>/i.test(x.html) ? x.html : `<p>${escapeHtml(x.html)}</p>`;
  return parseHtml(`<html><body><article>${html}</article></body></html>`, {
    url: x.url,
    headline: x.headline,
    published: x.published,
    outlet: x.outlet,
  });
}

function list(v: unknown): Node[] {
  if (v == null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Node => typeof x === 'object' && x !== null);
}

function text(v: unknown): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
