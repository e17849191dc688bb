// Machine-coded news events: the `article` entries of the mission's public log (articles are public
// at filing, src/core/sealing/disclosure-schema.ts), read from its entry bundles
// (c2sp.org/tlog-tiles) only when the reader turns the layer on. They are software's reading of the
// news, not findings: the page draws them as hollow grey rings and lists them in their own section,
// labelled unverified, never mixed with the released incidents. Headlines are attacker-controlled
// text: rendered with textContent only.
import type { FeatureCollection, Point } from 'geojson';
import { decodeEntryBundle, entryBundlePath, TILE_WIDTH } from '../../../../src/tlog/tiles.js';

export interface NewsEvent {
  id: string;
  headline: string;
  outlet: string | null;
  published: string | null;
  type: string;
  date: string | null;
  place: string | null;
  lat: number;
  lon: number;
  confidence: number;
  /** Log index of the article entry. */
  index: number;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The events of one article entry that carry a place on the map. */
function eventsOf(entry: unknown, index: number): NewsEvent[] {
  if (!isObject(entry) || entry.kind !== 'article' || !isObject(entry.body)) return [];
  const b = entry.body;
  if (!Array.isArray(b.events)) return [];
  const headline = typeof b.headline === 'string' ? b.headline : '';
  return b.events.flatMap((e, n): NewsEvent[] => {
    if (!isObject(e) || !isObject(e.location) || typeof e.type !== 'string') return [];
    const { lat, lon } = e.location;
    if (typeof lat !== 'number' || typeof lon !== 'number') return [];
    return [
      {
        id: `${String(entry.id)}#${n}`,
        headline,
        outlet: typeof b.outlet === 'string' ? b.outlet : null,
        published: typeof b.published === 'string' ? b.published : null,
        type: e.type,
        date: typeof e.date === 'string' ? e.date : null,
        place: typeof e.location.name === 'string' ? e.location.name : null,
        lat,
        lon,
        confidence: typeof e.confidence === 'number' ? e.confidence : 0,
        index,
      },
    ];
  });
}

/** Reads every entry bundle of the log up to its current size and keeps the coded events. */
export async function loadNews(slug: string, signal?: AbortSignal): Promise<NewsEvent[]> {
  const res = await fetch(`/api/v1/missions/${encodeURIComponent(slug)}/log`, { signal });
  if (!res.ok) throw new Error(`couldn't read the log's size: HTTP ${res.status}`);
  const status = (await res.json()) as { size?: unknown; prefix?: unknown };
  const size = typeof status.size === 'number' ? status.size : 0;
  const prefix = typeof status.prefix === 'string' ? status.prefix : `/log/${slug}/`;
  const decoder = new TextDecoder();
  const out: NewsEvent[] = [];
  for (let tile = 0; tile * TILE_WIDTH < size; tile++) {
    const width = Math.min(TILE_WIDTH, size - tile * TILE_WIDTH);
    const r = await fetch(`${prefix}${entryBundlePath(tile, width)}`, { signal });
    if (!r.ok) throw new Error(`couldn't read entry bundle ${tile}: HTTP ${r.status}`);
    const entries = decodeEntryBundle(new Uint8Array(await r.arrayBuffer()), width);
    entries.forEach((bytes, n) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoder.decode(bytes));
      } catch {
        return; // not JSON: not an article (the verifier pages say what is wrong with it)
      }
      out.push(...eventsOf(parsed, tile * TILE_WIDTH + n));
    });
  }
  return out;
}

export function newsFeatures(
  events: readonly NewsEvent[],
): FeatureCollection<Point, { id: string }> {
  return {
    type: 'FeatureCollection',
    features: events.map((e) => ({
      type: 'Feature',
      properties: { id: e.id },
      geometry: { type: 'Point', coordinates: [e.lon, e.lat] },
    })),
  };
}
