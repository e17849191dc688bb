// Polls configured feed URLs on an interval. Only hosts the operator lists are ever fetched: a feed
// can name any URL, and following arbitrary ones would let a feed make us reach internal services.
import { IngestError } from '../errors.js';
import type { Article } from '../types.js';
import { parseFeed } from './feed.js';

export interface FeedPollerOptions {
  urls: string[];
  allowedHosts: string[];
  intervalMs: number;
  onArticles: (articles: Article[], url: string) => void | Promise<void>;
  onError?: (err: IngestError, url: string) => void;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_FEED_INTERVAL_MS = 15 * 60 * 1000;

export function assertAllowedHost(url: string, allowedHosts: string[]): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch (cause) {
    throw new IngestError('unsupported_input', `couldn't fetch ${url}: not a URL`, { cause });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new IngestError(
      'unsupported_input',
      `couldn't fetch ${url}: only http(s) feeds are fetched`,
    );
  }
  if (!allowedHosts.map((h) => h.toLowerCase()).includes(u.hostname.toLowerCase())) {
    throw new IngestError(
      'unsupported_input',
      `couldn't fetch ${url}: host ${u.hostname} is not in the allowed list`,
    );
  }
  return u;
}

export async function fetchFeed(
  url: string,
  allowedHosts: string[],
  fetchImpl: typeof fetch = fetch,
): Promise<Article[]> {
  assertAllowedHost(url, allowedHosts);
  let res: Response;
  try {
    res = await fetchImpl(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
  } catch (cause) {
    throw new IngestError('input_not_found', `couldn't fetch ${url}: ${(cause as Error).message}`, {
      cause,
    });
  }
  if (!res.ok)
    throw new IngestError('input_not_found', `couldn't fetch ${url}: HTTP ${res.status}`);
  return parseFeed(await res.text());
}

/** Starts polling; returns a function that stops it. */
export function pollFeeds(opts: FeedPollerOptions): () => void {
  let stopped = false;
  const tick = async (): Promise<void> => {
    for (const url of opts.urls) {
      if (stopped) return;
      try {
        await opts.onArticles(await fetchFeed(url, opts.allowedHosts, opts.fetchImpl), url);
      } catch (err) {
        if (err instanceof IngestError) opts.onError?.(err, url);
        else throw err;
      }
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.intervalMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
