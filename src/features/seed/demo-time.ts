import { localParts } from '../../domain/calendar/index.js';
import { cumulative } from './demo-rng.js';

/** When reports of a kind happen: one weight per local hour, plus how weekdays and seasons scale them. */
export type TimeProfile = 'night' | 'evening' | 'day' | 'dark';

/** One local hour of the generated years. */
export interface HourSlot {
  /** UTC instant at the start of the hour. */
  start: number;
  month: number; // 1–12, local
  day: number; // day of month, local
  hour: number; // 0–23, local
  /** ISO weekday of the local day (1 = Monday … 7 = Sunday), the day opening hours are read on. */
  weekday: number;
  /** 0 = Monday … 6 = Sunday, of the "evening" the hour belongs to (before 06:00 counts as the day before). */
  eveningWeekday: number;
}

// Local hours 00…23. Disorder and violence peak late evening and after midnight (BRÅ's NTU and
// police notices agree on 21–03); damage and littering are found and reported in daytime.
const HOURS: Record<Exclude<TimeProfile, 'dark'>, readonly number[]> = {
  night: [6, 5, 4, 3, 2, 1, 0.6, 0.5, 0.6, 0.8, 1, 1.2, 1.4, 1.5, 1.6, 1.8, 2.2, 2.8, 3.4, 4, 4.6, 5.2, 5.8, 6.2],
  evening: [3, 2, 1.5, 1, 0.6, 0.4, 0.5, 0.8, 1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.6, 3, 3.6, 4.2, 4.6, 4.6, 4.4, 4, 3.5],
  day: [0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2.2, 2.6, 2.6, 2.6, 2.8, 3, 3, 3, 3.2, 3.6, 3.6, 3, 2.4, 1.8, 1.4, 1, 0.7],
};
// Monday … Sunday.
const WEEKDAY: Record<TimeProfile, readonly number[]> = {
  night: [0.8, 0.8, 0.85, 0.95, 1.5, 1.6, 1],
  evening: [0.9, 0.9, 0.95, 1, 1.3, 1.35, 1],
  day: [0.95, 0.95, 0.95, 0.95, 1, 1.2, 1.2],
  dark: [0.95, 0.95, 0.95, 1, 1.15, 1.15, 1],
};
// January … December: more people outdoors in summer; lighting faults and unsafe-place reports are
// a dark-season phenomenon (Stockholm has about 6 h of daylight in December, 18 h in June).
const SEASON: Record<TimeProfile, readonly number[]> = {
  night: [0.8, 0.8, 0.9, 1, 1.1, 1.25, 1.25, 1.2, 1.05, 0.95, 0.85, 0.9],
  evening: [0.8, 0.8, 0.9, 1, 1.1, 1.25, 1.25, 1.2, 1.05, 0.95, 0.85, 0.9],
  day: [0.75, 0.75, 0.85, 1, 1.15, 1.3, 1.3, 1.2, 1.05, 0.95, 0.85, 0.85],
  dark: [2.2, 1.8, 1.2, 0.6, 0.3, 0.2, 0.2, 0.4, 0.9, 1.6, 2.2, 2.4],
};
// Approximate local sunrise and sunset in Stockholm mid-month (hours, DST included).
const SUN: readonly (readonly [number, number])[] = [
  [8.6, 15.2],
  [7.6, 16.5],
  [6.3, 17.8],
  [6, 20],
  [4.6, 21],
  [3.6, 22.1],
  [4, 21.8],
  [5.2, 20.6],
  [6.6, 19.1],
  [7.8, 17.6],
  [7.6, 15.3],
  [8.6, 14.8],
];

/** True when the hour lies (mostly) in darkness in that month. */
export function isDark(month: number, hour: number): boolean {
  const [rise, set] = SUN[month - 1]!;
  return hour + 0.5 < rise || hour + 0.5 > set;
}

/**
 * Festive nights with far more disorder: Valborg (30 April), midsummer eve (the Friday 19–25 June)
 * and New Year's Eve, each from 16:00 until 05:00 the next morning.
 */
export function festiveFactor(slot: Pick<HourSlot, 'month' | 'day' | 'hour' | 'eveningWeekday'>): number {
  const evening = slot.hour >= 16;
  const morning = slot.hour < 5;
  const is = (m: number, d: number) => slot.month === m && slot.day === d;
  if ((is(12, 31) && evening) || (is(1, 1) && morning)) return 5;
  if ((is(4, 30) && evening) || (is(5, 1) && morning)) return 4;
  const midsummerEve = (m: number, d: number) => m === 6 && d >= 19 && d <= 25 && slot.eveningWeekday === 4;
  if ((evening && midsummerEve(slot.month, slot.day)) || (morning && midsummerEve(slot.month, slot.day - 1)))
    return 2.5;
  return 1;
}

/**
 * Every whole hour in the `days` days before `now` (the hour containing `now` excluded: no future rows), with
 * its fields on the wall clock of `timeZone`.
 */
export function hourSlots(now: Date, days: number, timeZone: string): HourSlot[] {
  const end = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const slots: HourSlot[] = [];
  for (let start = end - days * 24 * 3_600_000; start < end; start += 3_600_000) {
    const { month, day, hour, weekday } = localParts(start, timeZone);
    const monday0 = weekday - 1;
    slots.push({ start, month, day, hour, weekday, eveningWeekday: hour < 6 ? (monday0 + 6) % 7 : monday0 });
  }
  return slots;
}

/**
 * Slot weights per profile (not cumulative). With `yearlyChange`, an hour a year before the last one weighs
 * that factor less (1.06: six per cent more reports each year), smoothly, so no step appears at a year's turn.
 */
export function profileWeights(slots: readonly HourSlot[], yearlyChange = 1): Record<TimeProfile, Float64Array> {
  const last = slots.at(-1)?.start ?? 0;
  const trend = slots.map((s) => yearlyChange ** ((s.start - last) / YEAR_MS));
  const weights = (profile: TimeProfile) =>
    Float64Array.from(slots, (s, i) => {
      const hourWeight =
        profile === 'dark' ? HOURS.evening[s.hour]! * (isDark(s.month, s.hour) ? 1 : 0.08) : HOURS[profile][s.hour]!;
      const festive = profile === 'day' ? 1 : festiveFactor(s);
      return hourWeight * WEEKDAY[profile][s.eveningWeekday]! * SEASON[profile][s.month - 1]! * festive * trend[i]!;
    });
  return { night: weights('night'), evening: weights('evening'), day: weights('day'), dark: weights('dark') };
}
const YEAR_MS = 365.25 * 24 * 3_600_000;

/** Cumulative slot weights per profile, for drawing an hour with `Rng.pick`. */
export function profileTables(slots: readonly HourSlot[], yearlyChange = 1): Record<TimeProfile, Float64Array> {
  const w = profileWeights(slots, yearlyChange);
  return {
    night: cumulative(w.night),
    evening: cumulative(w.evening),
    day: cumulative(w.day),
    dark: cumulative(w.dark),
  };
}

/**
 * Cumulative weights with the slots `keep` rejects weighed zero (e.g. the hours a room is closed); null when
 * no slot with weight is kept.
 */
export function maskedTable(
  weights: Float64Array,
  slots: readonly HourSlot[],
  keep: (slot: HourSlot) => boolean,
): Float64Array | null {
  const masked = weights.map((w, i) => (keep(slots[i]!) ? w : 0));
  return masked.some((w) => w > 0) ? cumulative(masked) : null;
}
