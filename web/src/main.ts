// The globe page: loads the mission from our API (the first one, or ?mission=<slug>), renders the
// side panel and the globe. For tests: <body data-globe="ready"> after the map's first idle
// ("error" or "unavailable" otherwise), <body data-incidents="ready"|"error"> once the released
// incidents are in (or failed), and window.__truceline = { map, globe, colors, incidentDetails }.
import './style.css';
import { getMission, listIncidents, listMissions } from './api.js';
import { createGlobe, type Globe } from './globe.js';
import {
  incidentDetails,
  incidentFeatures,
  renderIncidents,
  type IncidentsView,
} from './incidents.js';
import { renderPanel } from './panel.js';
import type { SpinState } from './spin.js';
import { COLORS } from './style.js';

declare global {
  interface Window {
    /** For tests and the curious: the map, and the colours its style paints with. */
    __truceline?: {
      map: Globe['map'];
      globe: Globe;
      colors: typeof COLORS;
      /** The detail renderer, so a test can feed it hostile text and see it stay text. */
      incidentDetails: typeof incidentDetails;
    };
  }
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`couldn't start: #${id} is missing from index.html`);
  return el as T;
}

function showError(where: HTMLElement, message: string): void {
  const p = document.createElement('p');
  p.className = 'error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  where.replaceChildren(p);
}

/**
 * The rotation button is named for what a press will do ("Stop rotation" / "Start rotation"),
 * so it carries no aria-pressed (a toggle with a changing name would read backwards).
 */
function showSpin(button: HTMLButtonElement, state: SpinState): void {
  const off = state === 'off';
  button.textContent = off ? 'Start rotation' : 'Stop rotation';
  button.dataset.state = state;
}

/**
 * The released incidents, loaded after the mission so the globe never waits for them. A failure
 * is a message in their own section; the rest of the page keeps working.
 */
async function loadIncidents(
  slug: string,
  section: HTMLElement,
  globe: Globe | null,
  names: ReadonlyMap<string, string>,
): Promise<IncidentsView | null> {
  try {
    const items = await listIncidents(slug);
    const view = renderIncidents(
      section,
      items,
      (id) => {
        globe?.focusIncident(id);
        view.select(id);
      },
      names,
    );
    globe?.setIncidents(incidentFeatures(items));
    document.body.dataset.incidents = 'ready';
    return view;
  } catch (err) {
    console.error('truceline incidents:', err);
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = `Couldn't load the released incidents: ${err instanceof Error ? err.message : String(err)}`;
    section.replaceChildren(section.querySelector('h2') ?? '', p);
    document.body.dataset.incidents = 'error';
    return null;
  }
}

async function start(): Promise<void> {
  const panelRoot = byId('panel');
  const mapBox = byId('globe');
  const spinButton = byId<HTMLButtonElement>('spin-toggle');
  document.body.dataset.globe = 'loading';
  try {
    const wanted = new URLSearchParams(location.search).get('mission');
    let slug = wanted;
    if (!slug) {
      const missions = await listMissions();
      slug = missions[0]?.slug ?? null;
      if (!slug) {
        showError(panelRoot, 'No mission has been set up on this server yet.');
        document.body.dataset.globe = 'empty';
        return;
      }
    }
    const mission = await getMission(slug);
    document.title = `${mission.name} · Truceline`;

    let globe: Globe | null = null;
    let incidentsView: IncidentsView | null = null;
    const orgNames = new Map(mission.organisations.map((o) => [o.code, o.name]));
    const panel = renderPanel(panelRoot, mission, {
      onCrossing: (id) => {
        globe?.focusCrossing(id);
        panel.selectCrossing(id);
      },
      onRegion: () => globe?.showRegion(),
    });
    byId('globe-description').textContent =
      `A globe of the world's countries, turning slowly, with ${mission.boundaries
        .map((b) => b.name)
        .join(' and ')} drawn in amber and ${mission.crossings.length} border crossings marked. ` +
      'The crossings are listed, with their details, in the panel.';

    try {
      globe = createGlobe({
        container: mapBox,
        mission,
        onSelectCrossing: (id) => panel.selectCrossing(id),
        onSelectIncident: (id) => incidentsView?.select(id),
        onSpinChange: (s) => showSpin(spinButton, s),
        onReady: () => {
          document.body.dataset.globe = 'ready';
        },
      });
    } catch (err) {
      console.error('truceline globe:', err);
      showError(
        mapBox,
        "This browser can't draw the globe (WebGL is unavailable). The mission's details are in the panel.",
      );
      document.body.dataset.globe = 'unavailable';
      void loadIncidents(slug, panel.incidents, null, orgNames);
      return;
    }
    void loadIncidents(slug, panel.incidents, globe, orgNames).then((v) => (incidentsView = v));
    const { spinner } = globe;
    spinButton.addEventListener('click', () => spinner.setEnabled(spinner.current === 'off'));
    showSpin(spinButton, spinner.isEnabled ? 'paused' : 'off');
    spinButton.hidden = false;
    window.__truceline = { map: globe.map, globe, colors: COLORS, incidentDetails };
  } catch (err) {
    console.error('truceline:', err);
    showError(panelRoot, err instanceof Error ? err.message : String(err));
    document.body.dataset.globe = 'error';
  }
}

void start();
