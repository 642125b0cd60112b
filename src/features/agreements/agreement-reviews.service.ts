import { redactPersonalData } from '../../analysis/text/redact.js';
import { inTransaction } from '../../db/transaction.js';
import type { ActivityAssessment, Agreement, AgreementReview, AgreementReviewRecord } from '../../domain/agreements.js';
import { today } from '../../domain/calendar/index.js';
import type { FollowupAssessmentSchema } from '../../domain/measures.js';
import { AppError } from '../../domain/errors.js';
import type { Measure } from '../../domain/measures.js';
import type { Problem } from '../../domain/problems.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { comparisonPeriod, computeIndicator } from '../problems/indicator.js';
import { nextReview } from './agreement-review.js';
import { insertReview, type listReviews, type ReviewItemRow } from './agreements.repo.js';

type Issue = { path: string; code: string; message: string };
/** The database keeps both kinds of assessment in one column; its CHECK ties each kind to its item. */
type IndicatorAssessment = (typeof FollowupAssessmentSchema.options)[number];

/** A problem's indicator on `day`: its baseline against an equally long period ending that day (as a measure follow-up counts). */
export async function indicatorOn(
  ctx: ServiceContext,
  p: Problem,
  day: string,
): Promise<{ from: string; to: string; value: number }> {
  const period = comparisonPeriod(p.baseline!.from, p.baseline!.to, day);
  const value = await computeIndicator(
    ctx,
    { categories: p.categories, areaId: p.area?.id ?? null, placeIds: p.places.map((x) => x.id) },
    period.from,
    period.to,
  );
  return { ...period, value };
}

/** Where an indicator is counted: the problem's places, or else its area. */
export const indicatorWhere = (p: Problem): string =>
  p.places.length ? p.places.map((x) => x.name).join(', ') : (p.area?.name ?? '');

/** Every current activity and indicator assessed exactly once, and nothing else. */
function coverageIssues(current: Agreement, input: AgreementReview): Issue[] {
  const check = (path: 'activities' | 'indicators', given: readonly string[], expected: readonly string[]): Issue[] => {
    const seen = new Set<string>();
    const issues: Issue[] = [];
    for (const id of given) {
      if (!expected.includes(id))
        issues.push({ path, code: 'not_in_agreement', message: `${id} is not one of the agreement's ${path}` });
      else if (seen.has(id)) issues.push({ path, code: 'duplicate', message: `${id} assessed twice` });
      seen.add(id);
    }
    for (const id of expected.filter((x) => !seen.has(x)))
      issues.push({ path, code: 'not_assessed', message: `${id} has no assessment` });
    return issues;
  };
  return [
    ...check(
      'activities',
      input.activities.map((a) => a.measure_id),
      current.activities.map((a) => a.id),
    ),
    ...check(
      'indicators',
      input.indicators.map((i) => i.problem_id),
      current.indicators.map((i) => i.problem_id),
    ),
  ];
}

/**
 * Records the six-monthly review of `current` — the agreement as its reviewer sees it, its indicators counted on
 * the review's day, locked by the caller once the reviewer may review it (the district's coordinators, admins):
 * an assessment of every activity and indicator it has. A day not after the last review, before the start or in
 * the future is INVALID_TRANSITION (409).
 */
export async function recordReview(ctx: ServiceContext, current: Agreement, input: AgreementReview): Promise<void> {
  const day = input.reviewed_on;
  const refused = () =>
    new AppError('INVALID_TRANSITION', {
      details: {
        entity: 'agreement',
        last_review: current.last_review,
        reviewed_on: day,
        reason: 'a review lies after the last one, not before the start and not after today',
      },
    });
  if (
    (current.last_review !== null && day <= current.last_review) ||
    day < current.period_start ||
    day > today(ctx.organisation.timeZone)
  )
    throw refused();
  const issues = coverageIssues(current, input);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { details: issues });
  const indicators = new Map(current.indicators.map((i) => [i.problem_id, i]));
  const redact = (text: string | undefined) => (text ? redactPersonalData(text).text : null);
  const items: ReviewItemRow[] = [
    ...input.activities.map((a) => ({
      measure_id: a.measure_id,
      problem_id: null,
      assessment: a.assessment,
      comment: redact(a.comment),
      indicator_from: null,
      indicator_to: null,
      indicator_value: null,
      baseline_value: null,
    })),
    ...input.indicators.map((i) => {
      const { current: counted, baseline } = indicators.get(i.problem_id)!;
      return {
        measure_id: null,
        problem_id: i.problem_id,
        assessment: i.assessment,
        comment: redact(i.comment),
        indicator_from: counted.from,
        indicator_to: counted.to,
        indicator_value: counted.value,
        baseline_value: baseline.value,
      };
    }),
  ];
  await inTransaction(ctx.db, async (trx) => {
    const reviewId = await insertReview(
      trx,
      {
        organisation_id: ctx.organisation.id,
        agreement_id: current.id,
        reviewed_on: day,
        note: redact(input.note),
        created_by: ctx.actor,
      },
      items,
    );
    if (!reviewId) throw refused();
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'agreement',
      entityId: current.id,
      before: { last_review: current.last_review },
      after: {
        last_review: day,
        review: {
          id: reviewId,
          note: input.note ? '[text]' : null,
          activities: input.activities.map((a) => [a.measure_id, a.assessment]),
          indicators: input.indicators.map((i) => [i.problem_id, i.assessment]),
        },
      },
    });
  });
}

/**
 * The recorded reviews of one agreement, newest first, for readers who see the assessed measures and problems
 * (an item whose measure or problem the reader may not see is left out); free text only with `text`.
 */
export function reviewRecords(
  agreementId: string,
  stored: Awaited<ReturnType<typeof listReviews>>,
  measures: ReadonlyMap<string, Measure>,
  problems: ReadonlyMap<string, Problem>,
  text: boolean,
): AgreementReviewRecord[] {
  return stored.reviews
    .filter((r) => r.agreement_id === agreementId)
    .map((r) => {
      const items = stored.items.filter((i) => i.review_id === r.id);
      return {
        id: r.id,
        reviewed_on: r.reviewed_on,
        next_review: nextReview(r.reviewed_on, r.reviewed_on),
        note: text ? r.note : null,
        recorded_at: new Date(r.created_at).toISOString(),
        activities: items
          .flatMap((i) => {
            const m = i.measure_id ? measures.get(i.measure_id) : undefined;
            return m
              ? [
                  {
                    measure_id: m.id,
                    title: m.title,
                    assessment: i.assessment as ActivityAssessment,
                    comment: text ? i.comment : null,
                  },
                ]
              : [];
          })
          .sort((a, b) => a.title.localeCompare(b.title, 'sv')),
        indicators: items.flatMap((i) => {
          const p = i.problem_id ? problems.get(i.problem_id) : undefined;
          return p
            ? [
                {
                  problem_id: p.id,
                  categories: p.categories,
                  where: indicatorWhere(p),
                  baseline_value: i.baseline_value ?? 0,
                  value: { from: i.indicator_from!, to: i.indicator_to!, value: i.indicator_value! },
                  assessment: i.assessment as IndicatorAssessment,
                  comment: text ? i.comment : null,
                },
              ]
            : [];
        }),
      };
    });
}
