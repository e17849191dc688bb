// Which of a mission's sectors (src/core/records/mission.ts `SectorSchema`, GeoJSON polygons) holds
// an incident's point: the even-odd rule over every ring (RFC 7946 §3.1.6: the first ring of a
// polygon is its outline, the others holes, so a point in a hole is outside). Planar on lon/lat,
// which is exact enough for sectors tens of kilometres across; a point on no sector counts as
// OUTSIDE_SECTORS, so the per-sector counts always add up to the total.
import type { Sector } from '../../core/records/mission.js';

export const OUTSIDE_SECTORS = '(outside the sectors)';

type Ring = readonly (readonly [number, number])[];

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, rings: readonly Ring[]): boolean {
  const [outline, ...holes] = rings;
  return !!outline && inRing(lon, lat, outline) && !holes.some((h) => inRing(lon, lat, h));
}

export function sectorHolding(
  sectors: readonly Sector[],
  lon: number | null | undefined,
  lat: number | null | undefined,
): Sector | undefined {
  if (typeof lon !== 'number' || typeof lat !== 'number') return undefined;
  return sectors.find((s) =>
    s.area.type === 'Polygon'
      ? inPolygon(lon, lat, s.area.coordinates)
      : s.area.coordinates.some((p) => inPolygon(lon, lat, p)),
  );
}

/** The sector name an incident counts under (OUTSIDE_SECTORS when none holds it). */
export function sectorName(
  sectors: readonly Sector[],
  location: { lon?: number | null; lat?: number | null },
): string {
  return sectorHolding(sectors, location.lon, location.lat)?.name ?? OUTSIDE_SECTORS;
}
