// The console's side of working offline (issue 11 item 8): registers the service worker
// (web/src/sw.ts, built to /sw.js) and clears the API answers it keeps for offline reloads when the
// user signs in or out, so no one sees the previous user's data (sw.ts keeps them per browser, not
// per user).

/** Must match web/src/sw.ts API. */
export const API_CACHE = 'truceline-console-api';

/** Whether the service worker saw this page's first reads (not on a first visit). */
const controlledAtStart = !!globalThis.navigator?.serviceWorker?.controller;

function readThroughWorker(paths: readonly string[]): void {
  for (const path of paths)
    void fetch(path, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
    }).catch(() => {});
}

/**
 * Reads the session once more through the service worker, so it keeps it: the sign-in answer is a
 * POST, never kept. Without a kept session an offline reload could not show the console at all.
 */
export function keepSession(): void {
  if (navigator.serviceWorker?.controller) readThroughWorker(['/api/v1/auth/me']);
}

/**
 * On a first visit the worker takes the page over only after the page's first reads (the session,
 * the mission): reads `paths` again through it once it has, so an offline reload has them.
 */
export function keepWhenTakenOver(paths: readonly string[]): void {
  if (controlledAtStart || !('serviceWorker' in navigator)) return;
  if (navigator.serviceWorker.controller) return readThroughWorker(paths);
  navigator.serviceWorker.addEventListener('controllerchange', () => readThroughWorker(paths), {
    once: true,
  });
}

/** Registers /sw.js (production builds only: the dev server has no such file). */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((err: unknown) => {
    // The console still works online; it only cannot load without the network.
    console.warn('service worker not registered:', err);
  });
}

/** Forgets the API answers kept for offline use (at sign-in and sign-out). */
export async function clearApiCache(): Promise<void> {
  if (!('caches' in globalThis)) return;
  await caches.delete(API_CACHE).catch(() => false);
}
