import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useFormat } from '../../components/use-format.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import {
  FIGURE_FIELDS,
  type FigureField,
  type FigureFormState,
  figureErrors,
  figureInputId,
  validateFigure,
} from './place-figures-form.js';
import { usePlaceFigures, useSavePlaceFigures } from './use-places.js';

/** How many recorded months the table shows. */
const SHOWN = 12;
const EMPTY: FigureFormState = { month: '', visitors: '', opening_hours: '' };

/** A place's monthly visitors and opening hours, which let an evaluation count incidents per visitor; its owners record them. */
export function PlaceFigures({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const figures = usePlaceFigures(placeId);
  const months = [...(figures.data?.months ?? [])].sort((a, b) => b.month.localeCompare(a.month));
  const shown = months.slice(0, SHOWN);
  const num = (x: number | null) => (x === null ? t('placeFigures.unknown') : format.number(x));
  return (
    <section className="section" aria-labelledby="place-figures-heading">
      <h2 id="place-figures-heading">{t('placeFigures.title')}</h2>
      <p>{t('placeFigures.intro')}</p>
      <QueryState isPending={figures.isPending} error={figures.error} onRetry={() => void figures.refetch()}>
        {months.length === 0 ? (
          <p>{t('placeFigures.none')}</p>
        ) : (
          <>
            <table className="data-table place-figures">
              <caption>{t('placeFigures.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('placeFigures.month')}</th>
                  <th scope="col" className="numeric">
                    {t('placeFigures.visitors')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('placeFigures.openingHours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td className="numeric">{num(m.visitors)}</td>
                    <td className="numeric">{num(m.opening_hours)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {months.length > SHOWN && <p>{t('placeFigures.latest', { shown: SHOWN, count: months.length })}</p>}
          </>
        )}
        {figures.data?.can_edit && <FigureForm placeId={placeId} />}
      </QueryState>
    </section>
  );
}

function FigureForm({ placeId }: { placeId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSavePlaceFigures(placeId);
  const [state, setState] = useState<FigureFormState>(EMPTY);
  const { errors, general, saved, summaryRef, fail, succeed, edited } = useFormOutcome<FigureField>();
  const set = (field: FigureField, value: string) => {
    setState((s) => ({ ...s, [field]: value }));
    edited(field);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const v = validateFigure(state, t);
    if (v.errors) return fail(v.errors, null);
    try {
      await save.mutateAsync(v.months);
      succeed(t('placeFigures.saved', { month: state.month }));
      setState(EMPTY);
    } catch (err) {
      const fields = err instanceof ApiError ? figureErrors(err.fieldIssues, t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };
  const hints: Record<FigureField, string> = {
    month: t('placeFigures.monthHint'),
    visitors: t('placeFigures.visitorsHint'),
    opening_hours: t('placeFigures.openingHoursHint'),
  };
  const labels: Record<FigureField, string> = {
    month: t('placeFigures.month'),
    visitors: t('placeFigures.visitors'),
    opening_hours: t('placeFigures.openingHours'),
  };
  return (
    <>
      <h3 id="place-figures-form">{t('placeFigures.formTitle')}</h3>
      <p className="hint">{t('placeFigures.formHint')}</p>
      <ErrorSummary
        ref={summaryRef}
        titleId="place-figures-summary"
        title={t('placeFigures.summaryTitle')}
        intro={t('report.summaryIntro')}
        general={general}
        items={summaryItems(errors, FIGURE_FIELDS, figureInputId)}
      />
      <form className="inline-fields" aria-labelledby="place-figures-form" noValidate onSubmit={(e) => void submit(e)}>
        {FIGURE_FIELDS.map((f) => (
          <Field
            key={f}
            id={figureInputId(f)}
            label={labels[f]}
            hint={hints[f]}
            error={errors[f]}
            required={f === 'month'}
          >
            {(aria) => (
              <input
                {...aria}
                type={f === 'month' ? 'month' : 'text'}
                inputMode={f === 'month' ? undefined : f === 'visitors' ? 'numeric' : 'decimal'}
                value={state[f]}
                onChange={(e) => set(f, e.target.value)}
              />
            )}
          </Field>
        ))}
        <div className="button-row">
          <SubmitButton pending={save.isPending} pendingLabel={t('placeFigures.saving')}>
            {t('placeFigures.submit')}
          </SubmitButton>
        </div>
      </form>
      <StatusMessage message={saved} />
    </>
  );
}
