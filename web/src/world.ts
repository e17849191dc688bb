// The world's countries for the globe, from world-atlas 110m (Natural Earth, public domain),
// bundled with the page so the map needs no tile server. 110m keeps software rendering fast;
// the mission's own boundary lines come from the server at finer resolution.
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

type CountryProps = { name: string };
type Countries = Topology<{
  countries: GeometryCollection<CountryProps>;
  land: GeometryCollection;
}>;

const topology = countries110m as unknown as Countries;

export interface World {
  /** Country polygons; each feature's `id` is the ISO 3166-1 numeric code ("004", "586"). */
  countries: FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;
  /** Land borders between countries, drawn once each (coastlines are the fills' edges). */
  borders: MultiLineString;
}

/**
 * world-atlas 2 stitches polygons across the antimeridian (it targets d3-geo's spherical
 * geometry), but maplibre reads rings as planar: a ring that jumps from 180° to -180° becomes a
 * band around the world. Make each ring's longitudes continuous (values past ±180 are fine: the
 * GeoJSON tiler wraps them), and close a ring that circles a pole (Antarctica) through the pole.
 */
export function planarRing(ring: Position[]): Position[] {
  const first = ring[0];
  if (!first) return ring;
  const out: Position[] = [[first[0]!, first[1]!]];
  let offset = 0;
  for (let i = 1; i < ring.length; i++) {
    const [lon, lat] = ring[i] as [number, number];
    const prev = out[out.length - 1]![0]!;
    const d = lon + offset - prev;
    if (d > 180) offset -= 360;
    else if (d < -180) offset += 360;
    out.push([lon + offset, lat]);
  }
  const last = out[out.length - 1]!;
  if (Math.abs(last[0]! - first[0]!) > 180) {
    const meanLat = out.reduce((sum, p) => sum + p[1]!, 0) / out.length;
    const pole = meanLat < 0 ? -90 : 90;
    out.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
  }
  return out;
}

function planar(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(planarRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(planarRing)) };
}

export function loadWorld(): World {
  const fc = feature(topology, topology.objects.countries);
  return {
    countries: {
      type: 'FeatureCollection',
      features: fc.features.map((f) => ({
        type: 'Feature',
        properties: { id: String(f.id ?? ''), name: f.properties?.name ?? '' },
        geometry: planar(f.geometry as Polygon | MultiPolygon),
      })),
    },
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
}
