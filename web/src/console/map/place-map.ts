// The filing form's map (issue 11 item 4: "a map picker for the place"): maplibre-gl with the
// portal's offline style (world-atlas countries and the mission's boundary lines as GeoJSON, no
// tile server, no glyphs; every request to another origin is refused) and one draggable marker.
// Loaded through a dynamic import from place-picker.ts, so maplibre stays in its own chunk.
import type { Feature, MultiLineString } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadWorld } from '../../world.js';

maplibregl.setWorkerUrl(workerUrl);

/** The globe's palette (web/src/style.ts), as the incident page's mini map uses it. */
const COLORS = {
  ocean: '#0a1a2e',
  land: '#334152',
  border: '#7a8a9e',
  boundary: '#f5b841',
} as const;

export interface PlaceMap {
  /** Moves the marker (and the view, when the point is outside it). */
  setPoint(p: { lon: number; lat: number } | null): void;
  remove(): void;
}

export interface PlaceMapOptions {
  center: [number, number];
  zoom: number;
  boundaries: { name: string; geometry?: { type: string; coordinates: unknown } }[];
  label: string;
  /** The user put the marker somewhere (click or drag). */
  onPick(p: { lon: number; lat: number }): void;
  onReady(): void;
}

export function createPlaceMap(container: HTMLElement, o: PlaceMapOptions): PlaceMap {
  const world = loadWorld();
  const lines: Feature<MultiLineString, { name: string }>[] = [];
  for (const b of o.boundaries)
    if (b.geometry?.type === 'MultiLineString')
      lines.push({
        type: 'Feature',
        properties: { name: b.name },
        geometry: b.geometry as MultiLineString,
      });
  const map = new maplibregl.Map({
    container,
    center: o.center,
    zoom: o.zoom,
    minZoom: 2,
    maxZoom: 12,
    attributionControl: false,
    renderWorldCopies: false,
    transformRequest: (url) => {
      if (new URL(url, location.href).origin !== location.origin)
        throw new Error(`blocked request to another origin: ${url}`);
      return { url };
    },
    locale: { 'Map.Title': o.label },
    style: {
      version: 8,
      name: 'Truceline place picker',
      sources: {
        countries: { type: 'geojson', data: world.countries, tolerance: 0.3 },
        borders: {
          type: 'geojson',
          data: { type: 'Feature', properties: {}, geometry: world.borders },
        },
        boundaries: { type: 'geojson', data: { type: 'FeatureCollection', features: lines } },
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
      ],
    },
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  const marker = new maplibregl.Marker({ draggable: true, color: '#ff4d5e' });
  marker.getElement().dataset.placeMarker = '';
  let shown = false;
  const put = (p: { lon: number; lat: number }) => {
    marker.setLngLat([p.lon, p.lat]);
    if (!shown) marker.addTo(map);
    shown = true;
    container.dataset.marker = `${p.lat},${p.lon}`;
  };
  map.on('click', (e) => {
    const p = { lon: e.lngLat.lng, lat: e.lngLat.lat };
    put(p);
    o.onPick(p);
  });
  marker.on('dragend', () => {
    const ll = marker.getLngLat();
    const p = { lon: ll.lng, lat: ll.lat };
    container.dataset.marker = `${p.lat},${p.lon}`;
    o.onPick(p);
  });
  const whenDrawn = () => {
    if (map.loaded() && map.areTilesLoaded()) o.onReady();
    else map.once('idle', whenDrawn);
  };
  map.once('load', () => map.once('idle', whenDrawn));
  return {
    setPoint(p) {
      if (!p) {
        marker.remove();
        shown = false;
        delete container.dataset.marker;
        return;
      }
      put(p);
      if (!map.getBounds().contains([p.lon, p.lat])) map.jumpTo({ center: [p.lon, p.lat] });
    },
    remove: () => map.remove(),
  };
}
