import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { listTables } from '../../src/features/backup/catalog.js';

const UUID = '00000000-0000-4000-8000-000000000000';
/** Text with the NUL character inside or at either end: PostgreSQL refuses it in text columns. */
const withNul = fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `${a}\u0000${b}`);
const PARAMS: Record<string, fc.Arbitrary<string>> = {
  id: fc.oneof(fc.constant(UUID), fc.uuid(), fc.string({ maxLength: 40 }), withNul),
  format: fc.constantFrom('json', 'xml', 'yaml', '', 'json\u0000'),
  code: fc.oneof(fc.constantFrom('klotter', 'brand'), fc.string({ maxLength: 20 }), withNul),
  receipt: fc.oneof(fc.constant('TR-AAAA-AAAA'), fc.string({ maxLength: 20 }), withNul),
  area_id: fc.oneof(fc.constant(UUID), fc.string({ maxLength: 40 }), withNul),
};

/** Strings that have broken parsers and queries before: SQL, markup, control and wide characters. */
const nasty = fc.constantFrom(
  "'; DROP TABLE incidents; --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x","y")',
  '\u0000',
  '\uFFFF',
  '😀'.repeat(50),
  '../../etc/passwd',
  '%00',
  '{"$gt":""}',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30T25:61:00Z',
  ' ',
  'a'.repeat(5000),
);
const scalar = fc.oneof(
  fc.string({ maxLength: 50 }),
  nasty,
  withNul,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
/** Bodies: random JSON, and objects that look like the API's with wrong or extreme values. */
export const bodyArbitrary = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'occurred_at',
      'category',
      'lon',
      'lat',
      'precision',
      'place_id',
      'zone_id',
      'description',
      'source',
      'status',
      'closure_reason',
      'note',
      'email',
      'password',
      'name',
      'scopes',
      'week',
      'area_id',
      'unit_id',
      'due_date',
      'label_sv',
      'code',
      'x',
    ),
    fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
    { maxKeys: 8 },
  ),
);
export const queryArbitrary = fc.dictionary(
  fc.constantFrom(
    'limit',
    'cursor',
    'bbox',
    'from',
    'to',
    'category',
    'area_id',
    'week',
    'resolution',
    'format',
    'status',
    'before_id',
    'x',
  ),
  fc.oneof(fc.string({ maxLength: 30 }), nasty.map(String), withNul, fc.integer().map(String)),
  { maxKeys: 4 },
);

export function concreteUrl(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:([a-z_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
}

/** Rows per table: a rejected request must leave every count as it was. */
export async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await listTables(db)) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t.name)}`.execute(db);
    counts[t.name] = rows[0]!.n;
  }
  return counts;
}

export interface FuzzFinding {
  route: string;
  status: number;
  request: unknown;
}

/**
 * Sends `runs` generated requests to one route as the given caller; returns the 5xx answers and whether
 * any request was accepted (then the caller checks row counts per request instead of per batch).
 */
export async function fuzzRoute(
  app: FastifyInstance,
  route: { method: string; url: string },
  headers: Record<string, string>,
  runs: number,
  seed: number,
) {
  const findings: FuzzFinding[] = [];
  let accepted = 0;
  const params = fc.record(
    Object.fromEntries(
      [...route.url.matchAll(/:([a-z_]+)/g)].map((m) => [m[1]!, PARAMS[m[1]!] ?? fc.string({ maxLength: 10 })]),
    ),
  );
  await fc.assert(
    fc.asyncProperty(params, queryArbitrary, bodyArbitrary, async (p, query, body) => {
      const withBody = !['GET', 'DELETE'].includes(route.method);
      const res = await app.inject({
        method: route.method as 'GET',
        url: concreteUrl(route.url, p as Record<string, string>),
        query: query as Record<string, string>,
        headers,
        ...(withBody ? { payload: body as object } : {}),
      });
      if (res.statusCode >= 500)
        findings.push({ route: `${route.method} ${route.url}`, status: res.statusCode, request: { p, query, body } });
      if (res.statusCode < 400) accepted += 1;
    }),
    { numRuns: runs, seed, endOnFailure: false },
  );
  return { findings, accepted };
}
