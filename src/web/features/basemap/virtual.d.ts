declare module 'virtual:trygg-basemap' {
  /** Fingerprinted URLs of the offline basemap assets, written at build time (vite-plugin.ts). */
  export const basemapUrls: { overview: string; detail: string; streets: string };
}
