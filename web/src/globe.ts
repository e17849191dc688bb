// The rotating globe: maplibre-gl in globe projection with an offline style (see style.ts), the
// mission's boundary lines, its border crossings as HTML markers coloured by status (labels need no
// glyphs), every mission as a marker, and the released incidents clustered by proximity.
// This module is only ever loaded with import(): maplibre is its own chunk, off the landing's
// critical path (issue 10 item 7).
import type { Feature, FeatureCollection, MultiLineString, Point, Position } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is a module file shipped beside maplibre's main module; Vite copies it as an asset.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { ApiMission } from './api.js';
import { crossingState, type CrossingState } from './families.js';
import { t } from './i18n/index.js';
import type { IncidentProps } from './incidents.js';
import { Spinner, type SpinState } from './spin.js';
import { buildStyle, type MissionLayers } from './style.js';
import { loadWorld } from './world.js';

maplibregl.setWorkerUrl(workerUrl);

type Crossing = ApiMission['crossings'][number];

export interface Globe {
  map: maplibregl.Map;
  spinner: Spinner;
  focusCrossing(id: string): void;
  showRegion(): void;
  /** Replaces the incident points (the style starts with none). */
  setIncidents(data: FeatureCollection<Point, IncidentProps>): void;
  /** Flies to an incident point and pauses rotation, as a crossing does. */
  focusIncident(id: string): void;
  /** Rings one incident (the list's current row), or none. */
  highlightIncident(id: string | null): void;
  /** Colours each crossing marker by its current status (crossing id → status). */
  setCrossingStatus(status: ReadonlyMap<string, string | null>): void;
  /** The machine-coded news layer: its points, and whether it is shown. */
  setNews(data: FeatureCollection<Point, { id: string }>, visible: boolean): void;
  /** Flies to a mission's region. */
  flyToMission(m: Pick<ApiMission, 'region'>): void;
  /** West, south, east, north of what the map shows (clamped to ±180/±90). */
  bounds(): [number, number, number, number];
  destroy(): void;
}

/** A mission marker on the landing: where its region is centred. */
export interface MissionMarker {
  slug: string;
  name: string;
  region: ApiMission['region'];
}

export interface GlobeOptions {
  container: HTMLElement;
  mission: ApiMission;
  onSelectCrossing?: (id: string) => void;
  onSelectIncident?: (id: string) => void;
  onSpinChange?: (state: SpinState) => void;
  onReady?: () => void;
  /** Every mission, as a marker that flies to it (the landing). */
  missions?: readonly MissionMarker[];
  onSelectMission?: (slug: string) => void;
  /** Turn by itself (the landing); the mission view holds still. Default true. */
  spin?: boolean;
  /** Start over the mission's region instead of the whole world (the mission view). */
  startAtRegion?: boolean;
  /** Start at this view (a shared mission-view URL), over startAtRegion. */
  startAt?: { center: [number, number]; zoom: number };
  /** Called after every pan or zoom settles. */
  onMoveEnd?: () => void;
  /** The canvas's accessible description (an element id). */
  describedBy?: string;
}

/** Zoom at which the whole globe fits the smaller side of the container, with a margin. */
function worldZoom(box: HTMLElement): number {
  const side = Math.max(200, Math.min(box.clientWidth, box.clientHeight));
  // At zoom z the globe's radius is 512·2^z / 2π pixels.
  return Math.log2((side * 0.4 * 2 * Math.PI) / 512);
}

function missionLayers(m: ApiMission): MissionLayers {
  const boundaries: Feature<MultiLineString, { name: string }>[] = [];
  for (const b of m.boundaries) {
    if (b.geometry?.type === 'MultiLineString') {
      boundaries.push({ type: 'Feature', properties: { name: b.name }, geometry: b.geometry });
    }
  }
  return {
    countryIds: [...new Set(m.boundaries.flatMap((b) => b.source.between))],
    boundaries: { type: 'FeatureCollection', features: boundaries },
    crossings: {
      type: 'FeatureCollection',
      features: m.crossings.map((c): Feature<Point, { id: string; approximate: boolean }> => ({
        type: 'Feature',
        properties: { id: c.id, approximate: c.approximate },
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
      })),
    },
  };
}

/**
 * Which side of its dot a crossing's label goes: left when a neighbour sits just to the east, so
 * the labels of crossings a degree apart don't run into each other's dots.
 */
function labelSide(c: Crossing, all: readonly Crossing[]): 'left' | 'right' {
  const crowded = all.some(
    (o) => o !== c && o.lon > c.lon && o.lon - c.lon < 1.6 && Math.abs(o.lat - c.lat) < 0.6,
  );
  return crowded ? 'left' : 'right';
}

function crossingLabel(c: Crossing, state: CrossingState): string {
  const m = t();
  const name = m.crossingMarker(c.name, m.crossingStatus[state]);
  return c.approximate ? `${name}, ${m.approxLocation}` : name;
}

