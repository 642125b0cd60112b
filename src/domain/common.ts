import { z } from 'zod';

export const UuidSchema = z.uuid();
export const SlugSchema = z.string().regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens');
/** A calendar day, 'YYYY-MM-DD'. */
export const IsoDateSchema = z.iso.date();
/** An instant with an explicit offset, e.g. '2026-11-20T21:15:00+01:00'. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

export const LonSchema = z.number().gte(-180).lte(180);
export const LatSchema = z.number().gte(-90).lte(90);

/** 'minLon,minLat,maxLon,maxLat' in WGS84. */
export const BboxSchema = z.string().transform((s, ctx) => {
  const parts = s.split(',').map(Number);
  const [minLon, minLat, maxLon, maxLat] = parts;
  if (
    parts.length !== 4 ||
    minLon === undefined ||
    minLat === undefined ||
    maxLon === undefined ||
    maxLat === undefined ||
    parts.some((n) => !Number.isFinite(n)) ||
    minLon > maxLon ||
    minLat > maxLat ||
    minLon < -180 ||
    maxLon > 180 ||
    minLat < -90 ||
    maxLat > 90
  ) {
    ctx.addIssue({ code: 'custom', message: 'bbox must be minLon,minLat,maxLon,maxLat in WGS84' });
    return z.NEVER;
  }
  return { minLon, minLat, maxLon, maxLat };
});
export type Bbox = { minLon: number; minLat: number; maxLon: number; maxLat: number };

/** A comma-separated list in a query string, e.g. 'klotter,skadegorelse'. */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(50));

export const LimitSchema = z.coerce.number().int().min(1).max(1000).default(100);

export const PageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() });
