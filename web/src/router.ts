// The portal's client router (issue 10 item 1). Real URLs, the same shapes the server answers with
// the app (src/server/web/serve-web.ts PAGE_ROUTES), so a deep link works on reload and when shared:
//   /                                      every mission on the globe
//   /missions/<slug>                       the mission view
//   /missions/<slug>/incidents/<id>        an incident, every record, verified in the page
//   /missions/<slug>/reports/<YYYY-MM-DD>  the day's report
//   /missions/<slug>/verify                the log's own page
// Same-origin links to these paths are followed with the History API; anything else (the API, the
// log's files, downloads) is left to the browser.
export type Route =
  | { name: 'landing' }
  | { name: 'mission'; slug: string }
  | { name: 'incident'; slug: string; id: string }
  | { name: 'report'; slug: string; date: string }
  | { name: 'verify'; slug: string }
  | { name: 'bad-slug'; slug: string }
  | { name: 'bad-date'; slug: string; date: string }
  | { name: 'console'; path: string }
  | { name: 'not-found'; path: string };

/** src/core/records/mission.ts SlugSchema, without zod. */
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** A calendar day written YYYY-MM-DD that exists (no 2025-02-30). */
export function isDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'landing' };
  if (path === '/console' || path.startsWith('/console/')) return { name: 'console', path }; // issue 11
  const parts = path.split('/').slice(1).map(decode);
  if (parts.some((p) => p === null)) return { name: 'not-found', path };
  const [top, slug, section, arg, ...rest] = parts as string[];
  if (top !== 'missions' || slug === undefined || rest.length > 0) {
    return { name: 'not-found', path };
  }
  if (!SLUG.test(slug)) return { name: 'bad-slug', slug };
  if (section === undefined) return { name: 'mission', slug };
  if (section === 'verify' && arg === undefined) return { name: 'verify', slug };
  if (section === 'incidents' && arg) return { name: 'incident', slug, id: arg };
  if (section === 'reports' && arg) {
    return isDay(arg) ? { name: 'report', slug, date: arg } : { name: 'bad-date', slug, date: arg };
  }
  return { name: 'not-found', path };
}

/** A path within the portal, carrying the page's ?lang= along when the URL has one. */
export function href(path: string, params?: URLSearchParams | Record<string, string>): string {
  const q = new URLSearchParams(params);
  const l = new URLSearchParams(location.search).get('lang');
  if (l && !q.has('lang')) q.set('lang', l);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const missionPath = (slug: string) => `/missions/${encodeURIComponent(slug)}`;
export const incidentPath = (slug: string, id: string) =>
  `${missionPath(slug)}/incidents/${encodeURIComponent(id)}`;
export const reportPath = (slug: string, date: string) => `${missionPath(slug)}/reports/${date}`;
export const verifyPath = (slug: string) => `${missionPath(slug)}/verify`;

/** Is this a page of the portal (not the API, the log or a file)? */
function isPagePath(pathname: string): boolean {
  return pathname === '/' || pathname.startsWith('/missions/');
}

export interface Router {
  /** Goes to a portal URL (path and query), adding a history entry unless `replace`. */
  go(url: string, opts?: { replace?: boolean }): void;
  /** Renders the current URL again (after a language switch). */
  refresh(): void;
}

/**
 * Starts routing: renders the current URL, then every navigation. `render` gets the parsed route
 * and whether this is the first render (no focus move on page load: the reader has not acted yet).
 */
export function startRouter(render: (route: Route, first: boolean) => void): Router {
  let first = true;
  const show = () => {
    render(parseRoute(location.pathname), first);
    first = false;
  };
  const go = (url: string, opts: { replace?: boolean } = {}) => {
    const target = new URL(url, location.href);
    const samePage = target.pathname === location.pathname;
    if (opts.replace) history.replaceState(null, '', target);
    else history.pushState(null, '', target);
    // A change of query alone (filters) is the page's own business; a new path is a new page.
    if (!samePage) {
      show();
      window.scrollTo(0, 0);
    }
  };
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !isPagePath(url.pathname)) return;
    e.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search) return;
    const samePath = url.pathname === location.pathname;
    history.pushState(null, '', url);
    // Same path, new query (a language link, a shared filter): render the page again from the URL.
    show();
    if (!samePath) window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', show);
  show();
  return { go, refresh: show };
}
