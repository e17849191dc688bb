// The landing page (/): the rotating globe with every mission as a marker, the first mission's
// (or ?mission=<slug>'s) boundary, crossings coloured by status and released incidents clustered
// and coloured by event family, and the side panel. maplibre arrives by import() (its own chunk).
// For tests: <body data-globe="ready"> after the map's first idle ("error" or "unavailable"
// otherwise), <body data-incidents="ready"|"error"> once the released incidents are in (or failed),
// and window.__truceline = { map, globe, colors, incidentDetails }.
import { getMission, listCrossings, listIncidents, listMissions, type ApiMission } from '../api.js';
import { h } from '../dom.js';
import type { Globe } from '../globe.js';
import { list, num, t } from '../i18n/index.js';
import {
  incidentDetails,
  incidentFeatures,
  renderIncidents,
  type IncidentsView,
} from '../incidents.js';
import { renderLegend } from '../legend.js';
import { renderPanel } from '../panel.js';
import { href, missionPath } from '../router.js';
import type { SpinState } from '../spin.js';
import { COLORS } from '../style.js';

function showError(where: HTMLElement, message: string): void {
  where.replaceChildren(h('p', { class: 'error', role: 'alert' }, message));
}

const why = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The rotation button is named for what a press will do ("Stop rotation" / "Start rotation"),
 * so it carries no aria-pressed (a toggle with a changing name would read backwards).
 */
function showSpin(button: HTMLButtonElement, state: SpinState): void {
  button.textContent = state === 'off' ? t().startRotation : t().stopRotation;
  button.dataset.state = state;
}

/**
 * The newest released incidents the globe draws. The landing's budget is 600 kB on a cold load
 * (issue 10 item 7) and the incident list is JSON of about 420 bytes an incident as served: with
 * 100,000 incidents, five pages of 1,000 made the landing 2.3 MB (bench/mission-view.bench.ts).
 * The mission view holds more.
 */
const LANDING_INCIDENTS = 250;

async function loadIncidents(
  slug: string,
  section: HTMLElement,
  globe: Globe | null,
  names: ReadonlyMap<string, string>,
  signal: AbortSignal,
): Promise<IncidentsView | null> {
  try {
    let more = false;
    const items = await listIncidents(slug, signal, undefined, {
      pageSize: LANDING_INCIDENTS,
      maxPages: 1,
      onPage: (_items, m) => (more = m),
    });
    const view = renderIncidents(
      section,
      items,
      (id) => {
        globe?.focusIncident(id);
        view.select(id);
      },
      names,
      slug,
      more,
    );
    globe?.setIncidents(incidentFeatures(items));
    document.body.dataset.incidents = 'ready';
    return view;
  } catch (err) {
    if (signal.aborted) return null;
    console.error('truceline incidents:', err);
    section.replaceChildren(
      section.querySelector('h2') ?? '',
      h('p', { class: 'error', role: 'alert' }, t().incidentsFailed(why(err))),
    );
    document.body.dataset.incidents = 'error';
    return null;
  }
}

/** The missions list at the top of the panel: every mission, each a link to its view. */
function missionsNav(missions: readonly ApiMission[], current: string): HTMLElement {
  return h(
    'nav',
    { class: 'missions-nav', 'aria-labelledby': 'h-missions' },
    h('h2', { id: 'h-missions' }, t().missionsHeading(num(missions.length))),
    h(
      'ul',
      null,
      missions.map((m) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              href: href(missionPath(m.slug)),
              'data-mission': m.slug,
              ...(m.slug === current ? { 'aria-current': 'true' } : {}),
            },
            m.name,
          ),
        ),
      ),
    ),
  );
}

