import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Measure } from '../../../domain/measures.js';
import type { Problem } from '../../../domain/problems.js';
import { ApiError } from '../../api/client.js';
import { useUnits } from '../../api/use-reference-data.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { canEditForUnit, editableUnits } from './access.js';
import { ConfidentialityField } from '../../forms/ConfidentialityField.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import { ComponentsEditor } from './ListEditors.js';
import {
  MEASURE_EDIT_FIELDS,
  type MeasureEditField,
  type MeasureEditState,
  measureEditErrors,
  measureEditInputId,
  measureEditState,
  validateMeasureEdit,
} from './measure-edit.js';
import { MeasureFields } from './MeasureFields.js';
import type { NoticeState } from './navigation-notice.js';
import { useChangeMeasure, useMeasure, useProblems } from './use-programme.js';
import '../situation/situation.css';
import './programme.css';

/** Editing a measure: its problems, units, what, when, cost, places, components and confidentiality (the responsible unit's editors). */
export function MeasureEditPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const measure = useMeasure(session.data ? id : undefined);
  const problems = useProblems(Boolean(session.data));
  useDocumentTitle(titleOf(measure.data?.title, t('programmeEdit.measure.title')));
  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link to={`/measures/${id ?? ''}`}>← {t('programmeEdit.measure.back')}</Link>
      </p>
      <h1>
        {t('programmeEdit.measure.title')}
        {measure.data && <>: {measure.data.title}</>}
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState
          isPending={measure.isPending || problems.isPending}
          error={measure.error ?? problems.error}
          onRetry={() => void measure.refetch()}
        >
          {measure.data &&
            problems.data &&
            (canEditForUnit(session.data, measure.data.responsible_unit.id) ? (
              <MeasureEditForm measure={measure.data} problems={problems.data} />
            ) : (
              <p className="notice notice-info">{t('programmeEdit.measure.noAccess')}</p>
            ))}
        </QueryState>
      )}
    </div>
  );
}

function MeasureEditForm({ measure, problems }: { measure: Measure; problems: readonly Problem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const units = useUnits();
  const change = useChangeMeasure(measure.id);
  const errorText = useErrorText();
  const original = useMemo(() => measureEditState(measure), [measure]);
  const [state, setState] = useState<MeasureEditState>(original);
  // The version the form was filled from: saving over someone else's later change is refused (409) with a message to reload.
  const [openedVersion] = useState(measure.version);
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<MeasureEditField>();
  const responsible = editableUnits(session.data, units);

  const patch = (p: Partial<MeasureEditState>, field: MeasureEditField) => {
    setState((s) => ({ ...s, ...p }));
    edited(field);
  };
  const back = (notice: string) =>
    void navigate(`/measures/${measure.id}`, { state: { notice } satisfies NoticeState });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending) return;
    const v = validateMeasureEdit(original, state, t);
    if (v.errors) return fail(v.errors, null);
    if (!v.input) return back('programmeEdit.measure.unchanged');
    try {
      await change.mutateAsync({ kind: 'update', body: v.input, version: openedVersion });
      back('programmeEdit.measure.saved');
    } catch (err) {
      const fields = err instanceof ApiError ? measureEditErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('programmeEdit.measure.summaryTitle')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, MEASURE_EDIT_FIELDS, measureEditInputId)}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <MeasureFields
          state={state}
          errors={errors}
          problems={problems}
          responsibleUnits={responsible}
          responsibleHint={t('programmeEdit.measure.handoverHint')}
          onChange={patch}
        />
        <ComponentsEditor
          components={state.components}
          error={errors.components}
          hint={t('programmeEdit.measure.componentsHint')}
          onChange={(v) => patch({ components: v }, 'components')}
        />
        <ConfidentialityField
          id="measure-confidentiality"
          value={state.confidentiality}
          error={errors.confidentiality}
          onChange={(v) => patch({ confidentiality: v }, 'confidentiality')}
        />
        <div className="button-row">
          <SubmitButton large pending={change.isPending} pendingLabel={t('programme.saving')}>
            {t('programmeEdit.measure.submit')}
          </SubmitButton>
          <Link className="button button-secondary button-large" to={`/measures/${measure.id}`}>
            {t('programme.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
