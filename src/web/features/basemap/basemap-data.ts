import { basemapUrls } from './basemap-urls.js';
import type { BasemapDetail, BasemapOverview, StreetName } from './convert.js';

/** Each asset is fetched once per page load and shared by every map (the browser caches it for a year). */
const cache = new Map<string, Promise<unknown>>();

function load<T>(url: string): Promise<T> {
  if (!url) return Promise.reject(new Error('no basemap in this build'));
  let p = cache.get(url);
  if (!p) {
    p = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
      return r.json();
    });
    // A failed fetch may be retried by the next map.
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p as Promise<T>;
}

export const loadOverview = () => load<BasemapOverview>(basemapUrls.overview);
export const loadDetail = () => load<BasemapDetail>(basemapUrls.detail);
export const loadStreetNames = () => load<StreetName[]>(basemapUrls.streets);
