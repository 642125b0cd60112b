/** ISO 8601 weeks ('2026-W47') in the browser, counted in Stockholm calendar days. */
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week of a calendar day 'YYYY-MM-DD'. */
export function isoWeekOf(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return `${year}-W${pad(week)}`;
}

/** Monday of an ISO week, as a UTC date. */
export function mondayOf(week: string): Date {
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayW1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY;
  return new Date(mondayW1 + (n - 1) * 7 * DAY);
}

/** The week `n` weeks after (negative: before) `week`. */
export function shiftWeek(week: string, n: number): string {
  return isoWeekOf(new Date(mondayOf(week).getTime() + n * 7 * DAY).toISOString().slice(0, 10));
}

export const isIsoWeek = (v: string) => /^\d{4}-W\d{2}$/.test(v) && isoWeekOf(mondayOf(v).toISOString().slice(0, 10)) === v;

/** Day `offset` (0 = Monday) of an ISO week as 'YYYY-MM-DD'. */
export function weekDay(week: string, offset: number): string {
  return new Date(mondayOf(week).getTime() + offset * DAY).toISOString().slice(0, 10);
}
