/**
 * The weekly situation report under load: `npx tsx bench/situation.ts [--incidents 1000000] [--engines pglite,postgres] [--seconds 10]`
 * Per engine, on the real Stockholm areas and places with N synthetic incidents over three years:
 *   (a) the bare SQL aggregate: one district-week's category counts;
 *   (b) the full report endpoint (app.inject): the first report of the process (nothing cached), after a new
 *       incident in the report week (the real-world uncached case: the write invalidates the cached report and
 *       that week's cached parts), after a new incident in the current week (the report of last week stays
 *       cached), and warm (cached), plain and brotli-compressed as a browser asks;
 *   (c) Gi* over the whole city for one year at H3 res 9;
 *   (d) autocannon on 127.0.0.1: the report endpoint against a bare Fastify route returning the same payload.
 * Incidents go straight in with one INSERT … SELECT generate_series per 100k rows from a pool of points whose
 * H3 cells and area ids were computed here: 2/3 spread over every res-10 cell of the city, 1/3 at 200 hot spots,
 * 10 % at registered places. PostgreSQL uses TEST_DATABASE_URL (default the local test database) in a throwaway schema.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { cellToLatLng, polygonToCells } from 'h3-js';
import { type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { h3Cells } from '../src/analysis/geo/h3.js';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeek, weekBounds } from '../src/domain/calendar/index.js';
import { gistarH3 } from '../src/analysis/stats/gistar.js';
import { connect, type DbHandle, type Engine } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { GeoJSONPolygonal } from '../src/db/schema.js';
import { seedStockholm } from '../src/features/seed/seed.service.js';
import { countByCategory } from '../src/features/situation/situation.repo.js';
import { buildApp } from '../src/server/app.js';
import { signedInAs } from '../tests/factories/users.factory.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const N = Number(arg('incidents', '1000000'));
const ENGINES = arg('engines', 'pglite,postgres').split(',') as Engine[];
const SECONDS = Number(arg('seconds', '10'));
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CHUNK = 100_000;
const YEARS_S = 3 * 365 * 86_400;

const ms = (x: number) => `${x.toFixed(1)} ms`;
function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
async function time(runs: number, fn: () => Promise<unknown>, before?: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return percentiles(samples);
}

async function open(engine: Engine): Promise<DbHandle & { dispose(): Promise<void> }> {
  if (engine === 'pglite') {
    const h = await connect({ dataDir: 'memory://' });
    return { ...h, dispose: () => h.close() };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const h = await connect({ databaseUrl: PG_URL, searchPath: schema, maxConnections: 8 });
  return {
    ...h,
    dispose: async () => {
      await h.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/** A pool of located points: [lon, lat, h3 r7–r10, area id, district id, place id]. */
