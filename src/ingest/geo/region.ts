// The coder's region comes from the mission document (missions are data): its countries are a
// prior for telling same-named places apart, never a filter; its boundaries are the lines that
// "the border" means; its crossings are places. With no mission the region is empty and the coder
// reads news from anywhere.
import type { MissionDoc } from '../../core/records/mission.js';

export interface RegionLine {
  name: string;
  aliases: readonly string[];
  /** The two countries (ISO alpha-2) the line divides. */
  sides: readonly [string, string];
}

export interface RegionCrossing {
  name: string;
  aliases: readonly string[];
  lat: number;
  lon: number;
}

export interface CodingRegion {
  /** Where the mission's events happen: a prior among same-named places. */
  countries: readonly string[];
  lines: readonly RegionLine[];
  crossings: readonly RegionCrossing[];
}

export const NO_REGION: CodingRegion = { countries: [], lines: [], crossings: [] };

/**
 * The region of a mission: `region.countries`, each boundary as a line between the two countries
 * it names (ISO numeric ids → alpha-2 through `numericToAlpha2`), and the crossing sites.
 */
export function regionFromMission(
  doc: Pick<MissionDoc, 'region' | 'boundaries' | 'crossings'>,
  numericToAlpha2: (id: string) => string | undefined,
): CodingRegion {
  const lines: RegionLine[] = [];
  for (const b of doc.boundaries) {
    const [x, y] = b.source.between;
    const a = numericToAlpha2(x);
    const c = numericToAlpha2(y);
    if (a && c) lines.push({ name: b.name, aliases: [], sides: [a, c] });
  }
  return {
    countries: [...doc.region.countries],
    lines,
    crossings: doc.crossings.map((c) => ({
      name: c.name,
      aliases: c.aliases,
      lat: c.lat,
      lon: c.lon,
    })),
  };
}

export function regionKey(r: CodingRegion): string {
  return JSON.stringify(r);
}
