// The console's side of working offline (issue 11 item 8): registers the service worker
// (web/src/sw.ts, built to /sw.js) and clears the API answers it keeps for offline reloads when the
// user signs in or out, so no one sees the previous user's data (sw.ts keeps them per browser, not
// per user).

/** Must match web/src/sw.ts API. */
export const API_CACHE = 'truceline-console-api';

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
