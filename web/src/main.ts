// The portal's entry point: picks the language, draws the frame and routes every URL to its page.
// Pages other than the landing load on demand (their own chunks), and the map library only where
// a map is drawn, so the landing transfers little before the globe starts.
import './fonts.css';
import './style.css';
import { pickLang, setLang, t } from './i18n/index.js';
import type { incidentDetails } from './incidents.js';
import type { Globe } from './globe.js';
import { renderLanding } from './pages/landing.js';
import { startRouter, type Route } from './router.js';
import { renderShell } from './shell.js';
import type { COLORS } from './style.js';

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

type Cleanup = (() => void) | void;

function message(root: HTMLElement, title: string, text: string): void {
  const h1 = document.createElement('h1');
  h1.textContent = title;
  h1.tabIndex = -1;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = text;
  const back = document.createElement('a');
  back.href = '/';
  back.textContent = t().backHome;
  const box = document.createElement('div');
  box.className = 'message-page';
  box.append(h1, p, back);
  root.replaceChildren(box);
  document.title = `${title} · Truceline`;
}

/** Runs a page that loads as its own chunk; a failed chunk load is said on the page. */
async function lazy(root: HTMLElement, load: () => Promise<Cleanup>): Promise<Cleanup> {
  try {
    return await load();
  } catch (err) {
    console.error('truceline page:', err);
    message(root, t().notFoundTitle, err instanceof Error ? err.message : String(err));
  }
}

setLang(pickLang(), new URLSearchParams(location.search).has('lang'));
let cleanup: Cleanup;
let generation = 0;

function render(route: Route, first: boolean): void {
  const wanted = pickLang();
  setLang(wanted, new URLSearchParams(location.search).has('lang'));
  if (typeof cleanup === 'function') cleanup();
  cleanup = undefined;
  const gen = ++generation;
  shell.update(route);
  // Each page draws into a container of its own: a page still loading when the reader moves on
  // then writes into a detached element, never over the next page.
  const root = document.createElement('div');
  root.className = 'page__root';
  shell.main.replaceChildren(root);
  shell.main.className = `page page--${route.name}`;
  document.body.dataset.page = route.name;
  document.title = 'Truceline';
  const m = t();
  const settle = (c: Cleanup) => {
    // A page that finished loading after the reader had moved on is torn down at once.
    if (gen !== generation) {
      if (typeof c === 'function') c();
    } else cleanup = c;
  };
  switch (route.name) {
    case 'landing':
      cleanup = renderLanding(root);
      break;
    case 'mission':
      void lazy(root, async () =>
        (await import('./pages/mission/index.js')).renderMissionPage(root, route.slug),
      ).then(settle);
      break;
    case 'report':
      void lazy(root, async () =>
        (await import('./pages/report.js')).renderReportPage(root, route.slug, route.date),
      ).then(settle);
      break;
    case 'incident':
      void lazy(root, async () => {
        const { renderIncidentPage } = await import('./pages/incident/index.js');
        await renderIncidentPage(root, { slug: route.slug, id: route.id });
      });
      break;
    case 'verify':
      void lazy(root, async () => {
        const { renderVerifyPage } = await import('./pages/verify/index.js');
        await renderVerifyPage(root, { slug: route.slug });
      });
      break;
    case 'console':
      void lazy(root, async () => (await import('./console/index.js')).renderConsole(root)).then(
        settle,
      );
      break;
    case 'bad-slug':
      message(root, m.notFoundTitle, m.badSlug(route.slug));
      break;
    case 'bad-date':
      message(root, m.notFoundTitle, m.badDate(route.date));
      break;
    case 'not-found':
      message(root, m.notFoundTitle, m.notFound(route.path));
      break;
  }
  // After a navigation (not the first load), move focus to the new page so a screen reader and a
  // keyboard start there (the heading once the page has drawn it, the main region until then).
  if (!first) shell.main.focus({ preventScroll: true });
}

const shell = renderShell(document.body, () => router.refresh());
const router = startRouter(render);
