import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  formatIsoWeek,
  isIsoWeek,
  isoWeek,
  isoWeekDay,
  isoWeekMonday,
  isoWeekOfDate,
  isoWeekOfDay,
  iterateWeeks,
  lastCompleteWeek,
  parseIsoWeek,
  previousWeek,
  sameWeekLastYear,
  weekBounds,
  weeksInIsoYear,
} from './weeks.js';
import { localParts } from './zone.js';

const SE = 'Europe/Stockholm';
const HOUR = 3_600_000;
const anyInstant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2040-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const anyWeek = anyInstant.map((d) => isoWeek(d, SE));

describe('ISO weeks of calendar dates', () => {
  // ISO 8601 examples as listed in the standard's commentary (Wikipedia, "ISO week date").
  it.each([
    [2008, 12, 29, '2009-W01'],
    [2010, 1, 3, '2009-W53'],
    [2005, 1, 1, '2004-W53'],
    [2007, 1, 1, '2007-W01'],
    [2020, 12, 31, '2020-W53'],
    [2021, 1, 3, '2020-W53'],
    [2021, 1, 4, '2021-W01'],
    [2026, 11, 20, '2026-W47'],
  ])('%i-%i-%i is in %s', (y, m, d, week) => {
    expect(isoWeekOfDate(y, m, d)).toBe(week);
  });

  it('knows which years have a week 53 (Thursday starts, or leap years starting on a Wednesday)', () => {
    const long = [...Array(41).keys()].map((i) => 2000 + i).filter((y) => weeksInIsoYear(y) === 53);
    // The 400-year cycle's list (Wikipedia, "ISO week date", long years): 2004, 2009, 2015, 2020, 2026, 2032, 2037.
    expect(long).toEqual([2004, 2009, 2015, 2020, 2026, 2032, 2037]);
  });

  it('refuses weeks a year does not have and malformed ones', () => {
    expect(() => parseIsoWeek('2021-W53')).toThrow(RangeError);
    expect(() => parseIsoWeek('2021-W00')).toThrow(RangeError);
    expect(() => parseIsoWeek('2021-47')).toThrow(RangeError);
    expect(parseIsoWeek('2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(formatIsoWeek(2026, 7)).toBe('2026-W07');
  });
});

describe('ISO weeks of instants in Swedish time', () => {
  it('assigns instants near midnight by the Stockholm wall clock, not UTC', () => {
    // Sunday 23:30 UTC is Monday 00:30 in Stockholm in winter (CET, +1) …
    expect(isoWeek('2026-11-22T23:30:00Z', SE)).toBe('2026-W48');
    expect(isoWeek('2026-11-22T23:30:00Z', 'UTC')).toBe('2026-W47');
    // … and Sunday 22:30 UTC is Monday 00:30 in summer (CEST, +2).
    expect(isoWeek('2026-06-28T22:30:00Z', SE)).toBe('2026-W27');
    expect(isoWeek('2026-06-28T21:59:59Z', SE)).toBe('2026-W26');
  });

  it('gives 167 hours to the week of the spring change and 169 to the autumn one (EU: last Sundays of March and October)', () => {
    const spring = weekBounds('2026-W13', SE);
    expect(spring.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / HOUR).toBe(167);
    const autumn = weekBounds('2026-W43', SE);
    expect(autumn.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect((autumn.end.getTime() - autumn.start.getTime()) / HOUR).toBe(169);
    expect((weekBounds('2026-W47', SE).end.getTime() - weekBounds('2026-W47', SE).start.getTime()) / HOUR).toBe(168);
  });

  it('walks across week 53 and year ends', () => {
    expect(isoWeekMonday('2026-W01')).toBe('2025-12-29');
    expect(previousWeek('2021-W01')).toBe('2020-W53');
    expect(addWeeks('2020-W53', 1)).toBe('2021-W01');
    expect(addWeeks('2019-W52', 1)).toBe('2020-W01');
    expect([...iterateWeeks('2020-W52', '2021-W02')]).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect([...iterateWeeks('2021-W02', '2021-W01')]).toEqual([]);
    expect(sameWeekLastYear('2026-W47')).toBe('2025-W47');
    expect(sameWeekLastYear('2021-W01')).toBe('2020-W01');
    expect(sameWeekLastYear('2020-W53')).toBe('2019-W52');
    expect(sameWeekLastYear('2027-W10')).toBe('2026-W10');
  });

  it('puts every instant inside the bounds of its own week, which start on a Monday at 00:00 local time', () => {
    fc.assert(
      fc.property(anyInstant, (d) => {
        const week = isoWeek(d, SE);
        const { start, end } = weekBounds(week, SE);
        expect(start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime()).toBeLessThan(end.getTime());
        expect([167, 168, 169]).toContain((end.getTime() - start.getTime()) / HOUR);
        const p = localParts(start, SE);
        expect([p.weekday, p.hour, p.minute]).toEqual([1, 0, 0]);
        expect(isoWeek(start, SE)).toBe(week);
        expect(isoWeek(new Date(end.getTime() - 1), SE)).toBe(week);
        expect(weekBounds(addWeeks(week, 1), SE).start).toEqual(end);
      }),
    );
  });

  it('adds and iterates weeks consistently', () => {
    fc.assert(
      fc.property(anyWeek, fc.integer({ min: -300, max: 300 }), (week, n) => {
        const later = addWeeks(week, n);
        expect(addWeeks(later, -n)).toBe(week);
        const [from, to] = n >= 0 ? [week, later] : [later, week];
        const all = [...iterateWeeks(from, to)];
        expect(all).toHaveLength(Math.abs(n) + 1);
        expect(all[0]).toBe(from);
        expect(all.at(-1)).toBe(to);
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });

  it('finds the same week last year 52 or 53 weeks back', () => {
    fc.assert(
      fc.property(anyWeek, (week) => {
        const last = sameWeekLastYear(week);
        const back = [52, 53].map((n) => addWeeks(week, -n));
        expect(back).toContain(last);
        expect(parseIsoWeek(last).year).toBe(parseIsoWeek(week).year - 1);
      }),
    );
  });
});

describe('ISO weeks of calendar days', () => {
  it('knows week 53 of 2020 and week 1 of 2021 starting on 4 January', () => {
    expect(isoWeekOfDay('2020-12-31')).toBe('2020-W53');
    expect(isoWeekMonday('2020-W53')).toBe('2020-12-28');
    expect(isoWeekDay('2020-W53', 6)).toBe('2021-01-03');
    expect(isoWeekMonday('2021-W01')).toBe('2021-01-04');
    expect(weekBounds('2021-W01', SE).start.toISOString()).toBe('2021-01-03T23:00:00.000Z');
    expect(weekBounds('2020-W53', SE).end).toEqual(weekBounds('2021-W01', SE).start);
  });

  it('accepts only weeks that exist', () => {
    expect(isIsoWeek('2020-W53')).toBe(true);
    expect(isIsoWeek('2021-W53')).toBe(false);
    expect(isIsoWeek('2026-47')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
  });

  it('gives every day of a week that week, Monday first', () => {
    fc.assert(
      fc.property(anyWeek, fc.integer({ min: 0, max: 6 }), (week, offset) => {
        const day = isoWeekDay(week, offset);
        expect(isoWeekOfDay(day)).toBe(week);
        expect(new Date(`${day}T12:00:00Z`).getUTCDay()).toBe((offset + 1) % 7);
      }),
    );
  });

  it('counts weeks in any zone from local Monday midnight', () => {
    const zones = fc.constantFrom(SE, 'UTC', 'America/New_York', 'Asia/Kolkata');
    fc.assert(
      fc.property(anyInstant, zones, (d, zone) => {
        const { start, end } = weekBounds(isoWeek(d, zone), zone);
        expect(start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime()).toBeLessThan(end.getTime());
        expect(localParts(start, zone)).toMatchObject({ weekday: 1, hour: 0, minute: 0 });
      }),
    );
  });
});

describe('the last complete week', () => {
  it("is the week before now's on the zone's wall clock, turning at local Monday midnight", () => {
    // Sunday 23:30 in Stockholm (22:30 UTC): week 48 is still running, so 47 is the last complete one.
    expect(lastCompleteWeek(SE, new Date('2026-11-29T22:30:00Z'))).toBe('2026-W47');
    // Monday 00:30 in Stockholm (Sunday 23:30 UTC): week 48 has ended.
    expect(lastCompleteWeek(SE, new Date('2026-11-29T23:30:00Z'))).toBe('2026-W48');
    // The same instant in New York is still Sunday afternoon.
    expect(lastCompleteWeek('America/New_York', new Date('2026-11-29T23:30:00Z'))).toBe('2026-W47');
    // Across a year with 53 weeks.
    expect(lastCompleteWeek(SE, new Date('2021-01-05T12:00:00Z'))).toBe('2020-W53');
  });

  it('has always ended before now and is followed by the week now is in', () => {
    fc.assert(
      fc.property(anyInstant, (now) => {
        const week = lastCompleteWeek(SE, now);
        expect(weekBounds(week, SE).end.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(addWeeks(week, 1)).toBe(isoWeek(now, SE));
      }),
    );
  });
});
