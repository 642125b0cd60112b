/**
 * The fingerprinted URLs of the offline basemap files. The build (and the dev server) replaces this module with
 * the URLs of the files it converted from the shared data (vite-plugin.ts); outside Vite there are none, and the
 * maps draw without a basemap.
 */
export const basemapUrls: { overview: string; detail: string; streets: string } = {
  overview: '',
  detail: '',
  streets: '',
};
