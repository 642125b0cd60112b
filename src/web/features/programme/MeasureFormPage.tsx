import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Problem } from '../../../domain/problems.js';
import { ApiError } from '../../api/client.js';
import { useUnits } from '../../api/use-reference-data.js';
import { useToday } from '../../components/time-zone.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { defaultUnit, editableUnits } from './access.js';
import { addDays } from '../../../domain/calendar/index.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import { ComponentsEditor, FollowupDatesEditor } from './ListEditors.js';
import {
  MEASURE_FIELDS,
  type MeasureField,
  type MeasureFormState,
  measureErrors,
  measureInputId,
  validateMeasure,
} from './measure-form.js';
import { MeasureFields } from './MeasureFields.js';
import type { NoticeState } from './navigation-notice.js';
import { useCreateMeasure, useProblems } from './use-programme.js';
import '../situation/situation.css';
import './programme.css';

/** Recording a measure aimed at one or more identified problems (`?problem=` preselects one). */
export function MeasureFormPage() {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const problems = useProblems(Boolean(session.data));
  useDocumentTitle(t('programme.measureForm.title'));
  const mine = editableUnits(session.data, units);
  return (
    <div className="page programme-page">
      <h1>{t('programme.measureForm.title')}</h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={problems.isPending || units.length === 0} error={problems.error}>
          {mine.length === 0 ? (
            <p className="notice notice-info">{t('programme.measureForm.noUnit')}</p>
          ) : (
            problems.data && <MeasureForm problems={problems.data} />
          )}
        </QueryState>
      )}
    </div>
  );
}

function MeasureForm({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const units = useUnits();
  const create = useCreateMeasure();
  const errorText = useErrorText();
  const preselected = problems.find((p) => p.id === params.get('problem'));
  const today = useToday();
  const [state, setState] = useState<MeasureFormState>(() => ({
    problem_ids: preselected ? [preselected.id] : [],
    responsible_unit_id: defaultUnit(session.data, units, preselected?.owner_unit.id),
    contributing_unit_ids: [],
    place_ids: preselected?.places.map((p) => p.id) ?? [],
    title: '',
    description: '',
    type: '',
    period_start: today,
    period_end: '',
    cost_estimate_sek: '',
    target_groups: [],
    followup_dates: [addDays(today, 90)],
    components: [],
  }));
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<MeasureField>();

  const set = <K extends keyof MeasureFormState>(key: K, value: MeasureFormState[K], field: MeasureField) => {
    setState((s) => ({ ...s, [key]: value }));
    edited(field);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const v = validateMeasure(state, t);
    if (v.errors) return fail(v.errors, null);
    try {
      const measure = await create.mutateAsync(v.input);
      void navigate(`/measures/${measure.id}`, {
        state: { notice: 'programme.measure.created' } satisfies NoticeState,
      });
    } catch (err) {
      const fields = err instanceof ApiError ? measureErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };
  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('programme.measureForm.summaryTitle')}
        intro={t('report.summaryIntro')}
        items={summaryItems(errors, MEASURE_FIELDS, measureInputId)}
        general={general}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <MeasureFields
          state={state}
          errors={errors}
          problems={problems}
          preselectedId={preselected?.id}
          responsibleUnits={editableUnits(session.data, units)}
          onChange={(patch, field) => {
            setState((s) => ({ ...s, ...patch }));
            edited(field);
          }}
        />
        <FollowupDatesEditor
          dates={state.followup_dates}
          error={errors.followup_dates}
          onChange={(v) => set('followup_dates', v, 'followup_dates')}
        />
        <ComponentsEditor
          components={state.components}
          error={errors.components}
          onChange={(v) => set('components', v, 'components')}
        />
        <SubmitButton large pending={create.isPending} pendingLabel={t('programme.saving')}>
          {t('programme.measureForm.submit')}
        </SubmitButton>
      </form>
    </>
  );
}
