import { type Agreement, type AgreementReview, AgreementReviewSchema } from '../../../domain/agreements.js';

/** One assessed row as the inputs hold it: nothing chosen yet is ''. */
export interface AssessmentState {
  assessment: string;
  comment: string;
}

export interface ReviewFormState {
  reviewed_on: string;
  note: string;
  /** By measure id and by problem id: every activity and indicator the agreement has. */
  activities: Record<string, AssessmentState>;
  indicators: Record<string, AssessmentState>;
}

/** What a review error is about: the date, the note, or one activity or indicator (by id). */
export type ReviewErrorKey = 'reviewed_on' | 'note' | `activity:${string}` | `indicator:${string}`;
export type ReviewErrorCode = 'date' | 'date_order' | 'note' | 'assessment' | 'comment';

const blank = (): AssessmentState => ({ assessment: '', comment: '' });

export function blankReview(a: Agreement, today: string): ReviewFormState {
  return {
    reviewed_on: today,
    note: '',
    activities: Object.fromEntries(a.activities.map((x) => [x.id, blank()])),
    indicators: Object.fromEntries(a.indicators.map((x) => [x.problem_id, blank()])),
  };
}

/** The input an error links to: the date, the note, or the first choice of an activity's or indicator's assessment. */
export function reviewInputId(key: ReviewErrorKey): string {
  if (key === 'reviewed_on') return 'review-date';
  if (key === 'note') return 'review-note';
  const [kind, id] = key.split(':') as ['activity' | 'indicator', string];
  return `review-${kind}-${id}-${kind === 'activity' ? 'as_planned' : 'improved'}`;
}

/**
 * The review as the API body, checked with the server's schema and its date rule (after the last review, not
 * before the start, not after today). Errors in form order: date, note, activities, indicators.
 */
export function validateReview(
  a: Agreement,
  s: ReviewFormState,
  today: string,
):
  | { input: AgreementReview; errors: null }
  | { input: null; errors: Array<{ key: ReviewErrorKey; code: ReviewErrorCode }> } {
  const activityIds = a.activities.map((x) => x.id);
  const problemIds = a.indicators.map((x) => x.problem_id);
  const result = AgreementReviewSchema.safeParse({
    reviewed_on: s.reviewed_on,
    note: s.note.trim() || undefined,
    activities: activityIds.map((id) => ({
      measure_id: id,
      assessment: s.activities[id]?.assessment,
      comment: s.activities[id]?.comment.trim() || undefined,
    })),
    indicators: problemIds.map((id) => ({
      problem_id: id,
      assessment: s.indicators[id]?.assessment,
      comment: s.indicators[id]?.comment.trim() || undefined,
    })),
  });
  const errors: Array<{ key: ReviewErrorKey; code: ReviewErrorCode }> = [];
  const day = s.reviewed_on;
  if (day && ((a.last_review !== null && day <= a.last_review) || day < a.period_start || day > today))
    errors.push({ key: 'reviewed_on', code: 'date_order' });
  for (const issue of result.success ? [] : result.error.issues) {
    const [field, index, part] = issue.path;
    const key: ReviewErrorKey =
      field === 'activities'
        ? `activity:${activityIds[Number(index)]}`
        : field === 'indicators'
          ? `indicator:${problemIds[Number(index)]}`
          : field === 'note'
            ? 'note'
            : 'reviewed_on';
    const code: ReviewErrorCode =
      key === 'reviewed_on' ? 'date' : key === 'note' ? 'note' : part === 'comment' ? 'comment' : 'assessment';
    if (!errors.some((e) => e.key === key)) errors.push({ key, code });
  }
  const order = (k: ReviewErrorKey) =>
    k === 'reviewed_on'
      ? 0
      : k === 'note'
        ? 1
        : k.startsWith('activity:')
          ? 2 + activityIds.indexOf(k.slice(9))
          : 1000 + problemIds.indexOf(k.slice(10));
  if (errors.length || !result.success)
    return { input: null, errors: errors.sort((x, y) => order(x.key) - order(y.key)) };
  return { input: result.data, errors: null };
}
