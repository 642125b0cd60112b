/**
 * A calendar day `n` days after `day` (both 'YYYY-MM-DD'; noon UTC keeps summer time out of it).
 * @example addDays('2026-03-28', 2) // '2026-03-30'
 */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
