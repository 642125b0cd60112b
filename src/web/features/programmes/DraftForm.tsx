import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProgrammeVersion } from '../../../domain/programmes.js';
import { ProgrammeDraftCreateSchema } from '../../../domain/programmes.js';
import { programmeDocumentEndpoints as api } from '../../api/programme-document-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useProgrammeChange } from './use-programmes.js';

type DraftField = 'title' | 'period_from' | 'period_to';
const FIELDS: readonly DraftField[] = ['title', 'period_from', 'period_to'];
const LABELS = {
  title: 'programmes.draftName',
  period_from: 'programmes.periodFrom',
  period_to: 'programmes.periodTo',
} as const;

/** A new draft copied from this version (admins); opens the draft's edit page. */
export function DraftForm({ from }: { from: ProgrammeVersion }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const span = from.period_to - from.period_from;
  const [state, setState] = useState({
    title: from.title,
    period_from: String(from.period_to),
    period_to: String(from.period_to + span),
  });
  const { errors, general, summaryRef, fail } = useFormOutcome<DraftField>();
  const create = useProgrammeChange((body: { title: string; period_from: number; period_to: number }) =>
    api.createDraft(from.id, body),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    const parsed = ProgrammeDraftCreateSchema.safeParse({
      title: state.title,
      period_from: Number(state.period_from),
      period_to: Number(state.period_to),
    });
    if (!parsed.success) {
      const fields: Partial<Record<DraftField, string>> = {};
      for (const issue of parsed.error.issues) {
        const f = issue.path[0] as DraftField;
        if (FIELDS.includes(f)) fields[f] = t('programmes.invalidField', { label: t(LABELS[f]) });
      }
      return fail(fields, null);
    }
    try {
      const draft = await create.mutateAsync(parsed.data);
      void navigate(`/programmes/versions/${draft.id}/edit`);
    } catch (err) {
      fail({}, errorText(err));
    }
  };
  const input = (f: DraftField, label: string, numeric: boolean) => (
    <Field id={`draft-${f}`} label={label} error={errors[f]} required>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          value={state[f]}
          onChange={(e) => setState((s) => ({ ...s, [f]: e.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <section className="programme-edit-section" aria-labelledby="draft-form-title">
      <h2 id="draft-form-title">{t('programmes.draftTitle')}</h2>
      <p className="hint">{t('programmes.draftIntro')}</p>
      <ErrorSummary
        ref={summaryRef}
        titleId="draft-summary-title"
        title={t('programmes.formError')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, FIELDS, (f) => `draft-${f}`)}
      />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {input('title', t(LABELS.title), false)}
        <div className="compare-fields">
          {input('period_from', t(LABELS.period_from), true)}
          {input('period_to', t(LABELS.period_to), true)}
        </div>
        <SubmitButton pending={create.isPending} pendingLabel={t('programmes.creating')}>
          {t('programmes.createDraft')}
        </SubmitButton>
      </form>
    </section>
  );
}