function crossingMarker(c: Crossing, side: 'left' | 'right'): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = `crossing crossing--${side}`;
  el.dataset.crossing = c.id;
  el.dataset.approximate = String(c.approximate);
  el.dataset.status = 'unknown';
  el.setAttribute('aria-label', crossingLabel(c, 'unknown'));
  const dot = document.createElement('span');
  dot.className = 'crossing__dot';
  dot.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'crossing__label';
  label.setAttribute('aria-hidden', 'true');
  label.textContent = c.approximate ? `≈ ${c.name}` : c.name;
  el.append(dot, label);
  return el;
}

/** The middle vertex of a boundary's longest part: where its name goes. */
function midpoint(geometry: MultiLineString): Position | undefined {
  const longest = geometry.coordinates.reduce<Position[]>(
    (a, b) => (b.length > a.length ? b : a),
    [],
  );
  return longest[Math.floor(longest.length / 2)];
}

function lineLabel(name: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'line-label';
  el.setAttribute('aria-hidden', 'true');
  // maplibre sets the marker element's own opacity (hidden behind the globe): style a child.
  const text = document.createElement('span');
  text.textContent = name;
  el.append(text);
  return el;
}

function missionMarker(m: MissionMarker): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.className = 'mission-marker';
  el.dataset.mission = m.slug;
  el.setAttribute('aria-label', t().missionMarker(m.name));
  const ring = document.createElement('span');
  ring.className = 'mission-marker__ring';
  ring.setAttribute('aria-hidden', 'true');
  el.append(ring);
  return el;
}

