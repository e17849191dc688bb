// The world's countries for the globe, from world-atlas 110m (Natural Earth, public domain),
// bundled with the page so the map needs no tile server. 110m keeps software rendering fast;
// the mission's own boundary lines come from the server at finer resolution.
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

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

export function loadWorld(): World {
  const fc = feature(topology, topology.objects.countries);
  return {
    countries: {
      type: 'FeatureCollection',
      features: fc.features.map((f) => ({
        type: 'Feature',
        properties: { id: String(f.id ?? ''), name: f.properties?.name ?? '' },
        geometry: f.geometry as Polygon | MultiPolygon,
      })),
    },
    borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
  };
}
