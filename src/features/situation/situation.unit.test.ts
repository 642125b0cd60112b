import { describe, expect, it } from 'vitest';
import { iterateWeeks, weeksInIsoYear } from '../../domain/calendar/index.js';
import { IsoWeekSchema } from '../../domain/situation.js';
import { annualCalendar, knownPeriods } from './calendar.js';
import { proposeRating } from './rating.js';
import { createLru } from '../../core/lru.js';

describe('IsoWeekSchema', () => {
  it('agrees with the analysis library on which weeks exist, 1990–2100', () => {
    for (let year = 1990; year <= 2100; year++) {
      for (const week of [1, 52, 53, 54]) {
        const text = `${year}-W${String(week).padStart(2, '0')}`;
        expect(IsoWeekSchema.safeParse(text).success, text).toBe(week <= weeksInIsoYear(year));
      }
    }
  });

  it.each(['2026-47', '2026-W7', '2026-W00', 'W47', '2026-W47 '])('refuses %j', (week) => {
    expect(IsoWeekSchema.safeParse(week).success).toBe(false);
  });
});

describe('proposeRating', () => {
  it.each([
    [{ count: 0, violence: 0, significantRise: false }, 1, 0],
    [{ count: 4, violence: 0, significantRise: false }, 1, 4],
    [{ count: 5, violence: 0, significantRise: false }, 2, 5],
    [{ count: 12, violence: 2, significantRise: false }, 3, 16],
    [{ count: 12, violence: 2, significantRise: true }, 4, 16],
    [{ count: 40, violence: 0, significantRise: true }, 4, 40],
  ])('%o → level %i (score %i) with the defaults 5/15/30, violence × 3, rise +1', (input, level, score) => {
    expect(proposeRating(input)).toMatchObject({ level, score });
  });

  it('says why, in Swedish', () => {
    expect(proposeRating({ count: 12, violence: 2, significantRise: true }).reasons).toEqual([
      '12 händelser, varav 2 våld/hot (×3): 16 poäng',
      'gränser 5/15/30 poäng → oroligt',
      'signifikant ökning mot förra veckan → allvarligt',
    ]);
  });
});

describe('annual calendar', () => {
  it('knows the 2026 dates: Valborg w18, midsummer w25, Easter w14–15, dark season Nov–Feb', () => {
    const periods = Object.fromEntries(knownPeriods(2026).map((p) => [p.kind, p.weeks]));
    expect(periods.valborg).toEqual([18]);
    expect(periods.midsummer).toEqual([25]);
    expect(periods.pasklov).toEqual([14, 15]);
    expect(periods.sommarlov).toEqual([25, 26, 27, 28, 29, 30, 31, 32, 33]);
    expect(periods.dark_season).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 45, 46, 47, 48, 49, 50, 51, 52, 53]);
  });

  it('learns a peak that recurs in at least two past years and ignores a one-off and a half-covered year', () => {
    const weekly = new Map<string, number>();
    for (const year of [2023, 2024, 2025])
      for (const w of iterateWeeks(`${year}-W01`, `${year}-W${weeksInIsoYear(year)}`)) weekly.set(w, 20);
    weekly.set('2023-W18', 45);
    weekly.set('2025-W18', 50);
    weekly.set('2024-W30', 60); // once only
    for (const w of iterateWeeks('2022-W40', '2022-W52')) weekly.set(w, 200); // the system started in October 2022
    const cal = annualCalendar(weekly, '2026-W18');
    expect(cal.years_used).toEqual([2023, 2024, 2025]);
    expect(cal.peaks).toEqual([{ week_number: 18, years_high: 2, mean_ratio: expect.any(Number) }]);
    expect(cal.this_week[0]).toMatch(/^återkommande topp \(hög 2 av 3 år/);
    expect(cal.this_week).toContain('Valborg (30 april)');
  });
});

describe('report cache', () => {
  it('evicts the least recently used entry', () => {
    const lru = createLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});