export function createGlobe(opts: GlobeOptions): Globe {
  const { container, mission } = opts;
  const layers: MissionLayers = missionLayers(mission);
  const [lon, lat] = mission.region.center;
  const start = opts.startAt ??
    (opts.startAtRegion
      ? { center: [lon, lat] as [number, number], zoom: mission.region.zoom }
      : undefined) ?? {
      center: [lon, Math.max(-45, Math.min(45, lat))] as [number, number],
      zoom: worldZoom(container),
    };
  const map = new maplibregl.Map({
    container,
    style: buildStyle(loadWorld(), layers),
    center: start.center,
    zoom: start.zoom,
    minZoom: 0.5,
    maxZoom: 9,
    attributionControl: false,
    // Our own page is the only origin the map may touch.
    transformRequest: (url) => {
      if (new URL(url, location.href).origin !== location.origin) {
        throw new Error(`blocked request to another origin: ${url}`);
      }
      return { url };
    },
    locale: { 'Map.Title': t().globeTitle(mission.name) },
    cooperativeGestures: false,
    renderWorldCopies: false,
  });
  map.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(
    new maplibregl.AttributionControl({
      compact: true,
      customAttribution: [
        ...new Set([
          'Natural Earth via the world-atlas npm package (public domain)',
          ...mission.boundaries.map((b) => b.attribution),
        ]),
      ],
    }),
    'bottom-right',
  );

  const markers = new Map<string, HTMLElement>();
  for (const c of mission.crossings) {
    const el = crossingMarker(c, labelSide(c, mission.crossings));
    el.addEventListener('click', () => {
      focusCrossing(c.id);
      opts.onSelectCrossing?.(c.id);
    });
    new maplibregl.Marker({ element: el, anchor: 'center', opacityWhenCovered: 0 })
      .setLngLat([c.lon, c.lat])
      .addTo(map);
    markers.set(c.id, el);
  }
  // Every mission, at its region's centre; a press flies there. Listed after the crossings so a
  // keyboard reaches the crossings of the mission in view first.
  for (const m of opts.missions ?? []) {
    const el = missionMarker(m);
    el.addEventListener('click', () => {
      flyToMission(m);
      opts.onSelectMission?.(m.slug);
    });
    new maplibregl.Marker({ element: el, anchor: 'center', opacityWhenCovered: 0 })
      .setLngLat(m.region.center)
      .addTo(map);
    markers.set(`mission:${m.slug}`, el);
  }
  for (const f of layers.boundaries.features) {
    const at = midpoint(f.geometry);
    if (at && at.length >= 2) {
      // West of the line's middle, over the party on that side, clear of the crossings.
      new maplibregl.Marker({
        element: lineLabel(f.properties.name),
        anchor: 'right',
        offset: [-16, -6],
        opacityWhenCovered: 0,
      })
        .setLngLat([at[0]!, at[1]!])
        .addTo(map);
    }
  }

  // maplibre fades a marker on the far side of the globe to the opacity above; also take it out of
  // the tab order and the hit test, so nobody focuses or clicks what they cannot see.
  map.on('render', () => {
    for (const el of markers.values()) {
      const hidden = el.style.opacity === '0';
      if (hidden !== (el.style.visibility === 'hidden'))
        el.style.visibility = hidden ? 'hidden' : '';
    }
  });

  // Labels only where there is room for them: at world zoom the crossings sit a few pixels apart.
  const labelZoom = Math.min(4.5, mission.region.zoom);
  const syncLabels = () => container.classList.toggle('globe--near', map.getZoom() >= labelZoom);
  map.on('zoom', syncLabels);
  syncLabels();

  const spinner = new Spinner(map, {
    degreesPerSecond: 4,
    idleMs: 12_000,
    onChange: opts.onSpinChange,
  });
  if (opts.spin === false) spinner.setEnabled(false);

  function flyToMission(m: Pick<ApiMission, 'region'>): void {
    spinner.pause(45_000);
    map.flyTo({ center: m.region.center, zoom: m.region.zoom });
  }

  function focusCrossing(id: string): void {
    const c = mission.crossings.find((x) => x.id === id);
    if (!c) return;
    for (const [key, el] of markers) el.classList.toggle('is-selected', key === id);
    spinner.pause(45_000);
    map.flyTo({ center: [c.lon, c.lat], zoom: Math.max(map.getZoom(), 6.5), essential: false });
  }

  function showRegion(): void {
    spinner.pause(45_000);
    map.flyTo({ center: [lon, lat], zoom: mission.region.zoom });
  }

  let incidents: FeatureCollection<Point, IncidentProps> = {
    type: 'FeatureCollection',
    features: [],
  };
  let news: { data: FeatureCollection<Point, { id: string }>; visible: boolean } = {
    data: { type: 'FeatureCollection', features: [] },
    visible: false,
  };
  let highlighted: string | null = null;
  let loaded = false;
  function setIncidents(data: FeatureCollection<Point, IncidentProps>): void {
    incidents = data;
    map.getSource<maplibregl.GeoJSONSource>('incidents')?.setData(data);
  }
  function highlightIncident(id: string | null): void {
    highlighted = id;
    if (loaded) map.setFilter('incident-selected', ['==', ['get', 'id'], id ?? '']);
  }
  function setNews(data: FeatureCollection<Point, { id: string }>, visible: boolean): void {
    news = { data, visible };
    if (!loaded) return;
    map.getSource<maplibregl.GeoJSONSource>('news')?.setData(data);
    map.setLayoutProperty('news', 'visibility', visible ? 'visible' : 'none');
  }
  // The list may arrive before the style has made its sources: hand it over once it has.
  map.once('load', () => {
    loaded = true;
    setIncidents(incidents);
    highlightIncident(highlighted);
    setNews(news.data, news.visible);
  });

  function setCrossingStatus(status: ReadonlyMap<string, string | null>): void {
    for (const c of mission.crossings) {
      const el = markers.get(c.id);
      if (!el) continue;
      const state = crossingState(status.get(c.id));
      el.dataset.status = state;
      el.setAttribute('aria-label', crossingLabel(c, state));
    }
  }

  function bounds(): [number, number, number, number] {
    const b = map.getBounds();
    const clamp = (v: number, m: number) => Math.max(-m, Math.min(m, v));
    return [
      clamp(b.getWest(), 180),
      clamp(b.getSouth(), 90),
      clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90),
    ];
  }
  if (opts.onMoveEnd) map.on('moveend', opts.onMoveEnd);

  function focusIncident(id: string): void {
    const f = incidents.features.find((x) => x.properties.id === id);
    if (!f) return;
    spinner.pause(45_000);
    const [flon, flat] = f.geometry.coordinates;
    map.flyTo({ center: [flon!, flat!], zoom: Math.max(map.getZoom(), 6.5), essential: false });
  }

  // A click on a point selects it; the rendered feature carries only our own id property.
  map.on('click', 'incidents', (e) => {
    const id: unknown = e.features?.[0]?.properties?.id;
    if (typeof id === 'string') {
      focusIncident(id);
      opts.onSelectIncident?.(id);
    }
  });
  // A click on a cluster zooms in until its incidents come apart.
  map.on('click', 'incident-clusters', (e) => {
    const f = e.features?.[0];
    const clusterId: unknown = f?.properties?.cluster_id;
    if (!f || typeof clusterId !== 'number' || f.geometry.type !== 'Point') return;
    const center = f.geometry.coordinates as [number, number];
    spinner.pause(45_000);
    void map
      .getSource<maplibregl.GeoJSONSource>('incidents')
      ?.getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center, zoom: zoom + 0.2 }));
  });
  for (const layer of ['incidents', 'incident-clusters']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
  }

  map.getCanvas().setAttribute('aria-describedby', opts.describedBy ?? 'globe-description');

  map.once('idle', () => {
    if (opts.spin !== false) spinner.start();
    opts.onReady?.();
  });
  map.on('error', (e) => console.error('truceline globe:', e.error?.message ?? e));

  return {
    map,
    spinner,
    focusCrossing,
    showRegion,
    setIncidents,
    focusIncident,
    highlightIncident,
    setCrossingStatus,
    setNews,
    flyToMission,
    bounds,
    destroy: () => {
      spinner.destroy();
      map.remove();
    },
  };
}
