import { describe, expect, it } from 'vitest';
import {
  canChangeResponseStatus,
  deadlineEnd,
  invitationState,
  isAfterDeadline,
  ProposalHandlingSchema,
} from './consultations.js';

const ZONE = 'Europe/Stockholm';

describe('consultation responses: state machine', () => {
  it('goes from draft to submitted once, and never back or again', () => {
    expect(canChangeResponseStatus('draft', 'submitted')).toBe(true);
    expect(canChangeResponseStatus('submitted', 'submitted')).toBe(false);
    expect(canChangeResponseStatus('submitted', 'draft')).toBe(false);
    expect(canChangeResponseStatus('draft', 'draft')).toBe(false);
  });

  it('requires a reason when a proposal is partly accepted or rejected, not when accepted', () => {
    expect(ProposalHandlingSchema.safeParse({ handling: 'accepted' }).success).toBe(true);
    expect(ProposalHandlingSchema.safeParse({ handling: 'partly' }).success).toBe(false);
    expect(ProposalHandlingSchema.safeParse({ handling: 'rejected', reason: '  ' }).success).toBe(false);
    expect(ProposalHandlingSchema.safeParse({ handling: 'rejected', reason: 'Ryms i definitionen.' }).success).toBe(
      true,
    );
  });
});

describe('consultation deadlines in Europe/Stockholm', () => {
  it('ends a winter day at 23:00 UTC and a summer day at 22:00 UTC', () => {
    expect(deadlineEnd('2026-01-15', ZONE).toISOString()).toBe('2026-01-15T23:00:00.000Z');
    expect(deadlineEnd('2026-06-15', ZONE).toISOString()).toBe('2026-06-15T22:00:00.000Z');
  });

  it('counts the 23-hour day clocks go forward (29 March 2026) to its local midnight', () => {
    // The day begins at 23:00 UTC the day before (CET) and ends at 22:00 UTC (CEST).
    expect(deadlineEnd('2026-03-29', ZONE).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(isAfterDeadline('2026-03-29', ZONE, new Date('2026-03-29T21:59:59Z'))).toBe(false);
    expect(isAfterDeadline('2026-03-29', ZONE, new Date('2026-03-29T22:00:00Z'))).toBe(true);
    // The day before the change still ends at 23:00 UTC.
    expect(isAfterDeadline('2026-03-28', ZONE, new Date('2026-03-28T22:30:00Z'))).toBe(false);
  });

  it('counts the 25-hour day clocks go back (25 October 2026) to its local midnight', () => {
    expect(deadlineEnd('2026-10-25', ZONE).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(isAfterDeadline('2026-10-25', ZONE, new Date('2026-10-25T22:30:00Z'))).toBe(false);
    expect(isAfterDeadline('2026-10-25', ZONE, new Date('2026-10-25T23:00:00Z'))).toBe(true);
  });

  it('tells answered, late, pending and overdue apart', () => {
    const before = new Date('2026-03-29T21:00:00Z');
    const after = new Date('2026-03-29T22:30:00Z');
    const draft = { status: 'draft' as const, submitted_at: null };
    expect(invitationState(draft, '2026-03-29', ZONE, before)).toBe('pending');
    expect(invitationState(draft, '2026-03-29', ZONE, after)).toBe('overdue');
    expect(invitationState({ status: 'submitted', submitted_at: before }, '2026-03-29', ZONE, after)).toBe('answered');
    expect(invitationState({ status: 'submitted', submitted_at: after }, '2026-03-29', ZONE, after)).toBe(
      'answered_late',
    );
  });
});
