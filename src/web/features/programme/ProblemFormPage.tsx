import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { IndicatorDirectionSchema } from '../../../domain/problems.js';
import { ApiError } from '../../api/client.js';
import { useUnits } from '../../api/use-reference-data.js';
import { useToday } from '../../components/time-zone.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { useArea } from '../areas/use-areas.js';
import { addDays } from '../../../domain/calendar/index.js';
import { defaultUnit, editableUnits } from './access.js';
import { EvidenceText } from './EvidenceList.js';
import { Field } from '../../forms/Field.js';
import { FieldGroup } from '../../forms/FieldGroup.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import { parsePrefill } from './hotspot-prefill.js';
import type { NoticeState } from './navigation-notice.js';
import { ProblemFields } from './ProblemFields.js';
import {
  PROBLEM_FIELDS,
  type ProblemField,
  type ProblemFormState,
  problemErrors,
  problemInputId,
  validateProblem,
} from './problem-form.js';
import { useCreateProblem } from './use-programme.js';
import '../situation/situation.css';
import './programme.css';

/** Recording an identified problem in a district, empty or prefilled from a hotspot of the situation report. */
export function ProblemFormPage() {
  const { id: areaId } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const area = useArea(areaId);
  const units = useUnits();
  const mine = editableUnits(session.data, units);
  useDocumentTitle(titleOf(area.data?.name, t('programme.problemForm.title')));

  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link to={`/districts/${areaId ?? ''}/programme`}>← {t('programme.district.back')}</Link>
      </p>
      <h1>{t('programme.problemForm.title')}</h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={area.isPending || units.length === 0} error={area.error}>
          {mine.length === 0 ? (
            <p className="notice notice-info">{t('programme.problemForm.noUnit')}</p>
          ) : (
            area.data && areaId && <ProblemForm areaId={areaId} ownerUnitId={area.data.owner_unit?.id ?? null} />
          )}
        </QueryState>
      )}
    </div>
  );
}

function ProblemForm({ areaId, ownerUnitId }: { areaId: string; ownerUnitId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const units = useUnits();
  const create = useCreateProblem();
  const errorText = useErrorText();
  const prefill = useMemo(() => parsePrefill(params, areaId), [params, areaId]);
  const today = useToday();
  const [state, setState] = useState<ProblemFormState>(() => ({
    owner_unit_id: defaultUnit(session.data, units, ownerUnitId),
    title: '',
    statement: '',
    area_id: prefill.area_id ?? (prefill.place_ids.length ? '' : areaId),
    place_ids: prefill.place_ids,
    categories: prefill.categories,
    time_pattern: '',
    affected: [],
    evidence: prefill.evidence,
    note: '',
    // Half a year up to today: the period the situation report's figures come from, to compare later ones with.
    baseline_from: addDays(today, -182),
    baseline_to: today,
    target_value: '',
    direction: '',
  }));
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<ProblemField>();

  const set = <K extends keyof ProblemFormState>(key: K, value: ProblemFormState[K], field?: ProblemField) => {
    setState((s) => ({ ...s, [key]: value }));
    if (field) edited(field);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const v = validateProblem(state, t);
    if (v.errors) return fail(v.errors, null);
    try {
      const problem = await create.mutateAsync(v.input);
      void navigate(`/problems/${problem.id}`, {
        state: { notice: 'programme.problem.created' } satisfies NoticeState,
      });
    } catch (err) {
      const fields = err instanceof ApiError ? problemErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  const items = summaryItems(errors, PROBLEM_FIELDS, problemInputId);

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('programme.problemForm.summaryTitle')}
        intro={t('report.summaryIntro')}
        items={items}
        general={general}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        {state.evidence.length > 0 && (
          <div className="notice notice-info" data-testid="prefill">
            <p>{t('programme.problemForm.prefilled')}</p>
            <ul>
              {state.evidence.map((ev, i) => (
                <li key={i}>
                  <EvidenceText evidence={ev} />
                </li>
              ))}
            </ul>
          </div>
        )}
        <Field
          id="problem-owner-unit-id"
          label={t('programme.fields.owner_unit')}
          error={errors.owner_unit_id}
          required
        >
          {(aria) => (
            <select
              {...aria}
              value={state.owner_unit_id}
              onChange={(e) => set('owner_unit_id', e.target.value, 'owner_unit_id')}
            >
              {editableUnits(session.data, units).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ProblemFields
          state={state}
          errors={errors}
          districtId={areaId}
          onChange={(patch, field) => {
            setState((s) => ({ ...s, ...patch }));
            edited(field);
          }}
        />
        <Field
          id="problem-note"
          label={t('programme.fields.note')}
          error={errors.evidence}
          hint={t('programme.problemForm.noteHint')}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={3}
              value={state.note}
              maxLength={2000}
              onChange={(e) => set('note', e.target.value, 'evidence')}
            />
          )}
        </Field>
        <FieldGroup
          id="problem-baseline"
          legend={t('programme.fields.baseline')}
          hint={t('programme.problemForm.baselineHint')}
          error={errors.baseline}
        >
          <div className="inline-fields">
            <Field id="problem-baseline-from" label={t('programme.fields.from')}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  value={state.baseline_from}
                  onChange={(e) => set('baseline_from', e.target.value, 'baseline')}
                />
              )}
            </Field>
            <Field id="problem-baseline-to" label={t('programme.fields.to')}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  value={state.baseline_to}
                  onChange={(e) => set('baseline_to', e.target.value, 'baseline')}
                />
              )}
            </Field>
            <Field id="problem-target" label={t('programme.fields.target')}>
              {(aria) => (
                <input
                  {...aria}
                  type="text"
                  inputMode="numeric"
                  value={state.target_value}
                  onChange={(e) => set('target_value', e.target.value, 'baseline')}
                />
              )}
            </Field>
            <Field id="problem-direction" label={t('programme.fields.direction')}>
              {(aria) => (
                <select
                  {...aria}
                  value={state.direction}
                  onChange={(e) => set('direction', e.target.value, 'baseline')}
                >
                  <option value="">{t('programme.fields.directionPick')}</option>
                  {IndicatorDirectionSchema.options.map((d) => (
                    <option key={d} value={d}>
                      {t(`programme.indicatorDirections.${d}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </FieldGroup>
        <SubmitButton large pending={create.isPending} pendingLabel={t('programme.saving')}>
          {t('programme.problemForm.submit')}
        </SubmitButton>
      </form>
    </>
  );
}
