import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../tests/setup/test-db.js';
import type { Database } from '../../db/schema.js';
import { lastCompleteWeek, sameWeekLastYear, weekBounds } from '../../domain/calendar/index.js';
import { isOpenAt } from '../../domain/opening-hours.js';
import { AFTER_HOURS } from './demo-texts.js';
import { seedStockholm } from './seed.service.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const ZONE = 'Europe/Stockholm';
const COUNT = 1500;
const YEAR_MS = 365 * 86_400_000;

/**
 * The seeded demo as a user reads it: three years of history behind the current week, reports at indoor
 * rooms while they are open (break-ins and night vandalism aside), and problems whose SARA stage agrees with
 * what their measures have done.
 */
describeEachEngine('the seeded demo', (getDb) => {
  const db = (): Kysely<Database> => getDb().db;

  beforeAll(async () => {
    await seedStockholm(db(), { demoIncidents: COUNT, demoSeed: 3, now: NOW, police: false });
  }, 180_000);

  // The yearly rise (six per cent) is smaller than the noise of 1,500 rows; demo-occurrence.test.ts checks it.
  it('spreads the requested number of reports over three years', async () => {
    const rows = await db().selectFrom('incidents').select('occurred_at').where('source', '=', 'demo').execute();
    expect(rows).toHaveLength(COUNT);
    const years = [0, 0, 0];
    for (const { occurred_at } of rows) {
      const age = Math.floor((NOW.getTime() - occurred_at.getTime()) / YEAR_MS);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(3); // the leap day reaches a day past three 365-day years
      years[Math.min(age, 2)]!++;
    }
    expect(years.every((n) => n > COUNT / 4)).toBe(true);
  });

  it('has reports in the last complete week and in the same week one and two years earlier', async () => {
    const weeks = [lastCompleteWeek(ZONE, NOW)];
    weeks.push(sameWeekLastYear(weeks[0]!), sameWeekLastYear(sameWeekLastYear(weeks[0]!)));
    for (const week of weeks) {
      const { start, end } = weekBounds(week, ZONE);
      const { n } = await db()
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source', '=', 'demo')
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .executeTakeFirstOrThrow();
      expect(Number(n), week).toBeGreaterThan(5);
    }
  });

  it('puts reports at indoor rooms inside their opening hours, except break-ins and vandalism at night', async () => {
    const rows = await db()
      .selectFrom('incidents as i')
      .innerJoin('places as p', 'p.id', 'i.place_id')
      .innerJoin('incident_categories as c', 'c.id', 'i.category_id')
      .select(['i.occurred_at', 'i.description', 'c.code', 'p.opening_hours', 'p.name'])
      .where('i.source', '=', 'demo')
      .where('p.setting', '=', 'indoor')
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    const afterHoursTexts = new Map(
      Object.entries(AFTER_HOURS).flatMap(([code, a]) => a.texts.map((t) => [t, code] as const)),
    );
    let afterHours = 0;
    for (const r of rows) {
      expect(r.opening_hours, r.name).not.toBeNull();
      const kind = afterHoursTexts.get(r.description ?? '');
      const open = isOpenAt(r.opening_hours!, r.occurred_at, ZONE);
      expect(open, `${r.name} ${r.code} ${r.occurred_at.toISOString()} '${r.description}'`).toBe(kind === undefined);
      if (kind !== undefined) {
        expect(r.code).toBe(kind);
        afterHours++;
      }
    }
    expect(afterHours).toBeGreaterThan(0);
  });

  it('keeps every problem in a SARA stage its measures agree with', async () => {
    const problems = await db().selectFrom('problems').select(['id', 'title', 'stage']).execute();
    const measures = await db()
      .selectFrom('measure_problems as mp')
      .innerJoin('measures as m', 'm.id', 'mp.measure_id')
      .select(['mp.problem_id', 'm.id', 'm.status'])
      .execute();
    const recorded = new Set(
      (
        await db().selectFrom('measure_followups').select('measure_id').where('recorded_at', 'is not', null).execute()
      ).map((f) => f.measure_id),
    );
    for (const p of problems) {
      const own = measures.filter((m) => m.problem_id === p.id);
      const started = own.filter((m) => m.status === 'ongoing' || m.status === 'done');
      if (p.stage === 'scanning' || p.stage === 'analysis') expect(started, p.title).toEqual([]);
      if (p.stage === 'scanning') expect(own, p.title).toEqual([]);
      if (p.stage === 'response') expect(started.length, p.title).toBeGreaterThan(0);
      if (p.stage === 'assessment')
        expect(
          own.some((m) => recorded.has(m.id)),
          p.title,
        ).toBe(true);
      // A problem whose measure has run and been followed up has moved past scanning.
      if (started.length > 0) expect(['response', 'assessment'], p.title).toContain(p.stage);
    }
    expect(new Set(problems.map((p) => p.stage))).toEqual(new Set(['scanning', 'analysis', 'response', 'assessment']));
  });

  it('has the yards of SISAB’s compulsory schools as outdoor places owned by SISAB, with reports', async () => {
    const yards = await db()
      .selectFrom('places as p')
      .innerJoin('units as u', 'u.id', 'p.owner_unit_id')
      .select(['p.id', 'p.name', 'p.setting', 'p.coordinate_approximate', 'u.slug as owner'])
      .where('p.type', '=', 'school')
      .execute();
    expect(yards).toHaveLength(165); // the 'Skola' features of stockholm_schools_sisab.geojson, all inside the city
    expect(yards.find((y) => y.name === 'Askebyskolan, skolgården')).toMatchObject({
      setting: 'outdoor',
      coordinate_approximate: true,
      owner: 'sisab',
    });
    expect(yards.every((y) => y.owner === 'sisab' && y.setting === 'outdoor')).toBe(true);
    const { n } = await db()
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'demo')
      .where(
        'place_id',
        'in',
        yards.map((y) => y.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThan(COUNT / 100);
  });
});
