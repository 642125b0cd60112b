import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeek, weekBounds } from '../../../src/domain/calendar/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_POSTGRES_URL } from '../../setup/test-db.js';
import { geojsonProblems } from '../../support/geojson-check.js';

const run = promisify(execFile);
const launcher = new URL('../../../bin/trygg', import.meta.url).pathname;

/** Runs `trygg …` as a user would: the package's `trygg` command, which runs the built CLI. */
async function trygg(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(launcher, args, {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('the trygg command', () => {
  it('lists every command in its help, though each command loads only its own module', async () => {
    const { code, stdout } = await trygg({}, '--help');
    expect(code).toBe(0);
    const commands = [...stdout.matchAll(/^ {2}(\w+)/gm)].map((m) => m[1]);
    expect(commands).toEqual([
      'serve',
      'db',
      'backup',
      'restore',
      'seed',
      'incidents',
      'retention',
      'import',
      'report',
      'records',
      'digest',
      'outbox',
      'help',
    ]);
    const unknown = await trygg({}, 'imprt');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command 'imprt'/);
  });

  it('runs an import as one Node process with the batch settings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trygg-cli-launch-'));
    // A file that never ends: the import waits on it, so the process can be looked at.
    const fifo = join(dir, 'incidents.csv');
    await run('mkfifo', [fifo]);
    const child = spawn(launcher, ['import', 'incidents', fifo, '--dry-run'], {
      env: { ...process.env, TRYGG_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
      stdio: 'ignore',
    });
    try {
      let argv: string[] = [];
      for (let i = 0; i < 200 && argv[0] !== 'node'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8')
          .split('\0')
          .map((a) => a.split('/').at(-1)!);
      }
      expect(argv.slice(0, 4)).toEqual(['node', '--v8-pool-size=1', '--max-semi-space-size=4', 'main.js']);
      expect(argv.slice(4, 6)).toEqual(['import', 'incidents']);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const engines = [
  {
    name: 'pglite',
    setUp: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trygg-cli-'));
      return {
        env: { TRYGG_DATA_DIR: dir, DATABASE_URL: '' },
        tearDown: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'postgres',
    setUp: async () => {
      const name = `trygg_cli_${Date.now().toString(36)}`;
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(TEST_POSTGRES_URL);
      url.pathname = `/${name}`;
      return { env: { DATABASE_URL: url.toString() }, tearDown: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
    },
  },
];

for (const engine of engines) {
  describe(`trygg CLI [${engine.name}]`, () => {
    let env: Record<string, string>;
    let tearDown: () => Promise<unknown>;

    beforeAll(async () => {
      ({ env, tearDown } = await engine.setUp());
      expect((await trygg(env, 'db', 'migrate')).code).toBe(0);
      const seeded = await trygg(env, 'seed', 'demo', '--incidents', '400');
      expect(seeded.code).toBe(0);
    }, 180_000);
    afterAll(async () => tearDown());

    it('lists a neighbourhood’s incidents as CSV with a header and only that area', async () => {
      const { code, stdout } = await trygg(
        env,
        'incidents',
        'list',
        '--area',
        'hogdalen',
        '--format',
        'csv',
        '--limit',
        '20',
      );
      expect(code).toBe(0);
      const [header, ...rows] = stdout.trim().split('\n');
      expect(header).toBe(
        'id,occurred_at,category,lon,lat,precision,area_id,district_id,place_id,source,status,generated,description',
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(20);
    });

    it('prints GeoJSON and JSON that parse, and honours the category filter', async () => {
      const geo = JSON.parse(
        (
          await trygg(
            env,
            'incidents',
            'list',
            '--area',
            'enskede-arsta-vantor',
            '--format',
            'geojson',
            '--limit',
            '50',
          )
        ).stdout,
      );
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features.length).toBeGreaterThan(0);
      const json = JSON.parse(
        (await trygg(env, 'incidents', 'list', '--category', 'klotter', '--format', 'json', '--limit', '30')).stdout,
      );
      expect(json.length).toBeGreaterThan(0);
      expect(json.every((i: { category: string }) => i.category === 'klotter')).toBe(true);
    });

    it('imports a split date and time and prints coarse incidents as GeoJSON without a point (or as their area)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trygg-cli-geo-'));
      try {
        const file = join(dir, 'grova.csv');
        writeFileSync(
          file,
          'id;datum;tid;kategori;lat;lon;noggrannhet;Väder\nG1;2026-10-25;02:30;Klotter;59,2634;18,0436;område;regn\nG2;2026-10-26;14:05;Klotter;59,3293;18,0686;kommun;sol\n',
        );
        const imported = await trygg(env, 'import', 'incidents', file);
        expect(imported.code).toBe(0);
        expect(imported.stdout).toContain('tid → occurred_time');
        expect(imported.stdout).toContain('Väder (används inte)');
        expect(imported.stdout).toContain('rad 2 sparas som: 2026-10-25 02:30, Klotter (area)');
        for (const [coarse, areaGeometry] of [
          ['null', null],
          ['polygon', 'Polygon'],
        ] as const) {
          const out = await trygg(
            env,
            'incidents',
            'list',
            '--source',
            'import',
            '--format',
            'geojson',
            '--coarse',
            coarse,
          );
          expect(out.code).toBe(0);
          const geo = JSON.parse(out.stdout);
          expect(geojsonProblems(geo)).toEqual([]);
          const byRef = new Map(
            geo.features.map((f: { properties: { source_ref: string } }) => [f.properties.source_ref, f]),
          );
          expect(byRef.get('G1')).toMatchObject({ properties: { precision: 'area', lon: null, lat: null } });
          expect((byRef.get('G1') as { geometry: { type: string } | null }).geometry?.type ?? null).toBe(areaGeometry);
          expect(byRef.get('G2')).toMatchObject({
            geometry: null,
            properties: { precision: 'municipality', lon: null, lat: null },
          });
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 120_000);

    it('explains a mistake with a code and a non-zero exit', async () => {
      const unknownArea = await trygg(env, 'incidents', 'list', '--area', 'atlantis');
      expect(unknownArea.code).toBe(1);
      expect(unknownArea.stderr).toMatch(/^NOT_FOUND:/);
      const badFormat = await trygg(env, 'incidents', 'list', '--format', 'pdf');
      expect(badFormat.code).toBe(1);
      expect(badFormat.stderr).toMatch(/^VALIDATION_FAILED: format/);
    });

    it('backs up and restores into a fresh embedded database, refusing a second restore without --force', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'trygg-cli-restore-'));
      try {
        const file = join(dir, 'backup.jsonl.gz');
        const backup = await trygg(env, 'backup', file);
        expect(backup.code).toBe(0);
        const fresh = { TRYGG_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
        const restored = await trygg(fresh, 'restore', file);
        expect(restored.stdout).toMatch(/^Restored \d+ rows/);
        const before = JSON.parse(
          (await trygg(env, 'incidents', 'list', '--format', 'json', '--limit', '100000')).stdout,
        );
        const after = JSON.parse(
          (await trygg(fresh, 'incidents', 'list', '--format', 'json', '--limit', '100000')).stdout,
        );
        expect(after).toEqual(before);
        const again = await trygg(fresh, 'restore', file);
        expect(again.code).toBe(1);
        expect(again.stderr).toMatch(/^CONFLICT:.*not_empty/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // Five CLI processes, each opening and migrating its database; the restore recounts the weekly counts.
    }, 180_000);

    it('writes a district-week situation report as JSON that agrees with the incident list, and as PDF and Excel', async () => {
      const week = addWeeks(isoWeek(new Date(), DEFAULT_TIME_ZONE), -1);
      const json = await trygg(env, 'report', 'situation', '--district', 'enskede-arsta-vantor', '--week', week);
      expect(json.code, json.stderr).toBe(0);
      const report = JSON.parse(json.stdout) as {
        scope: { code: string };
        week: string;
        totals: { count: number };
        period: { start: string; end: string };
        trend: Array<{ week: string; count: number }>;
      };
      expect(report.scope.code).toBe('enskede-arsta-vantor');
      expect(report.week).toBe(week);
      const listed = async (from: string, to: string) =>
        (
          JSON.parse(
            (
              await trygg(
                env,
                'incidents',
                'list',
                '--area',
                'enskede-arsta-vantor',
                '--from',
                from,
                '--to',
                to,
                '--format',
                'json',
                '--limit',
                '100000',
              )
            ).stdout,
          ) as unknown[]
        ).length;
      expect(report.totals.count).toBe(await listed(report.period.start, report.period.end));
      // The 52-week trend, summed, against the list over the same weeks: the demo's 400 incidents are spread over them.
      expect(report.trend).toHaveLength(52);
      const trendTotal = report.trend.reduce((sum, t) => sum + t.count, 0);
      expect(trendTotal).toBeGreaterThan(0);
      expect(trendTotal).toBe(
        await listed(weekBounds(report.trend[0]!.week, DEFAULT_TIME_ZONE).start.toISOString(), report.period.end),
      );

      const dir = mkdtempSync(join(tmpdir(), 'trygg-cli-report-'));
      try {
        for (const [format, magic] of [
          ['pdf', '%PDF-'],
          ['xlsx', 'PK'],
        ] as const) {
          const out = join(dir, `lagesbild.${format}`);
          const written = await trygg(
            env,
            'report',
            'situation',
            '--district',
            'enskede-arsta-vantor',
            '--week',
            week,
            '--format',
            format,
            '--out',
            out,
          );
          expect(written.code, written.stderr).toBe(0);
          expect(readFileSync(out).subarray(0, magic.length).toString('latin1')).toBe(magic);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const unknown = await trygg(env, 'report', 'situation', '--district', 'atlantis', '--week', week);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/^NOT_FOUND:/);
    }, 120_000);

    it('runs the retention rules as a dry run, the weekly digest and the outbox status', async () => {
      const retention = await trygg(env, 'retention', 'run', '--dry-run');
      expect(retention.code, retention.stderr).toBe(0);
      expect(JSON.parse(retention.stdout)).toMatchObject({ dry_run: true });
      expect(
        (JSON.parse(retention.stdout) as { results: Array<{ target: string }> }).results.map((r) => r.target),
      ).toContain('incident_free_text');
      const digest = await trygg(env, 'digest', 'weekly', '--week', '2026-W47');
      expect(digest.code, digest.stderr).toBe(0);
      expect(JSON.parse(digest.stdout)).toMatchObject({ week: '2026-W47' });
      const outbox = await trygg(env, 'outbox', 'status');
      expect(outbox.code, outbox.stderr).toBe(0);
      expect(Object.keys(JSON.parse(outbox.stdout) as object).sort()).toEqual(['failed', 'pending', 'sent']);
    }, 60_000);

    it('does not seed twice', async () => {
      const again = await trygg(env, 'seed', 'demo', '--incidents', '400');
      expect(again.code).toBe(0);
      const all = JSON.parse(
        (await trygg(env, 'incidents', 'list', '--source', 'demo', '--format', 'json', '--limit', '100000')).stdout,
      );
      expect(all).toHaveLength(400);
    });
  });
}
