import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/problems.js';
import { ApiError } from '../../api/client.js';
import { useCategories } from '../../api/use-reference-data.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useErrorText } from '../../components/QueryState.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { EvidenceText } from './EvidenceList.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, fieldErrors, summaryItems } from '../../forms/field-errors.js';
import {
  EVIDENCE_FIELDS,
  type EvidenceField,
  type EvidenceFormState,
  MANUAL_EVIDENCE_KINDS,
  type ManualEvidenceKind,
  validateEvidence,
} from './problem-edit.js';
import { useChangeProblem } from './use-programme.js';

const inputId = (f: EvidenceField) =>
  f === 'kind' ? 'evidence-kind-note' : f === 'filter' ? 'evidence-categories' : `evidence-${f}`;

/**
 * The problem's evidence; for its editors, each link removable and a form to add a note, a document or an
 * incident filter. After a removal the focus goes to the message, since the button it was on is gone.
 */
export function EvidenceSection({ problem, canEdit }: { problem: Problem; canEdit: boolean }) {
  const { t } = useTranslation();
  const change = useChangeProblem(problem.id);
  const errorText = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [messageRef, focusMessage] = useFocusAfterRender<HTMLParagraphElement>();
  const knownAreas = new Map(problem.area ? [[problem.area.id, problem.area.name]] : []);
  const remove = (evidenceId: string) => {
    if (change.isPending) return;
    setMessage(null);
    change.mutate(
      { kind: 'remove_evidence', evidenceId },
      {
        onSuccess: () => {
          setMessage(t('programmeEdit.evidence.removed'));
          focusMessage();
        },
      },
    );
  };
  return (
    <section className="section" aria-labelledby="problem-evidence-heading">
      <h2 id="problem-evidence-heading">{t('programme.problem.evidence')}</h2>
      {problem.evidence.length === 0 ? (
        <p className="notice notice-warning">{t('programme.problem.noEvidence')}</p>
      ) : (
        <ol className="evidence-list">
          {problem.evidence.map((e, i) => (
            <li key={e.id}>
              <EvidenceText evidence={e} knownAreas={knownAreas} />
              {canEdit && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-disabled={change.isPending || undefined}
                    onClick={() => remove(e.id)}
                  >
                    {t('programmeEdit.evidence.remove')}
                    <span className="visually-hidden">: {t('programmeEdit.evidence.item', { n: i + 1 })}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <div role="status">
        {message && (
          <p ref={messageRef} tabIndex={-1} className="notice notice-success">
            {message}
          </p>
        )}
      </div>
      {change.error && !change.isPending && change.variables?.kind === 'remove_evidence' && (
        <p className="notice notice-error" role="alert">
          {errorText(change.error)}
        </p>
      )}
      {canEdit && <EvidenceForm problem={problem} onAdded={() => setMessage(t('programmeEdit.evidence.added'))} />}
    </section>
  );
}

function EvidenceForm({ problem, onAdded }: { problem: Problem; onAdded: () => void }) {
  const { t, i18n } = useTranslation();
  const add = useChangeProblem(problem.id);
  const categories = useCategories();
  const errorText = useErrorText();
  const empty = (): EvidenceFormState => ({
    kind: 'note',
    note: '',
    ref: '',
    categories: [...problem.categories],
    place_id: '',
    from: '',
    to: '',
  });
  const [state, setState] = useState<EvidenceFormState>(empty);
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<EvidenceField>();
  const set = (p: Partial<EvidenceFormState>, field: EvidenceField) => {
    setState((s) => ({ ...s, ...p }));
    edited(field);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    const v = validateEvidence(state, problem.area?.id ?? null, t);
    if (v.errors) return fail(v.errors, null);
    try {
      await add.mutateAsync({ kind: 'add_evidence', body: v.input });
      setState(empty());
      fail({}, null);
      onAdded();
    } catch (err) {
      const fields =
        err instanceof ApiError
          ? fieldErrors(apiIssues(err.fieldIssues), EVIDENCE_FIELDS, 'kind', (f) =>
              t(`programmeEdit.errors.evidence.${f}`),
            )
          : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };
  const en = i18n.language === 'en';
  const options = (categories.data ?? [])
    .filter((c) => c.active || problem.categories.includes(c.code))
    .sort((a, b) => a.sort_order - b.sort_order);

  return (
    <form
      className="programme-form evidence-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="evidence-add-heading"
    >
      <h3 id="evidence-add-heading">{t('programmeEdit.evidence.add')}</h3>
      <ErrorSummary
        ref={summaryRef}
        titleId="evidence-summary-title"
        title={t('programmeEdit.evidence.summaryTitle')}
        intro={t('report.summaryIntro')}
        items={summaryItems(errors, EVIDENCE_FIELDS, inputId)}
        general={general}
      />
      <RadioGroup<ManualEvidenceKind>
        name="evidence-kind"
        idPrefix="evidence-kind"
        legend={t('programmeEdit.evidence.kind')}
        value={state.kind}
        hint={t('programmeEdit.evidence.hotspotHint')}
        options={MANUAL_EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`programmeEdit.evidence.kinds.${k}`) }))}
        onChange={(kind) => set({ kind }, 'kind')}
      />
      {state.kind === 'document' && (
        <Field
          id="evidence-ref"
          label={t('programmeEdit.evidence.ref')}
          hint={t('programmeEdit.evidence.refHint')}
          error={errors.ref}
          required
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={500}
              value={state.ref}
              onChange={(e) => set({ ref: e.target.value }, 'ref')}
            />
          )}
        </Field>
      )}
      {state.kind === 'incident_filter' && (
        <>
          <CheckboxGroup
            id="evidence-categories"
            legend={t('programmeEdit.evidence.categories')}
            error={errors.filter}
            options={options.map((c) => ({ value: c.code, label: en ? c.label_en : c.label_sv }))}
            values={state.categories}
            onChange={(v) => set({ categories: v }, 'filter')}
          />
          <Field id="evidence-place" label={t('programmeEdit.evidence.place')}>
            {(aria) => (
              <select {...aria} value={state.place_id} onChange={(e) => set({ place_id: e.target.value }, 'filter')}>
                <option value="">
                  {problem.area
                    ? t('programmeEdit.evidence.wholeArea', { name: problem.area.name })
                    : t('programmeEdit.evidence.everywhere')}
                </option>
                {problem.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="inline-fields">
            <Field id="evidence-from" label={t('programmeEdit.evidence.from')}>
              {(aria) => (
                <input
                  {...aria}
                  type="date"
                  value={state.from}
                  onChange={(e) => set({ from: e.target.value }, 'filter')}
                />
              )}
            </Field>
            <Field id="evidence-to" label={t('programmeEdit.evidence.to')}>
              {(aria) => (
                <input {...aria} type="date" value={state.to} onChange={(e) => set({ to: e.target.value }, 'filter')} />
              )}
            </Field>
          </div>
        </>
      )}
      <Field
        id="evidence-note"
        label={t(state.kind === 'note' ? 'programmeEdit.evidence.note' : 'programmeEdit.evidence.comment')}
        error={errors.note}
        required={state.kind === 'note'}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={3}
            maxLength={2000}
            value={state.note}
            onChange={(e) => set({ note: e.target.value }, 'note')}
          />
        )}
      </Field>
      <SubmitButton pending={add.isPending} pendingLabel={t('programme.saving')}>
        {t('programmeEdit.evidence.submit')}
      </SubmitButton>
    </form>
  );
}
