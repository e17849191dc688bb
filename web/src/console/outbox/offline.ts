// The console's side of working offline (issue 11 item 8): registers the service worker
// (web/src/sw.ts, built to /sw.js) and clears the API answers it keeps for offline reloads when the
// user signs in or out, so no one sees the previous user's data (sw.ts keeps them per browser, not
// per user).

/** Must match web/src/sw.ts API. */
export const API_CACHE = 'truceline-console-api';

/**
 * Reads the session once more through the service worker, so it keeps it: the sign-in answer is a
 * POST (never kept), and on a first visit the worker takes the page over only after its first
 * reads. Without a kept session an offline reload could not show the console at all.
 */
export function keepSession(): void {
  if (!navigator.serviceWorker?.controller) return;
  void fetch('/api/v1/auth/me', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    cache: 'no-store',
  }).catch(() => {});
}

/** Registers /sw.js (production builds only: the dev server has no such file). */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (!navigator.serviceWorker.controller)
    navigator.serviceWorker.addEventListener('controllerchange', keepSession, { once: true });
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
