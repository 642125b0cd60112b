import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localParts, weekBounds } from '../../domain/calendar/index.js';
import { hourWeekdayHours, hourWeekdayMatrix } from './time-profile.js';

const SE = 'Europe/Stockholm';
const sum = (m: number[][]) => m.flat().reduce((a, b) => a + b, 0);

describe('hour × weekday', () => {
  it('puts instants on the Swedish wall clock, Monday first', () => {
    const m = hourWeekdayMatrix(
      [
        '2026-11-23T07:00:00Z', // Monday 08:00 CET
        '2026-07-05T21:30:00Z', // Sunday 23:30 CEST
        '2026-11-22T23:30:00Z', // Monday 00:30 CET (Sunday in UTC)
      ],
      SE,
    );
    expect(m[0]![8]).toBe(1);
    expect(m[6]![23]).toBe(1);
    expect(m[0]![0]).toBe(1);
    expect(m).toHaveLength(7);
    expect(m.every((row) => row.length === 24)).toBe(true);
  });

  it('skips 02:00 on the spring Sunday and fills it twice on the autumn one (EU change at 01:00 UTC)', () => {
    const spring = hourWeekdayMatrix(['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'], SE);
    expect(spring[6]![1]).toBe(1); // 01:30 CET
    expect(spring[6]![3]).toBe(1); // 03:30 CEST
    expect(spring[6]![2]).toBe(0);
    const autumn = hourWeekdayMatrix(['2026-10-25T00:30:00Z', '2026-10-25T01:30:00Z'], SE);
    expect(autumn[6]![2]).toBe(2); // 02:30 CEST, then 02:30 CET
  });

  it('counts the hours each slot had: 167 in the spring-change week, 169 in the autumn one', () => {
    const spring = weekBounds('2026-W13', SE);
    const springHours = hourWeekdayHours(spring.start, spring.end, SE);
    expect(sum(springHours)).toBe(167);
    expect(springHours[6]![2]).toBe(0);
    const autumn = weekBounds('2026-W43', SE);
    const autumnHours = hourWeekdayHours(autumn.start, autumn.end, SE);
    expect(sum(autumnHours)).toBe(169);
    expect(autumnHours[6]![2]).toBe(2);
    const normal = weekBounds('2026-W47', SE);
    expect(
      hourWeekdayHours(normal.start, normal.end, SE)
        .flat()
        .every((h) => h === 1),
    ).toBe(true);
  });

  it('counts every instant once, in the slot of its local weekday and hour', () => {
    const instants = fc.array(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }),
      { maxLength: 50 },
    );
    fc.assert(
      fc.property(instants, (ds) => {
        const m = hourWeekdayMatrix(ds, SE);
        expect(sum(m)).toBe(ds.length);
        for (const d of ds) {
          const p = localParts(d, SE);
          expect(m[p.weekday - 1]![p.hour]).toBeGreaterThan(0);
        }
      }),
    );
  });
});
