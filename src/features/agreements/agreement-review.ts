import { addMonths } from '../../domain/calendar/index.js';
import { REVIEW_INTERVAL_MONTHS } from '../../domain/agreements.js';

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
