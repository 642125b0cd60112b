import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../../src/db/schema.js';
import { SYSTEM } from '../../src/domain/auth.js';
import { resolveSharedDataDir, seedStockholm, STOCKHOLM } from '../../src/features/seed/seed.service.js';
import type { ServiceContext } from '../../src/core/context.js';

/** Real Stockholm (districts, neighbourhoods, places, units incl. the police) without demo rows, and without police notices unless asked. */
export async function seedStockholmForImports(
  db: Kysely<Database>,
  options: { police?: boolean } = {},
): Promise<ServiceContext> {
  const { organisation } = await seedStockholm(db, { demoIncidents: 0, police: options.police ?? false });
  return {
    db,
    organisation: { ...organisation, timeZone: STOCKHOLM.time_zone },
    principal: SYSTEM,
    actor: 'test',
    log: pino({ level: 'silent' }),
  };
}

/** A file of the shared public data (SOURCES.md), e.g. 'polisen/events_latest_snapshot_raw.json'. */
export function sharedDataFile(path: string): string {
  return join(resolveSharedDataDir(), path);
}

/** A temporary folder for import files, removed by `cleanup`. */
export function importFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'trygg-import-test-'));
  return {
    dir,
    /** Writes text (UTF-8 unless `encoding` says otherwise) or bytes and returns the path. */
    write(name: string, content: string | Buffer | Uint8Array): string {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** windows-1252 bytes of Latin-1 text (å ä ö é and friends), as Swedish Windows Excel saves "CSV (semikolonavgränsad)". */
export function windows1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

export async function countIncidents(db: Kysely<Database>, source?: string): Promise<number> {
  let q = db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n'));
  if (source) q = q.where('source', '=', source as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** A multipart/form-data body with one file field, as a browser's FormData sends it. */
export function multipartUpload(
  fileName: string,
  content: string | Buffer,
  { field = 'file', type = 'application/octet-stream' }: { field?: string; type?: string } = {},
) {
  const boundary = `----trygg${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
