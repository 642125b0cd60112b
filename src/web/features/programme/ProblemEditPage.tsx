import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { IndicatorDirectionSchema, type Problem } from '../../../domain/problems.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { useArea } from '../areas/use-areas.js';
import { canEditForUnit } from './access.js';
import { ConfidentialityField } from '../../forms/ConfidentialityField.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import type { NoticeState } from './navigation-notice.js';
import {
  PROBLEM_EDIT_FIELDS,
  type ProblemEditField,
  type ProblemEditState,
  problemEditErrors,
  problemEditInputId,
  problemEditState,
  validateProblemEdit,
} from './problem-edit.js';
import { ProblemFields } from './ProblemFields.js';
import { useChangeProblem, useProblem } from './use-programme.js';
import '../situation/situation.css';
import './programme.css';

/** Editing what a problem says, where and what it counts, its target, which way is better and its confidentiality (the owner unit's editors). */
export function ProblemEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const problem = useProblem(session.data ? id : undefined);
  useDocumentTitle(titleOf(problem.data?.title, t('programmeEdit.problem.title')));
  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link to={`/problems/${id ?? ''}`}>← {t('programmeEdit.problem.back')}</Link>
      </p>
      <h1>
        {t('programmeEdit.problem.title')}
        {problem.data && <>: {problem.data.title}</>}
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={problem.isPending} error={problem.error} onRetry={() => void problem.refetch()}>
          {problem.data &&
            (canEditForUnit(session.data, problem.data.owner_unit.id) ? (
              <ProblemEditForm problem={problem.data} />
            ) : (
              <p className="notice notice-info">{t('programmeEdit.problem.noAccess')}</p>
            ))}
        </QueryState>
      )}
    </div>
  );
}

/**
 * The district whose areas and places the form offers: the problem's district (its area's parent for a
 * neighbourhood), or for a problem with places only, the district its owner unit runs. Null when neither
 * (a specialist unit's problem at its own premises): then every place is offered and no area.
 */
function useProblemDistrict(problem: Problem): { districtId: string | null; pending: boolean } {
  const area = useArea(problem.area?.id);
  const districts = useQuery({
    queryKey: ['areas', 'district', 'json'],
    queryFn: () => endpoints.areas({ level: 'district' }),
    enabled: !problem.area,
    staleTime: 3_600_000,
  });
  if (problem.area)
    return {
      districtId: area.data
        ? area.data.level === 'district'
          ? area.data.id
          : (area.data.parent_id ?? area.data.id)
        : null,
      pending: area.isPending,
    };
  return {
    districtId: districts.data?.find((d) => d.owner_unit_id === problem.owner_unit.id)?.id ?? null,
    pending: districts.isPending,
  };
}

function ProblemEditForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const change = useChangeProblem(problem.id);
  const errorText = useErrorText();
  const district = useProblemDistrict(problem);
  const original = useMemo(() => problemEditState(problem), [problem]);
  const [state, setState] = useState<ProblemEditState>(original);
  // The version the form was filled from: saving over someone else's later change is refused (409) with a message to reload.
  const [openedVersion] = useState(problem.version);
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<ProblemEditField>();
  const placeNames = useMemo(() => new Map(problem.places.map((p) => [p.id, p.name])), [problem.places]);

  const patch = (p: Partial<ProblemEditState>, field: ProblemEditField) => {
    setState((s) => ({ ...s, ...p }));
    edited(field);
  };
  const back = (notice: string) =>
    void navigate(`/problems/${problem.id}`, { state: { notice } satisfies NoticeState });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    const v = validateProblemEdit(original, state, t);
    if (v.errors) return fail(v.errors, null);
    if (!v.input) return back('programmeEdit.problem.unchanged');
    try {
      await change.mutateAsync({ kind: 'update', body: v.input, version: openedVersion });
      back('programmeEdit.problem.saved');
    } catch (err) {
      const fields = err instanceof ApiError ? problemEditErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  return (
    <QueryState isPending={district.pending} error={null}>
      <ErrorSummary
        ref={summaryRef}
        title={t('programmeEdit.problem.summaryTitle')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, PROBLEM_EDIT_FIELDS, problemEditInputId)}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <ProblemFields
          state={state}
          errors={errors}
          districtId={district.districtId}
          extraPlaceNames={placeNames}
          onChange={patch}
        />
        {problem.baseline && <p className="notice notice-info">{t('programmeEdit.problem.recomputeNote')}</p>}
        <Field
          id="problem-target-value"
          label={t('programme.fields.target')}
          hint={t('programmeEdit.problem.targetHint')}
          error={errors.target_value}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              inputMode="numeric"
              value={state.target_value}
              onChange={(e) => patch({ target_value: e.target.value }, 'target_value')}
            />
          )}
        </Field>
        <Field
          id="problem-indicator-direction"
          label={t('programme.fields.direction')}
          error={errors.indicator_direction}
        >
          {(aria) => (
            <select
              {...aria}
              value={state.indicator_direction}
              onChange={(e) =>
                patch({ indicator_direction: IndicatorDirectionSchema.parse(e.target.value) }, 'indicator_direction')
              }
            >
              {IndicatorDirectionSchema.options.map((d) => (
                <option key={d} value={d}>
                  {t(`programme.indicatorDirections.${d}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ConfidentialityField
          id="problem-confidentiality"
          value={state.confidentiality}
          error={errors.confidentiality}
          onChange={(v) => patch({ confidentiality: v }, 'confidentiality')}
        />
        <div className="button-row">
          <SubmitButton large pending={change.isPending} pendingLabel={t('programme.saving')}>
            {t('programmeEdit.problem.submit')}
          </SubmitButton>
          <Link className="button button-secondary button-large" to={`/problems/${problem.id}`}>
            {t('programme.cancel')}
          </Link>
        </div>
      </form>
    </QueryState>
  );
}