async function pointPool(h: DbHandle, organisationId: string) {
  const hoods = await h.db
    .selectFrom('areas')
    .select(['id', 'code', 'parent_id', 'geometry'])
    .where('organisation_id', '=', organisationId)
    .where('level', '=', 'neighbourhood')
    .where('valid_to', 'is', null)
    .execute();
  const cells: Array<[string, string, string]> = [];
  for (const n of hoods) {
    const g = n.geometry as GeoJSONPolygonal;
    for (const p of g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      for (const c of polygonToCells(p, 10, true)) cells.push([c, n.id, n.parent_id!]);
  }
  const byCode = new Map(hoods.map((n) => [n.code, n]));
  const places = (
    await h.db
      .selectFrom('places')
      .select(['id', 'lon', 'lat', 'neighbourhood_code'])
      .where('organisation_id', '=', organisationId)
      .execute()
  ).filter((p) => p.neighbourhood_code && byCode.has(p.neighbourhood_code));
  let seed = 20261125;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const hot = Array.from({ length: 200 }, () => cells[Math.floor(rand() * cells.length)]!);
  const pool: Array<[number, number, string, string, string, string, string, string, string | null]> = [];
  const push = (lon: number, lat: number, areaId: string, districtId: string, placeId: string | null) => {
    const h3 = h3Cells(lon, lat);
    pool.push([lon, lat, h3.r7, h3.r8, h3.r9, h3.r10, areaId, districtId, placeId]);
  };
  for (let i = 0; i < 30_000; i++) {
    const r = rand();
    if (r < 0.1 && places.length) {
      const p = places[Math.floor(rand() * places.length)]!;
      const n = byCode.get(p.neighbourhood_code!)!;
      push(p.lon, p.lat, n.id, n.parent_id!, p.id);
    } else {
      const [cell, areaId, districtId] =
        r < 0.4 ? hot[Math.floor(rand() * hot.length)]! : cells[Math.floor(rand() * cells.length)]!;
      const [lat, lon] = cellToLatLng(cell);
      push(lon, lat, areaId, districtId, null);
    }
  }
  return pool;
}

async function load(h: DbHandle, organisationId: string, n: number): Promise<number> {
  const t = performance.now();
  const pool = await pointPool(h, organisationId);
  await sql`CREATE TABLE bench_points (idx int PRIMARY KEY, lon float8, lat float8, r7 text, r8 text, r9 text, r10 text, area_id uuid, district_id uuid, place_id uuid)`.execute(
    h.db,
  );
  for (let i = 0; i < pool.length; i += 1000) {
    const rows = pool
      .slice(i, i + 1000)
      .map(
        (p, j) =>
          sql`(${i + j}, ${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}, ${p[4]}, ${p[5]}, ${p[6]}::uuid, ${p[7]}::uuid, ${p[8]}::uuid)`,
      );
    await sql`INSERT INTO bench_points VALUES ${sql.join(rows)}`.execute(h.db);
  }
  const categories = (
    await h.db.selectFrom('incident_categories').select('id').where('organisation_id', '=', organisationId).execute()
  ).map((c) => c.id);
  const cats = sql.raw(`ARRAY[${categories.map((c) => `'${c}'::uuid`).join(',')}]`);
  for (let from = 1; from <= n; from += CHUNK) {
    const to = Math.min(n, from + CHUNK - 1);
    // Deterministic spreading by multiplicative hashing of the series number: no random(), same rows every run.
    await sql`
      INSERT INTO incidents (organisation_id, occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, place_id, source, status)
      SELECT ${organisationId}::uuid, t.at, t.at + interval '2 hours', (${cats})[(1 + (g * 7 + g / 13) % ${sql.lit(categories.length)})::int],
             p.lon, p.lat,
             CASE WHEN g % 20 = 0 THEN 'area' WHEN p.place_id IS NOT NULL THEN 'place' ELSE 'exact' END,
             CASE WHEN g % 20 = 0 THEN NULL ELSE p.r7 END, CASE WHEN g % 20 = 0 THEN NULL ELSE p.r8 END,
             CASE WHEN g % 20 = 0 THEN NULL ELSE p.r9 END, CASE WHEN g % 20 = 0 THEN NULL ELSE p.r10 END,
             p.area_id, p.district_id, p.place_id, CASE WHEN g % 3 = 0 THEN 'staff' ELSE 'resident' END, 'new'
      FROM generate_series(${from}::bigint, ${to}::bigint) g
      JOIN bench_points p ON p.idx = (g * 2654435761) % ${sql.lit(pool.length)}
      CROSS JOIN LATERAL (SELECT now() - interval '1 hour' - make_interval(secs => ((g * 40503) % ${sql.lit(YEARS_S)})) AS at) t`.execute(
      h.db,
    );
    process.stdout.write(`\r  loaded ${to.toLocaleString('en')} incidents`);
  }
  await sql`ANALYZE incidents`.execute(h.db);
  await sql`ANALYZE incident_weekly_counts`.execute(h.db);
  process.stdout.write('\n');
  return performance.now() - t;
}

async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return (app.server.address() as { port: number }).port;
}

