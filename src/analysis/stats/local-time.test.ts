import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, localMinute, localParts, zonedTimeToEpochMs, zoneOffsetMs } from './local-time.js';

describe('Stockholm wall clock', () => {
  it('switches offset at 01:00 UTC on the last Sundays of March and October (EU rule, directive 2000/84/EC)', () => {
    expect(zoneOffsetMs(Date.parse('2026-03-29T00:59:59Z'))).toBe(3_600_000);
    expect(zoneOffsetMs(Date.parse('2026-03-29T01:00:00Z'))).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-10-25T00:59:59Z'))).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-10-25T01:00:00Z'))).toBe(3_600_000);
  });

  it('reads wall-clock fields, Monday = 1', () => {
    expect(localParts('2026-03-29T01:30:00Z')).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, weekday: 7 });
    expect(localParts('2026-11-23T00:00:00+01:00')).toMatchObject({ day: 23, hour: 0, weekday: 1 });
  });

  it('maps wall times back to instants, the earlier one in the autumn overlap and past the spring gap', () => {
    expect(zonedTimeToEpochMs(2026, 3, 30, 0, 0)).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(zonedTimeToEpochMs(2026, 10, 25, 2, 30)).toBe(Date.parse('2026-10-25T00:30:00Z'));
    expect(zonedTimeToEpochMs(2026, 3, 29, 2, 30)).toBe(Date.parse('2026-03-29T01:30:00Z'));
  });

  it('round-trips any instant through its wall-clock fields (to the minute)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), (d) => {
      const p = localParts(d);
      const ms = zonedTimeToEpochMs(p.year, p.month, p.day, p.hour, p.minute);
      const minute = Math.floor(d.getTime() / 60_000) * 60_000;
      // In the repeated autumn hour the earlier instant comes back.
      expect([minute, minute - 3_600_000]).toContain(ms);
    }));
  });

  it('counts days without a zone', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(fromDayNumber(dayNumber(2020, 2, 29))).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe('localMinute', () => {
  it('gives Swedish wall-clock time in winter, summer and across the changes', () => {
    expect(localMinute('2026-12-06T16:42:37Z')).toBe('2026-12-06 17:42');
    expect(localMinute('2026-07-01T10:00:00Z')).toBe('2026-07-01 12:00');
    expect(localMinute('2026-03-29T00:59:00Z')).toBe('2026-03-29 01:59');
    expect(localMinute('2026-03-29T01:00:00Z')).toBe('2026-03-29 03:00');
    expect(localMinute('2026-12-31T23:30:00Z')).toBe('2027-01-01 00:30');
  });

  it('is always one or two hours ahead of UTC, to the minute', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
      const local = Date.parse(`${localMinute(d).replace(' ', 'T')}:00Z`);
      const utcMinute = Math.floor(d.getTime() / 60_000) * 60_000;
      expect([3_600_000, 7_200_000]).toContain(local - utcMinute);
    }));
  });
});
