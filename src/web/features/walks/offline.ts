import { basemapUrls } from '../basemap/basemap-urls.js';

/** The worker's scope: the walk pages only, so no other page of the app is served from a cache. */
const SCOPE = '/walks/';

/**
 * Registers the walk's service worker and, once it runs, hands it every same-origin file this page has
 * loaded (and the basemap) to keep: the page then opens and works again without a network for the rest of
 * the walk. Resolves true when the files are cached; false where service workers are unavailable.
 */
export async function prepareOffline(extra: readonly string[] = []): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.register('/walk-sw.js', { scope: SCOPE });
  const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
  if (!worker) return false;
  const loaded = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((u) => u.startsWith(location.origin));
  const urls = [...new Set([location.href, ...loaded, ...Object.values(basemapUrls).filter(Boolean), ...extra])];
  return new Promise((resolve) => {
    const done = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type !== 'warmed') return;
      navigator.serviceWorker.removeEventListener('message', done);
      resolve(true);
    };
    navigator.serviceWorker.addEventListener('message', done);
    worker.postMessage({ type: 'warm', urls });
  });
}

/** Drops the walk pages' cached answers (signing out): nothing a signed-in user saw stays on a shared phone. */
export async function forgetOfflineCopies(): Promise<void> {
  if (!('caches' in window)) return;
  for (const key of await caches.keys()) if (key.startsWith('trygg-walk-')) await caches.delete(key);
}
