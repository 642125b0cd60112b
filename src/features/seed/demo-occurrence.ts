import { isOpenDuring, overlapsOpening } from '../../domain/opening-hours.js';
import type { OpeningHours } from '../../domain/org.js';
import { cumulative, type Rng } from './demo-rng.js';
import { type HourSlot, maskedTable, profileWeights, type TimeProfile } from './demo-time.js';

/** When, relative to a room's opening hours, a report is drawn: any hour, while open, or while closed. */
export type RoomTime = 'any' | 'open' | 'closed';

/** Draws when a report happened: an hour by the category's profile, then a second within it. */
export interface OccurrenceDrawer {
  /**
   * An instant in the demo window. With opening hours and `when` 'open', inside an hour the room is open
   * throughout; with 'closed', inside an hour it is closed throughout (local time of the slots' zone).
   */
  draw(rng: Rng, profile: TimeProfile, hours: OpeningHours | null, when: RoomTime): Date;
  /** False when the room is never closed for a whole hour in the window (open around the clock). */
  ever(hours: OpeningHours, profile: TimeProfile, when: Exclude<RoomTime, 'any'>): boolean;
}

/**
 * An occurrence drawer over the slots (hours of the demo window, on the organisation's wall clock): per
 * profile one table for street reports, and one per opening-hours schedule and open/closed, built on first use.
 */
export function occurrenceDrawer(slots: readonly HourSlot[], yearlyChange: number): OccurrenceDrawer {
  const weights = profileWeights(slots, yearlyChange);
  const any = new Map<TimeProfile, Float64Array>();
  const rooms = new Map<string, Float64Array | null>();
  const hourMinutes = (s: HourSlot): [number, number] => [s.hour * 60, s.hour * 60 + 60];

  const table = (profile: TimeProfile, hours: OpeningHours | null, when: RoomTime): Float64Array | null => {
    if (!hours || when === 'any') {
      if (!any.has(profile)) any.set(profile, cumulative(weights[profile]));
      return any.get(profile)!;
    }
    const key = `${profile}|${when}|${JSON.stringify(hours.periods)}`;
    if (!rooms.has(key)) {
      const keep =
        when === 'open'
          ? (s: HourSlot) => isOpenDuring(hours, s.weekday, ...hourMinutes(s))
          : (s: HourSlot) => !overlapsOpening(hours, s.weekday, ...hourMinutes(s));
      rooms.set(key, maskedTable(weights[profile], slots, keep));
    }
    return rooms.get(key)!;
  };

  return {
    draw(rng, profile, hours, when) {
      const cdf = table(profile, hours, when);
      if (!cdf) throw new Error(`no ${when} hour in the demo window for opening hours ${JSON.stringify(hours)}`);
      const slot = slots[rng.pick(cdf)]!;
      return new Date(slot.start + Math.floor(rng.next() * 3600) * 1000);
    },
    ever(hours, profile, when) {
      return table(profile, hours, when) !== null;
    },
  };
}
