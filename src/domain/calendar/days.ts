/** Calendar days as 'YYYY-MM-DD' and as day numbers: proleptic Gregorian, no time zone involved. */

const DAY_MS = 86_400_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A calendar date as 'YYYY-MM-DD'.
 * @example formatDay(2026, 3, 9) // '2026-03-09'
 */
export function formatDay(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Days since 1970-01-01 of a calendar date.
 * @example dayNumber(1970, 1, 2) // 1
 */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The calendar date of a day number, inverse of `dayNumber`.
 * @example fromDayNumber(1) // { year: 1970, month: 1, day: 2 }
 */
export function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * The calendar day `n` days after `day` (n may be negative).
 * @example addDays('2026-03-28', 2) // '2026-03-30'
 */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whole days from `from` to `to` (negative when `to` comes first).
 * @example daysBetween('2026-03-28', '2026-03-30') // 2
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The calendar day `months` months after `day`, clamped to the month's last day.
 * @example addMonths('2026-08-31', 6) // '2027-02-28'
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return formatDay(year, month, Math.min(d, last));
}
