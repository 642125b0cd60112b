import { z } from 'zod';

/** An online tile basemap configured for a deployment (TRYGG_MAP_TILES and TRYGG_MAP_ATTRIBUTION). */
export const OnlineBasemapSchema = z.object({
  /** XYZ tile URL template: {z}, {x}, {y}, optionally {s} (subdomains a–c) and {r} (retina suffix). */
  url: z.string(),
  /** Shown on every map; the tile provider's licence asks for it. */
  attribution: z.string(),
  maxZoom: z.number().int(),
});
export type OnlineBasemap = z.infer<typeof OnlineBasemapSchema>;

export const MapConfigSchema = z.object({
  /** null: the built-in offline basemap is drawn. */
  tiles: OnlineBasemapSchema.nullable(),
});
export type MapConfig = z.infer<typeof MapConfigSchema>;

/**
 * The Content-Security-Policy source that allows a tile template's host, or an error message: only http(s),
 * with {z}, {x} and {y}; a {s} in the host becomes a wildcard subdomain (https://*.tile.example.org).
 */
export function tileTemplateSource(template: string): { source: string } | { error: string } {
  if (!['{z}', '{x}', '{y}'].every((p) => template.includes(p))) {
    return { error: 'TRYGG_MAP_TILES must contain {z}, {x} and {y}' };
  }
  let url: URL;
  try {
    url = new URL(template.replaceAll('{s}', 'a').replace(/\{[a-z]+\}/g, '0'));
  } catch {
    return { error: 'TRYGG_MAP_TILES is not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'TRYGG_MAP_TILES must be http(s)' };
  const hostAt = template.indexOf('//') + 2;
  const host = template.slice(hostAt).split('/')[0] ?? '';
  const wildcard = host.startsWith('{s}.');
  if (host.includes('{') && !wildcard) return { error: 'TRYGG_MAP_TILES may use {s} only as the first host label' };
  const hostname = wildcard ? `*.${url.host.slice(2)}` : url.host;
  return { source: `${url.protocol}//${hostname}` };
}
