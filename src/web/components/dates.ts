/**
 * An instant `days` days before now, as an ISO string (UTC; 'Z' is a valid offset). Rounded down to the hour
 * so that query keys, and with them cached answers, stay the same for a while.
 */
export function daysAgoIso(days: number, now: Date = new Date()): string {
  const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  return new Date(hour - days * 86_400_000).toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The value a `datetime-local` input wants for an instant, in the browser's own time zone: people type the
 * time their own clock showed, and the value sent carries its offset (`localInputToOffsetIso`).
 */
export function toLocalInputValue(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * A `datetime-local` value ('YYYY-MM-DDTHH:mm') read in the browser's time zone, as ISO 8601 with an explicit
 * offset ('2026-11-20T21:15:00+01:00'); '' for anything that is not such a value.
 */
export function localInputToOffsetIso(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return '';
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const local = new Date(y, mo - 1, d, h, mi);
  if (Number.isNaN(local.getTime())) return '';
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${value}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
