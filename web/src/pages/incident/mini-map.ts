// The incident page's small map: maplibre-gl (loaded through a dynamic import, so it stays in its
// own chunk) with the offline style of the globe (world-atlas countries, no tile server, no glyphs),
// the mission's boundary lines and one point where the incident happened. A flat projection at
// regional zoom: the globe is the landing's; here the reader wants the place.
import type { Feature, MultiLineString } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { ApiMission } from '../../api.js';
import { loadWorld } from '../../world.js';

maplibregl.setWorkerUrl(workerUrl);

/** The globe's palette (web/src/style.ts at the time of writing), kept here so the page stands alone. */
const COLORS = {
  ocean: '#0a1a2e',
  land: '#334152',
  border: '#7a8a9e',
  boundary: '#f5b841',
  incident: '#ff4d5e',
  incidentStroke: '#070b12',
} as const;

/** Credit for the map data, shown by the page under the map (no attribution overlay on 240 px). */
export const MAP_CREDIT = 'Natural Earth via the world-atlas npm package (public domain)';

export interface MiniMap {
  map: maplibregl.Map;
}

export function createMiniMap(
  container: HTMLElement,
  mission: ApiMission | null,
  point: { lon: number; lat: number },
  label: string,
  onReady: () => void,
): MiniMap {
  const world = loadWorld();
  const boundaries: Feature<MultiLineString, { name: string }>[] = [];
  for (const b of mission?.boundaries ?? [])
    if (b.geometry?.type === 'MultiLineString')
      boundaries.push({ type: 'Feature', properties: { name: b.name }, geometry: b.geometry });
  const map = new maplibregl.Map({
    container,
    center: [point.lon, point.lat],
    zoom: 6,
    minZoom: 2,
    maxZoom: 11,
    attributionControl: false,
    renderWorldCopies: false,
    cooperativeGestures: true,
    transformRequest: (url) => {
      if (new URL(url, location.href).origin !== location.origin)
        throw new Error(`blocked request to another origin: ${url}`);
      return { url };
    },
    locale: { 'Map.Title': label },
    style: {
      version: 8,
      name: 'Truceline incident',
      sources: {
        countries: { type: 'geojson', data: world.countries, tolerance: 0.3 },
        borders: {
          type: 'geojson',
          data: { type: 'Feature', properties: {}, geometry: world.borders },
        },
        boundaries: { type: 'geojson', data: { type: 'FeatureCollection', features: boundaries } },
        incident: {
          type: 'geojson',
          data: {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
          },
        },
      },
      layers: [
        { id: 'ocean', type: 'background', paint: { 'background-color': COLORS.ocean } },
        { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': COLORS.land } },
        {
          id: 'borders',
          type: 'line',
          source: 'borders',
          paint: { 'line-color': COLORS.border, 'line-width': 0.8 },
        },
        {
          id: 'boundary',
          type: 'line',
          source: 'boundaries',
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': COLORS.boundary, 'line-width': 2.5 },
        },
        {
          id: 'incident',
          type: 'circle',
          source: 'incident',
          paint: {
            'circle-color': COLORS.incident,
            'circle-radius': 8,
            'circle-stroke-color': COLORS.incidentStroke,
            'circle-stroke-width': 2,
          },
        },
      ],
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  // Ready once every source's tiles are in (the first idle can come before the countries' tiles).
  const whenDrawn = () => {
    if (map.loaded() && map.areTilesLoaded()) onReady();
    else map.once('idle', whenDrawn);
  };
  map.once('load', () => map.once('idle', whenDrawn));
  return { map };
}
