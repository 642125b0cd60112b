import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localParts } from '../../domain/calendar/index.js';
import { isOpenAt } from '../../domain/opening-hours.js';
import type { OpeningHours } from '../../domain/org.js';
import { occurrenceDrawer } from './demo-occurrence.js';
import { createRng } from './demo-rng.js';
import { hourSlots, type TimeProfile } from './demo-time.js';

const ZONE = 'Europe/Stockholm';
const NOW = new Date('2026-11-25T12:34:00Z');
// Three years of hours, built once: the property runs draw from the same window with many schedules.
const SLOTS = hourSlots(NOW, 3 * 365 + 1, ZONE);
const drawer = occurrenceDrawer(SLOTS, 1.06);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Schedules of one to seven days, opening on the half hour between 06:00 and 15:30 for two to eight hours. */
const schedule: fc.Arbitrary<OpeningHours> = fc
  .uniqueArray(
    fc.record({
      day: fc.integer({ min: 1, max: 7 }),
      opens: fc.integer({ min: 12, max: 31 }).map((h) => h * 30),
      length: fc.integer({ min: 4, max: 16 }).map((h) => h * 30),
    }),
    { minLength: 1, maxLength: 7, selector: (p) => p.day },
  )
  .map((ps) => ({
    periods: ps.map((p) => ({ day: p.day, opens: hhmm(p.opens), closes: hhmm(p.opens + p.length) })),
    note: null,
  }));
const profile = fc.constantFrom<TimeProfile>('night', 'evening', 'day', 'dark');

describe('demo occurrences at indoor rooms', () => {
  it('fall inside opening hours in Stockholm local time, unless drawn as after-hours events', () => {
    fc.assert(
      fc.property(schedule, profile, fc.integer(), (hours, p, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const at = drawer.draw(rng, p, hours, 'open');
          expect(isOpenAt(hours, at, ZONE), `${at.toISOString()} ${JSON.stringify(localParts(at, ZONE))}`).toBe(true);
          expect(at.getTime()).toBeLessThan(NOW.getTime());
          if (drawer.ever(hours, p, 'closed'))
            expect(isOpenAt(hours, drawer.draw(rng, p, hours, 'closed'), ZONE)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('spreads street reports over all three years, more in the newest', () => {
    const rng = createRng(11);
    const years = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const ageYears = (NOW.getTime() - drawer.draw(rng, 'evening', null, 'any').getTime()) / (365.25 * 86_400_000);
      years[Math.min(2, Math.floor(ageYears))]!++;
    }
    expect(years.every((n) => n > 9000)).toBe(true);
    expect(years[0]).toBeGreaterThan(years[2]!);
  });

  it('knows when a room open around the clock is never closed', () => {
    const always: OpeningHours = {
      periods: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '23:59' })),
      note: null,
    };
    // 23:00–23:59 is open most of the hour, so it is not closed throughout; 23:59–24:00 is too short to be a slot.
    expect(drawer.ever(always, 'night', 'closed')).toBe(false);
    expect(drawer.ever(always, 'night', 'open')).toBe(true);
  });
});
