import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../domain/calendar/index.js';
import { useToday } from '../../components/time-zone.js';
import { useFormat } from '../../components/use-format.js';
import { FieldGroup } from '../../forms/FieldGroup.js';
import { type EvaluationFormState, implementationGap } from './evaluation-form.js';

type Period = EvaluationFormState['before'];

interface Props {
  before: Period;
  after: Period;
  errors: { before?: string | undefined; after?: string | undefined };
  onChange: (which: 'before' | 'after', period: Period) => void;
}

/** The before and after periods, each choice explained in plain words below them as they change. */
export function EvaluationPeriods({ before, after, errors, onChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = useToday();
  const gap = implementationGap({ before, after });
  const length = (p: Period) => (p.from && p.to && p.from <= p.to ? daysBetween(p.from, p.to) + 1 : null);
  const [beforeDays, afterDays] = [length(before), length(after)];
  const period = (which: 'before' | 'after', value: Period) => (
    <FieldGroup
      id={`evaluation-${which}`}
      legend={t(`evaluationForm.${which}`)}
      hint={t(`evaluationForm.${which}Hint`)}
      error={errors[which]}
      required
      className="evaluation-period"
    >
      <div className="inline-fields">
        {(['from', 'to'] as const).map((end) => (
          <div className="field" key={end}>
            <label htmlFor={`evaluation-${which}-${end}`}>{t(`evaluationForm.${end}`)}</label>
            <input
              id={`evaluation-${which}-${end}`}
              type="date"
              aria-invalid={Boolean(errors[which])}
              value={value[end]}
              onChange={(e) => onChange(which, { ...value, [end]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </FieldGroup>
  );
  return (
    <section className="evaluation-periods" aria-labelledby="evaluation-periods-title">
      <h2 id="evaluation-periods-title">{t('evaluationForm.periods')}</h2>
      <p>{t('evaluationForm.periodsIntro')}</p>
      {period('before', before)}
      {period('after', after)}
      {/* Read out as the dates change, so the consequence of a choice is heard where it is made. */}
      <div className="evaluation-period-notes" aria-live="polite">
        <p>
          {gap
            ? t('evaluationForm.gap', { from: format.day(gap.from), to: format.day(gap.to) })
            : t('evaluationForm.noGap')}
        </p>
        {beforeDays !== null && afterDays !== null && beforeDays !== afterDays && (
          <p>{t('evaluationForm.unequal', { before: beforeDays, after: afterDays })}</p>
        )}
        {after.to > today && <p>{t('evaluationForm.future', { day: format.day(after.to) })}</p>}
      </div>
    </section>
  );
}
