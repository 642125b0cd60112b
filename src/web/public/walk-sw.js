// The safety walk's service worker, registered for /walks/ only: the capture page keeps working on a walk
// without coverage. It caches what the page has loaded (the app shell, its hashed assets, the basemap, the
// checklist and the walk) and answers from the cache when the network is gone. Writes are never touched: the
// page queues observations in IndexedDB and sends them itself once online.
const CACHE = 'trygg-walk-v1';
const SHELL = '/walks/__shell';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('trygg-walk-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

/** Same-origin GETs worth keeping offline; photos (private, no-store) and exports are not. */
function cacheable(url) {
  if (url.origin !== self.location.origin) return false;
  if (url.pathname.endsWith('/photo')) return false;
  return url.pathname.startsWith('/assets/') || url.pathname.startsWith('/api/') || url.pathname === '/';
}

async function put(request, response) {
  if (!response.ok || response.type !== 'basic') return response;
  const cache = await caches.open(CACHE);
  await cache.put(request, response.clone());
  return response;
}

// The page lists what it has loaded while online (assets fetched before this worker took control included).
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'warm' || !Array.isArray(event.data.urls)) return;
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const href of event.data.urls) {
        const url = new URL(href, self.location.origin);
        if (!cacheable(url) || (url.pathname.startsWith('/assets/') && (await cache.match(url.href)))) continue;
        const response = await fetch(url.href, { credentials: 'same-origin' }).catch(() => null);
        if (response?.ok) await cache.put(url.href, response);
      }
      const shell = await fetch('/', { credentials: 'same-origin' }).catch(() => null);
      if (shell?.ok) await cache.put(SHELL, shell);
      event.source?.postMessage({ type: 'warmed' });
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // Network first, so a deploy is picked up at once; the cached shell when offline.
    event.respondWith(
      fetch(request)
        .then((response) => put(SHELL, response))
        .catch(async () => (await caches.match(SHELL)) ?? Response.error()),
    );
    return;
  }
  if (!cacheable(url)) return;
  if (url.pathname.startsWith('/assets/')) {
    // Fingerprinted: a cached copy is never stale.
    event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request).then((r) => put(request, r))));
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => put(request, response))
      .catch(async () => (await caches.match(request)) ?? Response.error()),
  );
});
