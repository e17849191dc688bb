// The map style: GeoJSON sources and background/fill/line/circle layers only, so the globe needs
// no tile server and no glyphs (labels are HTML markers). Colours are shared with the CSS.
import type { FeatureCollection, MultiLineString, Point } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { World } from './world.js';

export const COLORS = {
  space: '#070b12',
  ocean: '#0a1a2e',
  land: '#334152',
  landMission: '#56677d',
  border: '#7a8a9e',
  boundary: '#f5b841',
  boundaryHalo: '#070b12',
  crossing: '#ffffff',
  /** Incidents by family (incidents.ts): use of force, and strategic developments. */
  violence: '#ff4d5e',
  strategic: '#4fd1e8',
  incidentStroke: '#070b12',
} as const;

export interface MissionLayers {
  /** ISO numeric ids of the countries the mission's boundaries run between (highlighted). */
  countryIds: string[];
  boundaries: FeatureCollection<MultiLineString, { name: string }>;
  crossings: FeatureCollection<Point, { id: string; approximate: boolean }>;
}

export function buildStyle(world: World, mission: MissionLayers): StyleSpecification {
  const inMission: ExpressionSpecification = ['in', ['get', 'id'], ['literal', mission.countryIds]];
  return {
    version: 8,
    name: 'Truceline globe',
    projection: { type: 'globe' },
    sky: {
      'atmosphere-blend': ['interpolate', ['linear'], ['zoom'], 0, 0.55, 5, 0.35, 7, 0],
    },
    sources: {
      countries: { type: 'geojson', data: world.countries, tolerance: 0.5 },
      borders: {
        type: 'geojson',
        data: { type: 'Feature', properties: {}, geometry: world.borders },
      },
      boundaries: { type: 'geojson', data: mission.boundaries },
      crossings: { type: 'geojson', data: mission.crossings },
      // Filled by Globe.setIncidents once the list has loaded: the globe doesn't wait for it.
      incidents: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': COLORS.ocean } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: {
          'fill-color': ['case', inMission, COLORS.landMission, COLORS.land],
          'fill-antialias': true,
        },
      },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': COLORS.border, 'line-width': 0.6, 'line-opacity': 0.9 },
      },
      {
        id: 'boundary-halo',
        type: 'line',
        source: 'boundaries',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': COLORS.boundaryHalo,
          'line-width': ['interpolate', ['linear'], ['zoom'], 1, 3.5, 6, 6],
          'line-opacity': 0.55,
        },
      },
      {
        id: 'boundary',
        type: 'line',
        source: 'boundaries',
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': COLORS.boundary,
          'line-width': ['interpolate', ['linear'], ['zoom'], 1, 1.8, 6, 3],
        },
      },
      {
        // A faint glow under the HTML markers so the crossings still read when labels are hidden.
        id: 'crossing-glow',
        type: 'circle',
        source: 'crossings',
        paint: {
          'circle-color': COLORS.boundary,
          'circle-opacity': 0.18,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 1, 6, 6, 14],
          'circle-pitch-alignment': 'map',
        },
      },
      {
        // Above the line; opaque so the colour reads (and the browser test can find it).
        id: 'incidents',
        type: 'circle',
        source: 'incidents',
        paint: {
          'circle-color': [
            'match',
            ['get', 'family'],
            'violence',
            COLORS.violence,
            COLORS.strategic,
          ],
          // Grows with the dead but stays bounded (interpolate clamps past the last stop).
          // zoom must be the outer input (a maplibre rule); fatalities pick the size at each stop.
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['zoom'],
            1,
            ['interpolate', ['linear'], ['get', 'fatalities'], 0, 3.5, 25, 7],
            6,
            ['interpolate', ['linear'], ['get', 'fatalities'], 0, 7, 25, 14],
          ],
          'circle-stroke-color': COLORS.incidentStroke,
          'circle-stroke-width': 1,
          'circle-pitch-alignment': 'map',
        },
      },
    ],
  };
}
