// The service worker (issue 11 item 8): a monitor at a crossing with no signal can still open the
// console. Served from the root (/sw.js, built by web/vite.config.ts, which writes the build's
// file list and its version into the two placeholders below). What it does:
//  - install: caches the app shell (index.html, answered for every page route) and every built
//    asset, under a cache named by the build, so an offline load has the whole app;
//  - pages: the network first (a new build is seen at once), the cached shell when it fails;
//  - /assets/: the cache first (their names are their content hashes, so a hit is never stale);
//  - GET /api from the console's pages: the network first, the last answer when it fails, so an
//    offline reload still shows the session, the mission and the monitor's tasks. Only answers the
//    console read (never the public portal's, never the event stream or evidence blobs), and the
//    session answer is kept without its CSRF token (the page fetches a fresh one before sending
//    anything). The session cookie stays the browser's: nothing here reads or stores it. The page
//    deletes this cache at sign-in and sign-out (outbox/offline.ts), so no other user sees it;
//  - anything else (POSTs, /log): untouched, straight to the network. A POST that gets no answer
//    fails in the page, which keeps the signed entry in its outbox (outbox/outbox.ts).

interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
}
const sw = self as unknown as WorkerScope;

// Replaced at build time (vite.config.ts serviceWorker()): the build's files, comma-separated
// (hashed names: no commas), and a version derived from them.
const FILES = '__TRUCELINE_SW_FILES__';
const VERSION = '__TRUCELINE_SW_VERSION__';

const SHELL = `truceline-shell-${VERSION}`;
/** Must match web/src/console/outbox/offline.ts API_CACHE: the page clears it. */
const API = 'truceline-console-api';
const SHELL_URL = '/';

sw.addEventListener('install', (e) => {
  const files = FILES.split(',').filter((f) => f && f !== 'index.html' && f !== 'sw.js');
  e.waitUntil(
    caches
      .open(SHELL)
      .then((c) => c.addAll([SHELL_URL, ...files.map((f) => `/${f}`)]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (e) => {
  // Older builds' shells go; the API cache is the page's to clear.
  e.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('truceline-shell-') && k !== SHELL)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

async function page(req: Request): Promise<Response> {
  try {
    return await fetch(req);
  } catch (err) {
    const shell = await caches.match(SHELL_URL, { cacheName: SHELL, ignoreVary: true });
    if (shell) return shell;
    throw err;
  }
}

async function asset(req: Request): Promise<Response> {
  const hit = await caches.match(req, { cacheName: SHELL, ignoreVary: true });
  return hit ?? fetch(req);
}

/**
 * The session answer as kept offline: who, not the CSRF token; null for a caller with no session
 * (signed out), which is not kept: a signed-out answer read just before a sign-in could land after
 * the signed-in one and leave the console signed out offline. Sign-out clears the cache itself.
 */
async function withoutToken(res: Response): Promise<Response | null> {
  const body = (await res.json()) as Record<string, unknown>;
  if (typeof body.csrfToken !== 'string' || !body.csrfToken) return null;
  return new Response(JSON.stringify({ ...body, csrfToken: '' }), {
    status: res.status,
    headers: { 'content-type': 'application/json' },
  });
}

async function api(req: Request, path: string): Promise<Response> {
  try {
    const res = await fetch(req);
    if (res.status === 200) {
      const kept = path === '/api/v1/auth/me' ? await withoutToken(res.clone()) : res.clone();
      if (kept) await (await caches.open(API)).put(req.url, kept);
    } else if (res.status === 401) {
      // Signed out or expired: what was kept for this session must not outlive it.
      await caches.delete(API);
    }
    return res;
  } catch (err) {
    const hit = await caches.match(req.url, { cacheName: API, ignoreVary: true });
    if (hit) return hit;
    throw err;
  }
}

/** A console page's own read (its referrer is under /console), not a stream or a blob. */
function consoleRead(req: Request, url: URL): boolean {
  if (req.method !== 'GET' || !url.pathname.startsWith('/api/')) return false;
  if (url.pathname.startsWith('/api/v1/blobs')) return false;
  if ((req.headers.get('accept') ?? '').includes('text/event-stream')) return false;
  const from = req.referrer ? new URL(req.referrer) : null;
  return from?.origin === url.origin && /^\/console(\/|$)/.test(from.pathname);
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (url.origin !== location.origin) return;
  if (req.mode === 'navigate') e.respondWith(page(req));
  else if (req.method === 'GET' && url.pathname.startsWith('/assets/')) e.respondWith(asset(req));
  else if (consoleRead(req, url)) e.respondWith(api(req, url.pathname));
});
