import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseCsv } from './csv.js';

/**
 * The folder holding package.json, found by walking up from this module: the same code runs from
 * src/features/seed (tsx, vitest) and from dist/server/features/seed (compiled), at different depths.
 */
export function findProjectRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** `../shared/data` next to the project folder: where the real public data of SOURCES.md lives. */
export const DEFAULT_SHARED_DATA_DIR = resolve(findProjectRoot(), '../shared/data');

/** The shared data folder to read: an explicit path, else env TRYGG_SHARED_DATA, else the default. */
export function resolveSharedDataDir(explicit?: string): string {
  return resolve(explicit ?? process.env.TRYGG_SHARED_DATA ?? DEFAULT_SHARED_DATA_DIR);
}

async function readText(dir: string, file: string): Promise<string> {
  return readFile(join(dir, file), 'utf8');
}

/** Reads a JSON file and validates it once, here at the edge; errors name the file. */
export async function readJsonFile<T extends z.ZodType>(dir: string, file: string, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readText(dir, file));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Reads a CSV file into validated records (one zod parse per row). */
export async function readCsvFile<T extends z.ZodType>(dir: string, file: string, rowSchema: T): Promise<z.infer<T>[]> {
  const rows = parseCsv(await readText(dir, file));
  return rows.map((row, i) => {
    const parsed = rowSchema.safeParse(row);
    if (!parsed.success) throw new Error(`${file} row ${i + 2}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  });
}

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
export const PolygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(Position).min(4)).min(1),
});
export const PointSchema = z.object({ type: z.literal('Point'), coordinates: Position });

/** A GeoJSON FeatureCollection whose features have the given properties and geometry. */
export function featureCollection<P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) {
  return z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ properties, geometry })) });
}

export type PolygonGeometry = z.infer<typeof PolygonSchema>;