async function run(engine: Engine): Promise<void> {
  console.log(`\n=== ${engine}`);
  const h = await open(engine);
  try {
    await migrateToLatest(h.db);
    const seeded = await seedStockholm(h.db, { demoIncidents: 0, police: false });
    const orgId = seeded.organisation.id;
    const loadMs = await load(h, orgId, N);
    console.log(`generated ${N.toLocaleString('en')} incidents over 3 years in ${(loadMs / 1000).toFixed(1)} s`);

    const district = await h.db
      .selectFrom('areas')
      .select(['id', 'name'])
      .where('code', '=', 'enskede-arsta-vantor')
      .executeTakeFirstOrThrow();
    const hoodIds = (
      await sql<{
        id: string;
      }>`SELECT n.id FROM areas n WHERE n.level = 'neighbourhood' AND n.code IN (SELECT code FROM areas WHERE parent_id = ${district.id})`.execute(
        h.db,
      )
    ).rows.map((r) => r.id);
    const week = addWeeks(isoWeek(new Date(), DEFAULT_TIME_ZONE), -1);
    const bounds = weekBounds(week, DEFAULT_TIME_ZONE);
    const scope = {
      organisationId: orgId,
      areaIds: hoodIds,
      categoryIds: null,
      sources: null,
      timeZone: DEFAULT_TIME_ZONE,
    };
    const weekRows = (await countByCategory(h.db, scope, bounds)).reduce((s, r) => s + r.count, 0);
    const bare = await time(50, () => countByCategory(h.db, scope, bounds));
    console.log(
      `(a) bare aggregate, ${district.name} ${week} (${weekRows} incidents): p50 ${ms(bare.p50)}, p95 ${ms(bare.p95)}`,
    );
    const plan = await sql<{
      'QUERY PLAN': string;
    }>`EXPLAIN SELECT category_id, count(*) FROM incidents WHERE organisation_id = ${orgId} AND occurred_at >= ${bounds.start} AND occurred_at < ${bounds.end} AND area_id IN (${sql.join(hoodIds)}) GROUP BY category_id`.execute(
      h.db,
    );
    console.log(
      `    plan: ${plan.rows
        .map((r) => r['QUERY PLAN'].trim())
        .filter((l) => /Scan/.test(l))
        .map((l) => l.replace(/^->\s*/, '').replace(/\s+\(cost.*/, ''))
        .join(' | ')}`,
    );

    const app = await buildApp({
      db: h.db,
      engine,
      config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' },
      webRoot: null,
    });
    const unit = await h.db
      .selectFrom('units')
      .select('id')
      .where('slug', '=', 'enskede-arsta-vantor')
      .executeTakeFirstOrThrow();
    const { headers } = await signedInAs(app, h.db, orgId, unit.id, 'coordinator');
    const url = `/api/situation/report?area_id=${district.id}&week=${week}`;
    const call = async () => {
      const res = await app.inject({ url, headers });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 200)}`);
      return res;
    };
    let t = performance.now();
    const payload = (await call()).body;
    const first = performance.now() - t;
    // A copy of one of the district-week's incidents at `occurredAt`, written as any writer would: through the triggers.
    const copyIncident = (occurredAt: RawBuilder<unknown>) => () =>
      sql`
      INSERT INTO incidents (organisation_id, occurred_at, reported_at, category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, place_id, source, status)
      SELECT organisation_id, ${occurredAt}, now(), category_id, lon, lat, precision, h3_r7, h3_r8, h3_r9, h3_r10, area_id, district_id, place_id, source, status
      FROM incidents WHERE organisation_id = ${orgId} AND area_id IN (${sql.join(hoodIds)}) AND occurred_at >= ${bounds.start} AND occurred_at < ${bounds.end} LIMIT 1`.execute(
        h.db,
      );
    const newIncident = copyIncident(sql`occurred_at`);
    const cold = await time(20, call, newIncident);
    // The weekly meeting's case: this week's reports keep arriving while the report of last week is open.
    const newIncidentThisWeek = copyIncident(sql`now()`);
    await call();
    const laterWeek = await time(20, call, newIncidentThisWeek);
    const warm = await time(200, call);
    // As a browser asks: the cached report's brotli bytes are made once, not per request.
    const browserHeaders = { ...headers, 'accept-encoding': 'gzip, deflate, br' };
    const compressed = (await app.inject({ url, headers: browserHeaders })).rawPayload.length;
    const warmBrowser = await time(200, () => app.inject({ url, headers: browserHeaders }));
    console.log(
      `(b) full report ${(payload.length / 1024).toFixed(0)} kB: first of the process (nothing cached) ${ms(first)}; ` +
        `after a new incident in the week p50 ${ms(cold.p50)}, p95 ${ms(cold.p95)}; warm (cached) p50 ${ms(warm.p50)}, p95 ${ms(warm.p95)}`,
    );
    console.log(
      `    after a new incident in the current week (the report week is last week's) p50 ${ms(laterWeek.p50)}, p95 ${ms(laterWeek.p95)} (${(laterWeek.p95 / bare.p95).toFixed(1)}× the aggregate)`,
    );
    console.log(
      `    warm as a browser asks (br, ${(compressed / 1024).toFixed(0)} kB): p50 ${ms(warmBrowser.p50)}, p95 ${ms(warmBrowser.p95)}`,
    );
    console.log(
      `    ratio to bare aggregate p95: after a new incident ${(cold.p95 / bare.p95).toFixed(1)}×, warm ${(warm.p95 / bare.p95).toFixed(1)}× (target ≤ 3×, and < 300 ms on PGlite)`,
    );
    const cityUrl = `/api/situation/report?week=${week}`;
    t = performance.now();
    await app.inject({ url: cityUrl, headers });
    console.log(`    whole city, cold: ${ms(performance.now() - t)}`);

    // (c) Gi* for the whole city over one year, res 9, on every res-9 cell of the city's stadsdelar.
    const yearStart = weekBounds(addWeeks(week, -51), DEFAULT_TIME_ZONE).start;
    t = performance.now();
    const cellRows = (
      await sql<{
        cell: string;
        n: number;
      }>`SELECT h3_r9 AS cell, count(*) AS n FROM incidents WHERE organisation_id = ${orgId} AND occurred_at >= ${yearStart} AND occurred_at < ${bounds.end} AND h3_r9 IS NOT NULL GROUP BY 1`.execute(
        h.db,
      )
    ).rows;
    const sqlMs = performance.now() - t;
    const geoms = await h.db
      .selectFrom('areas')
      .select('geometry')
      .where('level', '=', 'neighbourhood')
      .where('valid_to', 'is', null)
      .execute();
    const study = [
      ...new Set(
        geoms.flatMap((g) => {
          const geo = g.geometry as GeoJSONPolygonal;
          return (geo.type === 'Polygon' ? [geo.coordinates] : geo.coordinates).flatMap((p) =>
            polygonToCells(p, 9, true),
          );
        }),
      ),
    ];
    const counts = new Map(cellRows.map((r) => [r.cell, r.n]));
    gistarH3(counts, study, 1);
    t = performance.now();
    const gi = gistarH3(counts, study, 1);
    console.log(
      `(c) Gi* whole city, one year: ${gi.total.toLocaleString('en')} incidents on ${gi.n} res-9 cells: ${ms(performance.now() - t)} (target < 1 s); SQL per-cell counts ${ms(sqlMs)}`,
    );

    // (d) throughput on loopback: the report route (session, versions, cached JSON) against a bare route.
    const parsed = JSON.parse(payload) as unknown;
    const bareApp = Fastify();
    bareApp.get('/bare', async () => parsed);
    const [port, barePort] = await Promise.all([listen(app), listen(bareApp)]);
    const cannon = (target: string) => autocannon({ url: target, connections: 10, duration: SECONDS, headers });
    const report = await cannon(`http://127.0.0.1:${port}${url}`);
    const bareRoute = await cannon(`http://127.0.0.1:${barePort}/bare`);
    await bareApp.close();
    console.log(
      `(d) autocannon ${SECONDS} s × 10 connections: report ${report.requests.average.toFixed(0)} req/s (p99 ${report.latency.p99} ms, ${report.non2xx} non-2xx), ` +
        `bare route ${bareRoute.requests.average.toFixed(0)} req/s: ${((100 * report.requests.average) / bareRoute.requests.average).toFixed(0)} % (target ≥ 50 %)`,
    );
    await app.close();
  } finally {
    await h.dispose();
  }
}

for (const engine of ENGINES) await run(engine);
