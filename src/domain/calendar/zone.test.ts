import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from './days.js';
import {
  DEFAULT_TIME_ZONE,
  localDay,
  localMinute,
  localParts,
  startOfLocalDay,
  startOfLocalMonth,
  today,
  zonedTimeToEpochMs,
  zoneOffsetMs,
} from './zone.js';

const SE = 'Europe/Stockholm';

describe('Stockholm wall clock', () => {
  it('switches offset at 01:00 UTC on the last Sundays of March and October (EU rule, directive 2000/84/EC)', () => {
    expect(zoneOffsetMs(Date.parse('2026-03-29T00:59:59Z'), SE)).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-03-29T01:00:00Z'), SE)).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-10-25T00:59:59Z'), SE)).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-10-25T01:00:00Z'), SE)).toBe(3_600_000);
  });

  it('reads wall-clock fields, Monday = 1', () => {
    expect(localParts('2026-03-29T01:30:00Z', SE)).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 30,
      weekday: 7,
    });
    expect(localParts('2026-11-23T00:00:00+01:00', SE)).toMatchObject({ day: 23, hour: 0, weekday: 1 });
  });

  it('maps wall times back to instants, the earlier one in the autumn overlap and past the spring gap', () => {
    expect(zonedTimeToEpochMs(2026, 3, 30, 0, 0, SE)).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(zonedTimeToEpochMs(2026, 10, 25, 2, 30, SE)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(zonedTimeToEpochMs(2026, 3, 29, 2, 30, SE)).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('uses CET in winter and CEST in summer', () => {
    expect(zonedTimeToEpochMs(2026, 1, 17, 7, 24, SE)).toBe(Date.parse('2026-01-17T06:24:00Z'));
    expect(zonedTimeToEpochMs(2026, 7, 1, 7, 24, SE)).toBe(Date.parse('2026-07-01T05:24:00Z'));
  });

  it('round-trips any instant through its wall-clock fields (to the minute)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (d) => {
        const p = localParts(d, SE);
        const ms = zonedTimeToEpochMs(p.year, p.month, p.day, p.hour, p.minute, SE);
        const minute = Math.floor(d.getTime() / 60_000) * 60_000;
        // In the repeated autumn hour the earlier instant comes back.
        expect([minute, minute - 3_600_000]).toContain(ms);
      }),
    );
  });

  it('counts days without a zone', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(fromDayNumber(dayNumber(2020, 2, 29))).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe('localMinute', () => {
  it('gives Swedish wall-clock time in winter, summer and across the changes', () => {
    expect(localMinute('2026-12-06T16:42:37Z', SE)).toBe('2026-12-06 17:42');
    expect(localMinute('2026-07-01T10:00:00Z', SE)).toBe('2026-07-01 12:00');
    expect(localMinute('2026-03-29T00:59:00Z', SE)).toBe('2026-03-29 01:59');
    expect(localMinute('2026-03-29T01:00:00Z', SE)).toBe('2026-03-29 03:00');
    expect(localMinute('2026-12-31T23:30:00Z', SE)).toBe('2027-01-01 00:30');
  });

  it('is always one or two hours ahead of UTC, to the minute', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const local = Date.parse(`${localMinute(d, SE).replace(' ', 'T')}:00Z`);
          const utcMinute = Math.floor(d.getTime() / 60_000) * 60_000;
          expect([3_600_000, 7_200_000]).toContain(local - utcMinute);
        },
      ),
    );
  });
});

describe('local days', () => {
  it('reads the day on the wall clock, not in UTC', () => {
    expect(localDay('2026-11-22T23:30:00Z', SE)).toBe('2026-11-23');
    expect(localDay('2026-11-22T23:30:00Z', 'UTC')).toBe('2026-11-22');
    expect(localDay('2026-06-30T21:59:59Z', SE)).toBe('2026-06-30');
    expect(localDay('2026-06-30T22:00:00Z', SE)).toBe('2026-07-01');
    expect(today(SE, new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('starts the days of the changes at local midnight, 23 and 25 hours long', () => {
    const hours = (day: string, next: string) =>
      (startOfLocalDay(next, SE).getTime() - startOfLocalDay(day, SE).getTime()) / 3_600_000;
    expect(startOfLocalDay('2026-03-29', SE).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(hours('2026-03-29', '2026-03-30')).toBe(23);
    expect(startOfLocalDay('2026-10-25', SE).toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(hours('2026-10-25', '2026-10-26')).toBe(25);
    expect(hours('2026-11-20', '2026-11-21')).toBe(24);
  });

  it('starts months at local midnight of the 1st', () => {
    expect(startOfLocalMonth(2026, 7, SE).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(startOfLocalMonth(2026, 1, SE).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(startOfLocalMonth(2026, 1, 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('keeps the default zone Swedish', () => {
    expect(DEFAULT_TIME_ZONE).toBe(SE);
  });
});

describe('zones far from UTC', () => {
  it('finds midnight before a transition that lies more than three hours from the wall time read as UTC', () => {
    // Lord Howe (UTC+10:30) springs forward to +11:00 at 02:00 on 2028-10-01, i.e. 15:30 UTC on 30 September.
    expect(startOfLocalDay('2028-10-01', 'Australia/Lord_Howe').toISOString()).toBe('2028-09-30T13:30:00.000Z');
  });
});

describe('properties in several zones', () => {
  const zones = fc.constantFrom(SE, 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe');
  const anyInstant = fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2040-01-01T00:00:00Z'),
    noInvalidDate: true,
  });

  it('puts every instant on or after the start of its local day, and before the next', () => {
    fc.assert(
      fc.property(anyInstant, zones, (d, zone) => {
        const day = localDay(d, zone);
        const start = startOfLocalDay(day, zone);
        expect(start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(localDay(start, zone)).toBe(day);
        const next = startOfLocalDay(dayAfter(day), zone);
        expect(d.getTime()).toBeLessThan(next.getTime());
        expect(localDay(new Date(next.getTime() - 1), zone)).toBe(day);
      }),
    );
  });

  it('round-trips wall times outside gaps, and maps every wall time to an instant that reads within an hour of it', () => {
    fc.assert(
      fc.property(anyInstant, zones, (d, zone) => {
        const p = localParts(d, zone);
        const ms = zonedTimeToEpochMs(p.year, p.month, p.day, p.hour, p.minute, zone);
        const minute = Math.floor(d.getTime() / 60_000) * 60_000;
        // The instant itself, or the earlier one of a repeated (autumn) wall time.
        expect(ms).toBeLessThanOrEqual(minute);
        expect(localMinute(ms, zone)).toBe(localMinute(d, zone));
      }),
    );
  });
});

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
