import { REVIEW_INTERVAL_MONTHS } from '../../domain/agreements.js';

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
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * When an agreement's next review is due: six months after the last review, or after the start.
 * @example nextReview(null, '2026-01-15') // '2026-07-15'
 */
export function nextReview(lastReview: string | null, periodStart: string): string {
  return addMonths(lastReview ?? periodStart, REVIEW_INTERVAL_MONTHS);
}

/**
 * Overdue: the review fell due before `today` and within the agreement's period (an ended agreement is not reviewed).
 * @example reviewOverdue('2026-07-15', '2027-12-31', '2026-08-01') // true
 */
export function reviewOverdue(next: string, periodEnd: string, today: string): boolean {
  return next < today && next <= periodEnd;
}
