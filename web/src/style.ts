// The map style: GeoJSON sources and background/fill/line/circle layers only, so the globe needs
// no tile server and no glyphs (labels are HTML markers). Colours are shared with the CSS.
import type { FeatureCollection, MultiLineString, Point } from 'geojson';
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { FAMILIES, FAMILY_COLORS } from './families.js';
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
  /** Incidents by event family (families.ts, Okabe–Ito). */
  ...FAMILY_COLORS,
  incidentStroke: '#070b12',
  cluster: '#e8edf4',
  selected: '#ffffff',
  /** Machine-coded news events: hollow grey rings, never a family colour (they are not findings). */
  news: '#c9d3df',
} as const;

/** Points closer than this many pixels merge into a cluster up to CLUSTER_MAX_ZOOM. */
export const CLUSTER_RADIUS = 36;
/** Past this zoom every incident is its own point. GeoJSON tiles are cut at whole zooms, so the
 * fly-to zoom (6.5, drawn from z6 tiles) must be past it by a whole zoom. */
export const CLUSTER_MAX_ZOOM = 5;

const familyColor: ExpressionSpecification = [
  'match',
  ['get', 'family'],
  ...FAMILIES.flatMap((f) => [f, FAMILY_COLORS[f]]),
  FAMILY_COLORS.strategic,
] as unknown as ExpressionSpecification;

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
      incidents: {
        type: 'geojson',
        data: { type: 'FeatureCollection', features: [] },
        cluster: true,
        clusterRadius: CLUSTER_RADIUS,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
      },
      // The mission view's machine-coded news layer (off until the reader asks for it).
      news: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
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
        // Several incidents too close to tell apart at this zoom: neutral (a cluster may mix
        // families), sized by how many; a click zooms in until they separate.
        id: 'incident-clusters',
        type: 'circle',
        source: 'incidents',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': COLORS.cluster,
          'circle-opacity': 0.85,
          'circle-radius': [
            'interpolate',
            ['linear'],
            ['get', 'point_count'],
            2,
            8,
            50,
            16,
            500,
            24,
          ],
          'circle-stroke-color': COLORS.incidentStroke,
          'circle-stroke-width': 2,
          'circle-pitch-alignment': 'map',
        },
      },
      {
        // Above the line; opaque so the colour reads (and the browser test can find it).
        id: 'incidents',
        type: 'circle',
        source: 'incidents',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': familyColor,
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
      {
        // A white ring around the incident selected in the list (filter set by the page).
        id: 'incident-selected',
        type: 'circle',
        source: 'incidents',
        filter: ['==', ['get', 'id'], ''],
        paint: {
          'circle-color': 'rgba(0,0,0,0)',
          'circle-radius': 12,
          'circle-stroke-color': COLORS.selected,
          'circle-stroke-width': 2.5,
          'circle-pitch-alignment': 'map',
        },
      },
      {
        // News events: hollow rings in grey, apart from the findings' filled family colours.
        id: 'news',
        type: 'circle',
        source: 'news',
        layout: { visibility: 'none' },
        paint: {
          'circle-color': 'rgba(0,0,0,0)',
          'circle-radius': 6,
          'circle-stroke-color': COLORS.news,
          'circle-stroke-width': 2,
          'circle-pitch-alignment': 'map',
        },
      },
    ],
  };
}
