import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { addMonths } from '../../../domain/calendar/index.js';
import {
  ActivityAssessmentSchema,
  type Agreement,
  IndicatorAssessmentSchema,
  REVIEW_INTERVAL_MONTHS,
} from '../../../domain/agreements.js';
import { useCategoryLabel } from '../../api/use-reference-data.js';
import { useToday } from '../../components/time-zone.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import type { NoticeState } from '../programme/navigation-notice.js';
import { canEditAgreements } from './access.js';
import {
  type AssessmentState,
  blankReview,
  type ReviewErrorKey,
  type ReviewFormState,
  reviewInputId,
  validateReview,
} from './review-form.js';
import { useAgreement, useReviewAgreement } from './use-agreements.js';
import '../programme/programme.css';
import '../situation/situation.css';
import './agreements.css';

/** Recording an agreement's six-monthly review (`/agreements/:id/review`): an assessment of every activity and indicator. */
export function AgreementReviewPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const agreement = useAgreement(session.data ? id : undefined);
  const a = agreement.data;
  useDocumentTitle(titleOf(a?.title, a?.district_unit.name, t('agreementReview.title')));
  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link
          to={a ? `/agreements?district=${encodeURIComponent(a.district_unit.id)}#agreement-${a.id}` : '/agreements'}
        >
          ← {t('agreementForm.back')}
        </Link>
      </p>
      <h1>
        {t('agreementReview.title')}
        {a && <>: {a.title}</>}
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={agreement.isPending} error={agreement.error} onRetry={() => void agreement.refetch()}>
          {a &&
            (canEditAgreements(session.data, a.district_unit.id) ? (
              <ReviewForm agreement={a} />
            ) : (
              <p className="notice notice-info">{t('agreementForm.noAccess')}</p>
            ))}
        </QueryState>
      )}
    </div>
  );
}

