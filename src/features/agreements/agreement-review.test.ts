import { describe, expect, it } from 'vitest';
import { nextReview, reviewOverdue } from './agreement-review.js';

describe('six-monthly review of local agreements', () => {
  it('counts from the last review, or else the start', () => {
    expect(nextReview(null, '2026-01-15')).toBe('2026-07-15');
    expect(nextReview('2026-06-30', '2026-01-15')).toBe('2026-12-30');
  });

  it('is overdue only after the due day and while the agreement runs', () => {
    expect(reviewOverdue('2026-07-15', '2027-12-31', '2026-07-15')).toBe(false);
    expect(reviewOverdue('2026-07-15', '2027-12-31', '2026-07-16')).toBe(true);
    expect(reviewOverdue('2026-07-15', '2026-06-30', '2026-08-01')).toBe(false);
  });
});