export function renderLanding(root: HTMLElement): () => void {
  const m = t();
  const abort = new AbortController();
  const mapBox = h('div', { id: 'globe', class: 'globe' });
  const description = h('p', { id: 'globe-description', class: 'visually-hidden' });
  const spinButton = h(
    'button',
    { id: 'spin-toggle', class: 'spin-toggle', type: 'button', hidden: '' },
    m.stopRotation,
  );
  const panelRoot = h(
    'aside',
    { id: 'panel', class: 'panel', tabindex: '-1', 'aria-label': m.eyebrowMission },
    h('p', { class: 'panel__loading', role: 'status' }, m.loadingMission),
  );
  root.replaceChildren(
    h(
      'div',
      { class: 'layout' },
      h('div', { class: 'stage' }, mapBox, description, spinButton, renderLegend()),
      panelRoot,
    ),
  );
  document.body.dataset.globe = 'loading';
  delete document.body.dataset.incidents;
  let globe: Globe | null = null;

  void (async () => {
    try {
      const summaries = await listMissions(abort.signal);
      const wanted = new URLSearchParams(location.search).get('mission');
      const slug = wanted ?? summaries[0]?.slug ?? null;
      if (!slug) {
        showError(panelRoot, m.noMissions);
        document.body.dataset.globe = 'empty';
        return;
      }
      // Every mission's document, for its marker (region); the shown one's in full.
      const missions = await Promise.all(
        [...new Set([slug, ...summaries.map((s) => s.slug)])].map((s) =>
          getMission(s, abort.signal),
        ),
      );
      const mission = missions[0]!;
      document.title = `${mission.name} · Truceline`;
      let incidentsView: IncidentsView | null = null;
      const orgNames = new Map(mission.organisations.map((o) => [o.code, o.name]));
      const panel = renderPanel(panelRoot, mission, {
        onCrossing: (id) => {
          globe?.focusCrossing(id);
          panel.selectCrossing(id);
        },
        onRegion: () => globe?.showRegion(),
      });
      panelRoot.prepend(missionsNav(missions, mission.slug));
      description.textContent = m.globeDescription(
        list(mission.boundaries.map((b) => b.name)),
        num(mission.crossings.length),
      );

      try {
        const { createGlobe } = await import('../globe.js');
        if (abort.signal.aborted) return;
        globe = createGlobe({
          container: mapBox,
          mission,
          missions: missions.map((x) => ({ slug: x.slug, name: x.name, region: x.region })),
          onSelectCrossing: (id) => panel.selectCrossing(id),
          onSelectIncident: (id) => incidentsView?.select(id),
          onSpinChange: (s) => showSpin(spinButton, s),
          onReady: () => {
            document.body.dataset.globe = 'ready';
          },
        });
      } catch (err) {
        console.error('truceline globe:', err);
        showError(mapBox, m.globeUnavailable);
        document.body.dataset.globe = 'unavailable';
        void loadIncidents(slug, panel.incidents, null, orgNames, abort.signal);
        return;
      }
      const g = globe;
      void loadIncidents(slug, panel.incidents, g, orgNames, abort.signal).then(
        (v) => (incidentsView = v),
      );
      listCrossings(slug, abort.signal).then(
        (cs) =>
          g.setCrossingStatus(new Map(cs.map((c) => [c.crossing, c.current?.status ?? null]))),
        (err: unknown) => {
          // The markers keep "no status reported"; the rest of the page is unaffected.
          if (!abort.signal.aborted) console.warn('truceline crossings:', err);
        },
      );
      const { spinner } = g;
      spinButton.addEventListener('click', () => spinner.setEnabled(spinner.current === 'off'));
      showSpin(spinButton, spinner.isEnabled ? 'paused' : 'off');
      spinButton.hidden = false;
      window.__truceline = { map: g.map, globe: g, colors: COLORS, incidentDetails };
    } catch (err) {
      if (abort.signal.aborted) return;
      console.error('truceline:', err);
      showError(panelRoot, why(err));
      document.body.dataset.globe = 'error';
    }
  })();

  return () => {
    abort.abort();
    globe?.destroy();
    delete window.__truceline;
  };
}