function ReviewForm({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const format = useFormat();
  const category = useCategoryLabel();
  const navigate = useNavigate();
  const review = useReviewAgreement(a.id);
  const errorText = useErrorText();
  const today = useToday();
  const [state, setState] = useState<ReviewFormState>(() => blankReview(a, today));
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<ReviewErrorKey>();
  const order: ReviewErrorKey[] = [
    'reviewed_on',
    'note',
    ...a.activities.map((x) => `activity:${x.id}` as const),
    ...a.indicators.map((x) => `indicator:${x.problem_id}` as const),
  ];

  const setRow = (kind: 'activities' | 'indicators', id: string, patch: Partial<AssessmentState>) => {
    setState((s) => ({ ...s, [kind]: { ...s[kind], [id]: { ...s[kind][id]!, ...patch } } }));
    edited(kind === 'activities' ? `activity:${id}` : `indicator:${id}`);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (review.isPending) return;
    const checked = validateReview(a, state, today);
    if (checked.errors) {
      return fail(
        Object.fromEntries(
          checked.errors.map((x) => [
            x.key,
            t(`agreementReview.errors.${x.code}`, {
              date: a.last_review ? format.day(a.last_review) : format.day(a.period_start),
            }),
          ]),
        ),
        null,
      );
    }
    try {
      await review.mutateAsync(checked.input);
      const notice: NoticeState = { notice: 'agreementReview.saved' };
      void navigate(`/agreements?district=${encodeURIComponent(a.district_unit.id)}#agreement-${a.id}`, {
        state: notice,
      });
    } catch (err) {
      fail({}, errorText(err));
    }
  };
  const summary = order.flatMap((key) => (errors[key] ? [{ inputId: reviewInputId(key), message: errors[key] }] : []));
  const next = /^\d{4}-\d{2}-\d{2}$/.test(state.reviewed_on)
    ? addMonths(state.reviewed_on, REVIEW_INTERVAL_MONTHS)
    : null;

  return (
    <>
      <p className="lead">{t('agreementReview.intro')}</p>
      <ErrorSummary
        ref={summaryRef}
        title={t('agreementReview.summaryTitle')}
        intro={t('report.summaryIntro')}
        items={summary}
        general={general}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <Field
          id="review-date"
          label={t('agreementReview.date')}
          hint={a.last_review ? t('agreementReview.dateHint', { date: format.day(a.last_review) }) : undefined}
          error={errors.reviewed_on}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="date"
              value={state.reviewed_on}
              max={today}
              onChange={(e) => {
                setState((s) => ({ ...s, reviewed_on: e.target.value }));
                edited('reviewed_on');
              }}
            />
          )}
        </Field>
        <p className="next-review" data-testid="next-review">
          {next ? t('agreementReview.next', { date: format.day(next) }) : null}
        </p>
        <Field
          id="review-note"
          label={t('agreementReview.note')}
          hint={t('agreementReview.noteHint')}
          error={errors.note}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={4}
              value={state.note}
              maxLength={4000}
              onChange={(e) => {
                setState((s) => ({ ...s, note: e.target.value }));
                edited('note');
              }}
            />
          )}
        </Field>
        <h2>{t('agreements.activities')}</h2>
        {a.activities.length === 0 && <p className="empty">{t('agreements.noActivities')}</p>}
        {a.activities.map((x) => (
          <AssessmentRow
            key={x.id}
            id={`review-activity-${x.id}`}
            legend={x.title}
            error={errors[`activity:${x.id}`]}
            row={state.activities[x.id]!}
            facts={`${t(`programme.measureTypes.${x.type}`)} · ${t(`programme.measureStatus.${x.status}`)} · ${x.responsible_unit.name}`}
            options={ActivityAssessmentSchema.options.map((v) => ({
              value: v,
              label: t(`agreementReview.activityAssessments.${v}`),
            }))}
            onChange={(patch) => setRow('activities', x.id, patch)}
          />
        ))}
        <h2>{t('agreements.indicators')}</h2>
        {a.indicators.length === 0 && <p className="empty">{t('agreements.noIndicators')}</p>}
        {a.indicators.map((x) => (
          <AssessmentRow
            key={x.problem_id}
            id={`review-indicator-${x.problem_id}`}
            legend={`${x.categories.map(category).join(', ')} – ${x.where}`}
            error={errors[`indicator:${x.problem_id}`]}
            row={state.indicators[x.problem_id]!}
            facts={t('agreementReview.indicatorFacts', {
              baseline: format.number(x.baseline.value),
              current: format.number(x.current.value),
              from: format.day(x.current.from),
              to: format.day(x.current.to),
            })}
            options={IndicatorAssessmentSchema.options.map((v) => ({
              value: v,
              label: t(`programme.assessments.${v}`),
            }))}
            onChange={(patch) => setRow('indicators', x.problem_id, patch)}
          />
        ))}
        <SubmitButton large pending={review.isPending} pendingLabel={t('programme.saving')}>
          {t('agreementReview.submit')}
        </SubmitButton>
      </form>
    </>
  );
}

interface RowProps {
  id: string;
  legend: string;
  facts: ReactNode;
  error: string | undefined;
  row: AssessmentState;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange: (patch: Partial<AssessmentState>) => void;
}

/** One activity's or indicator's assessment: a group named by what is assessed, its figures under the name, a choice and an optional comment. */
function AssessmentRow({ id, legend, facts, error, row, options, onChange }: RowProps) {
  const { t } = useTranslation();
  return (
    <div className="assessment-row">
      <RadioGroup
        name={id}
        idPrefix={id}
        legend={legend}
        hint={facts}
        error={error}
        value={row.assessment}
        options={options}
        onChange={(assessment) => onChange({ assessment })}
      />
      <Field id={`${id}-comment`} label={t('agreementReview.comment', { what: legend })}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            value={row.comment}
            maxLength={1000}
            onChange={(e) => onChange({ comment: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
