// "against posts in the provinces of Kunar, Nangarhar and Khost": one event per province of a list,
// as ACLED codes them. Only places coordinated with the chosen one, directly or along a list, and
// distinct from it: not inside it, not within 25 km, and not in the same first-level area — "shelling
// of Poonch, Rajouri and Baramulla" is one bombardment of several listed places of one province
// (testdata/news-eval/README.md: "one bombardment of several listed villages is one event").
import { distanceKm } from '../geo/distance.js';
import type { PlaceMention } from '../geo/place-mentions.js';
import type { CodedLocation } from '../types.js';
import { toLocation } from './locate.js';

export function otherPlaces(
  mentions: PlaceMention[],
  chosen: CodedLocation | null,
  text: string,
): CodedLocation[] {
  if (!chosen) return [];
  const out: CodedLocation[] = [];
  const anchor = mentions.find((m) => m.places[0]?.name === chosen.name);
  if (!anchor) return [];
  const chain: PlaceMention[] = [anchor];
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    const p = m.places[0];
    if (m === anchor || !chain.some((c) => coordinated(c, m, text))) continue;
    if (!p || m.agentive || m.origin || p.kind === 'country' || p.kind === 'line') continue;
    chain.push(m);
    const loc = toLocation(p);
    if ([chosen, ...out].some((k) => related(k, loc))) continue;
    out.push(loc);
  }
  return out;
}

function coordinated(a: PlaceMention, b: PlaceMention, text: string): boolean {
  const gap = a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
  return /^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:(?:at|in|near|on|around)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(
    gap,
  );
}

function related(a: CodedLocation, b: CodedLocation): boolean {
  if (a.name === b.name || distanceKm(a.lat, a.lon, b.lat, b.lon) <= 25) return true;
  if (a.country === b.country && a.admin1 !== null && a.admin1 === b.admin1) return true;
  const [coarse, fine] = a.geo_precision >= b.geo_precision ? [a, b] : [b, a];
  if (coarse.geo_precision < 3) return false;
  return coarse.admin2 !== null
    ? coarse.admin2 === fine.admin2
    : coarse.admin1 !== null && coarse.admin1 === fine.admin1;
}
