/**
 * How fast the pages' data comes: `npx tsx bench/pages.ts [--engines pglite,postgres] [--runs 20]`
 * Per engine, on a fresh database with the Stockholm demo (the seed's 50,000 generated incidents, police events
 * and programme) and its demo accounts, signed in as each role (admin, coordinator, unit editor, police,
 * analyst), every GET endpoint the web pages load (src/web/api/*endpoints.ts; file downloads left out) is
 * called `runs` times after one warm-up, through the whole app (app.inject: session, policy, service, JSON).
 * Prints p50/p95 per endpoint over all roles that may call it, slowest first, and each p95 as a multiple of
 * the cached situation report's p95 measured in the same run, between the same calls (target ≤ 10×).
 * PostgreSQL: a database of its own (`bench_pages_<pid>`) on TEST_DATABASE_URL's server, dropped afterwards.
 */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import pg from 'pg';
import { agreementsContract } from '../src/contracts/agreements.contract.js';
import { annualContract } from '../src/contracts/annual.contract.js';
import { auditContract } from '../src/contracts/audit.contract.js';
import { authContract } from '../src/contracts/auth.contract.js';
import { categoriesContract } from '../src/contracts/categories.contract.js';
import type { RouteContract } from '../src/contracts/define-route.js';
import { gdprContract } from '../src/contracts/gdpr.contract.js';
import { importsContract } from '../src/contracts/imports.contract.js';
import { incidentsContract } from '../src/contracts/incidents.contract.js';
import { measuresContract } from '../src/contracts/measures.contract.js';
import { orgContract } from '../src/contracts/org.contract.js';
import { placesContract } from '../src/contracts/places.contract.js';
import { problemsContract } from '../src/contracts/problems.contract.js';
import { programmesContract } from '../src/contracts/programmes.contract.js';
import { qualityContract } from '../src/contracts/quality.contract.js';
import { recordsContract } from '../src/contracts/records.contract.js';
import { requestsContract } from '../src/contracts/requests.contract.js';
import { responsibilityContract } from '../src/contracts/responsibility.contract.js';
import { situationContract } from '../src/contracts/situation.contract.js';
import { viewsContract } from '../src/contracts/views.contract.js';
import { connect, type DbHandle, type Engine } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { SYSTEM } from '../src/domain/auth.js';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeek } from '../src/domain/calendar/index.js';
import { createDemoAccounts, type DemoAccount } from '../src/features/auth/demo-accounts.js';
import { seedStockholm, STOCKHOLM } from '../src/features/seed/seed.service.js';
import { buildApp } from '../src/server/app.js';
import { routeUrl } from '../src/web/api/call.js';
import { signIn } from '../tests/factories/users.factory.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const ENGINES = arg('engines', 'pglite,postgres').split(',') as Engine[];
const RUNS = Number(arg('runs', '20'));
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET = 10;

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function open(engine: Engine): Promise<DbHandle & { dispose(): Promise<void> }> {
  if (engine === 'pglite') {
    const h = await connect({ dataDir: 'memory://' });
    return { ...h, dispose: () => h.close() };
  }
  const name = `bench_pages_${process.pid}`;
  const adminUrl = new URL(PG_URL);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const h = await connect({ databaseUrl: url.toString(), maxConnections: 8 });
  return {
    ...h,
    dispose: async () => {
      await h.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

/** `notFound`: a 404 is one of the route's answers to the page (an incident routed to nobody). */
type Call = { name: string; url: string; notFound?: boolean };
const get = <C extends RouteContract>(contract: C, input?: Parameters<typeof routeUrl<C>>[1]): Call => ({
  name: `${contract.path}${input && 'query' in input && input.query ? ` ?${Object.keys(input.query).join('&')}` : ''}`,
  url: (routeUrl as (c: C, i?: unknown) => string)(contract, input),
});

/** Real ids from the demo: the coordinator's district, its area, and the first of each kind of record. */
async function demoIds(h: DbHandle) {
  const first = async <T>(q: Promise<T | undefined>, what: string) => {
    const row = await q;
    if (!row) throw new Error(`the demo has no ${what}`);
    return row;
  };
  const district = await first(
    h.db.selectFrom('units').select('id').where('slug', '=', 'enskede-arsta-vantor').executeTakeFirst(),
    'district unit',
  );
  const area = await first(
    h.db
      .selectFrom('areas')
      .select('id')
      .where('owner_unit_id', '=', district.id)
      .where('level', '=', 'district')
      .where('valid_to', 'is', null)
      .executeTakeFirst(),
    'district area',
  );
  const incident = await first(
    h.db.selectFrom('incidents').select('id').orderBy('occurred_at', 'desc').limit(1).executeTakeFirst(),
    'incident',
  );
  const place = await first(
    h.db.selectFrom('incidents').select('place_id as id').where('place_id', 'is not', null).limit(1).executeTakeFirst(),
    'place with incidents',
  );
  const problem = await first(h.db.selectFrom('problems').select('id').limit(1).executeTakeFirst(), 'problem');
  const measure = await first(h.db.selectFrom('measures').select('id').limit(1).executeTakeFirst(), 'measure');
  const agreement = await first(
    h.db.selectFrom('local_agreements').select('id').limit(1).executeTakeFirst(),
    'local agreement',
  );
  const versions = await h.db
    .selectFrom('programme_versions')
    .select(['id', 'status'])
    .where('status', 'in', ['adopted', 'replaced'])
    .orderBy('period_from')
    .execute();
  if (versions.length < 2) throw new Error('the demo has no adopted programme replacing another');
  return {
    district: district.id,
    replacedVersion: versions[0]!.id,
    adoptedVersion: versions[versions.length - 1]!.id,
    area: area.id,
    incident: incident.id,
    place: place.id!,
    problem: problem.id,
    measure: measure.id,
    agreement: agreement.id,
  };
}

/** Every GET the pages make, for a caller in `unitId` (their own unit's views and inbox). */
function pageCalls(ids: Awaited<ReturnType<typeof demoIds>>, unitId: string, week: string): Call[] {
  const year = Number(week.slice(0, 4));
  return [
    get(authContract.me),
    get(authContract.providers),
    get(orgContract.organisation),
    get(categoriesContract.list),
    get(orgContract.units, { query: {} }),
    get(orgContract.areas, { query: { level: 'district', format: 'json' } }),
    get(orgContract.areas, { query: { level: 'neighbourhood', format: 'geojson' } }),
    get(orgContract.area, { params: { id: ids.area } }),
    get(placesContract.list, { query: {} }),
    get(placesContract.get, { params: { id: ids.place } }),
    get(incidentsContract.list, { query: { area_id: ids.area, limit: 50, format: 'json' } }),
    get(incidentsContract.list, { query: { area_id: ids.area, limit: 500, format: 'geojson' } }),
    get(incidentsContract.hexbins, { query: { area_id: ids.area, resolution: 8 } }),
    get(incidentsContract.get, { params: { id: ids.incident } }),
    { ...get(responsibilityContract.assignment, { params: { id: ids.incident } }), notFound: true },
    get(gdprContract.processingRecord),
    get(auditContract.search, { query: { limit: 50 } }),
    get(problemsContract.list),
    get(problemsContract.get, { params: { id: ids.problem } }),
    get(measuresContract.list, { query: {} }),
    get(measuresContract.get, { params: { id: ids.measure } }),
    get(requestsContract.list, { query: {} }),
    get(viewsContract.district, { params: { unit_id: ids.district } }),
    get(viewsContract.unit, { params: { unit_id: unitId } }),
    get(viewsContract.city),
    get(situationContract.inbox, { query: { unit_id: unitId } }),
    get(qualityContract.report, { query: { scope: 'district', unit_id: ids.district } }),
    get(agreementsContract.list, { query: { district_unit_id: ids.district } }),
    get(agreementsContract.get, { params: { id: ids.agreement } }),
    get(agreementsContract.listPublic, { query: {} }),
    get(annualContract.report, { query: { scope: 'district', unit_id: ids.district, year } }),
    get(importsContract.profiles),
    get(recordsContract.releases, { query: {} }),
    get(responsibilityContract.rules),
    get(responsibilityContract.serviceLevels),
    get(responsibilityContract.compliance, { query: { unit_id: unitId } }),
    get(programmesContract.list),
    get(programmesContract.get, { params: { id: ids.adoptedVersion } }),
    get(programmesContract.compare, { query: { from: ids.replacedVersion, to: ids.adoptedVersion } }),
  ];
}

async function signedIn(app: FastifyInstance, h: DbHandle, accounts: DemoAccount[]) {
  const roles = ['admin', 'coordinator', 'unit_editor', 'partner_viewer', 'analyst'] as const;
  return Promise.all(
    roles.map(async (role) => {
      const account = accounts.find((a) => a.role === role)!;
      const user = await h.db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .select('memberships.unit_id')
        .where('users.email', '=', account.email)
        .executeTakeFirstOrThrow();
      const { headers } = await signIn(app, account.email, account.password);
      return { role, email: account.email, unitId: user.unit_id, headers };
    }),
  );
}

async function run(engine: Engine): Promise<void> {
  console.log(`\n=== ${engine}`);
  const h = await open(engine);
  try {
    await migrateToLatest(h.db);
    let t = performance.now();
    const seeded = await seedStockholm(h.db, {});
    console.log(
      `seeded the demo (${seeded.demoIncidents} generated incidents) in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
    const accounts = await createDemoAccounts(
      {
        db: h.db,
        organisation: { ...seeded.organisation, timeZone: STOCKHOLM.time_zone },
        principal: SYSTEM,
        actor: 'system',
        log: pino({ level: 'silent' }),
      },
      { oneTimePasswords: false },
    );
    const app = await buildApp({
      db: h.db,
      engine,
      config: { bodyLimit: 1_048_576, defaultOrganisation: 'stockholm' },
      webRoot: null,
    });
    const ids = await demoIds(h);
    const week = addWeeks(isoWeek(new Date(), DEFAULT_TIME_ZONE), -1);
    const report = get(situationContract.report, { query: { area_id: ids.area, week } });
    const samples = new Map<string, { all: number[]; byRole: Map<string, number[]> }>();
    const refused = new Map<string, string[]>();
    const baseline: number[] = [];
    const timed = async (url: string, headers: Record<string, string>) => {
      const start = performance.now();
      const res = await app.inject({ url, headers });
      return { ms: performance.now() - start, status: res.statusCode, body: res.body };
    };
    t = performance.now();
    const callers = await signedIn(app, h, accounts);
    const coordinator = callers.find((c) => c.role === 'coordinator')!.headers;
    // The report as the coordinator's page asks for it, made once so that later calls are cached.
    await timed(report.url, coordinator);
    for (const caller of callers) {
      for (const call of pageCalls(ids, caller.unitId, week)) {
        const first = await timed(call.url, caller.headers);
        // A record beyond the caller's tier is reported as absent (404), as the policy says.
        if (first.status === 403 || first.status === 401 || (first.status === 404 && !call.notFound)) {
          refused.set(call.name, [...(refused.get(call.name) ?? []), caller.role]);
          continue;
        }
        if (first.status !== 200 && !(call.notFound && first.status === 404))
          throw new Error(`${caller.role} ${call.url}: ${first.status} ${first.body.slice(0, 300)}`);
        const entry = samples.get(call.name) ?? { all: [] as number[], byRole: new Map<string, number[]>() };
        samples.set(call.name, entry);
        const own: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          own.push((await timed(call.url, caller.headers)).ms);
          // The reference, interleaved so that both see the same load on the machine.
          baseline.push((await timed(report.url, coordinator)).ms);
        }
        entry.all.push(...own);
        entry.byRole.set(caller.role, own);
      }
    }
    const ref = percentiles(baseline);
    console.log(
      `${samples.size} endpoints × ${RUNS} runs per role in ${((performance.now() - t) / 1000).toFixed(0)} s; ` +
        `situation report (cached) p50 ${ref.p50.toFixed(1)} ms, p95 ${ref.p95.toFixed(1)} ms over ${baseline.length} calls`,
    );
    const rows = [...samples.entries()]
      .map(([name, s]) => {
        const slowest = [...s.byRole.entries()]
          .map(([role, xs]) => ({ role, p95: percentiles(xs).p95 }))
          .sort((a, b) => b.p95 - a.p95)[0]!;
        return { name, ...percentiles(s.all), roles: s.byRole.size, slowest };
      })
      .sort((a, b) => b.p95 - a.p95);
    const width = Math.max(...rows.map((r) => r.name.length));
    console.log(`${'endpoint'.padEnd(width)}  roles      p50      p95  p95/report  slowest role (p95)`);
    for (const r of rows) {
      const ratio = r.p95 / ref.p95;
      console.log(
        `${r.name.padEnd(width)}  ${String(r.roles).padStart(5)}  ${r.p50.toFixed(1).padStart(7)}  ${r.p95.toFixed(1).padStart(7)}  ` +
          `${`${ratio.toFixed(1)}×`.padStart(10)}${ratio > TARGET ? ' !' : '  '}  ${r.slowest.role} (${r.slowest.p95.toFixed(1)})`,
      );
    }
    const over = rows.filter((r) => r.p95 / ref.p95 > TARGET);
    console.log(
      over.length
        ? `${over.length} endpoint(s) over ${TARGET}× the cached report's p95 (marked !)`
        : `every endpoint's p95 ≤ ${TARGET}× the cached report's p95`,
    );
    for (const [name, roles] of refused)
      console.log(`  refused or absent for the role (as the policy says): ${name} for ${roles.join(', ')}`);
    await app.close();
  } finally {
    await h.dispose();
  }
}

for (const engine of ENGINES) await run(engine);
