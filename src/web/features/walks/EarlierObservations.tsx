import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EarlierObservation, FOLLOWUP_OUTCOMES, type FollowUpOutcome } from '../../../domain/walks.js';
import { walkEndpoints as api } from '../../api/walk-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useFormat } from '../../components/use-format.js';
import { Field } from '../../forms/Field.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { useEarlierObservations } from './use-walks.js';

/**
 * "Åtgärdad?": the observations earlier walks in this area noted and no walk has found fixed, each with a
 * choice of fixed / not fixed / partly and a note, for the walkers of this walk. Nothing shows when there
 * are none (or the list cannot be fetched, as on a walk without coverage).
 */
export function EarlierObservations({ walkId, canAnswer }: { walkId: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const earlier = useEarlierObservations(walkId);
  const rows = earlier.data?.observations ?? [];
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="walk-earlier" className="walk-earlier">
      <h2 id="walk-earlier">
        {t('walks.followUp.heading')} ({rows.length})
      </h2>
      <p className="hint">{t('walks.followUp.intro')}</p>
      <ul className="walk-earlier-list">
        {rows.map((o) => (
          <EarlierItem key={o.id} walkId={walkId} observation={o} canAnswer={canAnswer} />
        ))}
      </ul>
    </section>
  );
}

function EarlierItem({
  walkId,
  observation: o,
  canAnswer,
}: {
  walkId: string;
  observation: EarlierObservation;
  canAnswer: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // No answer is chosen for the walker: an unanswered observation must not look answered.
  const [outcome, setOutcome] = useState<FollowUpOutcome | ''>(o.answer?.outcome ?? '');
  const [missing, setMissing] = useState<string | undefined>();
  const [note, setNote] = useState(o.answer?.note ?? '');
  const [done, setDone] = useState<string | null>(null);
  const item = i18n.language === 'en' ? o.item.label_en : o.item.label;
  const save = useMutation({
    mutationFn: (chosen: FollowUpOutcome) =>
      api.answerFollowUp(walkId, o.id, { outcome: chosen, ...(note.trim() ? { note } : {}) }),
    onSuccess: async () => {
      setDone(t('walks.followUp.saved', { item }));
      await queryClient.invalidateQueries({ queryKey: ['walks', walkId] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(outcome ? undefined : t('walks.followUp.needOutcome'));
    if (outcome) save.mutate(outcome);
  };
  const base = `followup-${o.id}`;
  return (
    <li className="walk-earlier-item">
      <p>
        <span className={`severity-dot severity-${o.severity}`} aria-hidden="true" />
        <strong>{item}</strong> · {t(`walks.severity.${o.severity}`)} ·{' '}
        {t('walks.followUp.from', { walk: o.earlier_walk.title, day: format.longDay(o.earlier_walk.walk_date) })}
      </p>
      {o.note && <p className="walk-note">{o.note}</p>}
      {o.answer && (
        <p className="walk-answer">
          {t('walks.followUp.answered', {
            outcome: t(`walks.followUp.outcome.${o.answer.outcome}`),
            who: o.answer.answered_by ?? '–',
            time: format.dateTime(o.answer.answered_at),
          })}
          {o.answer.note && <> – {o.answer.note}</>}
        </p>
      )}
      {canAnswer && (
        <form onSubmit={submit} className="walk-earlier-form">
          <RadioGroup
            name={base}
            idPrefix={base}
            legend={t('walks.followUp.question', { item })}
            value={outcome}
            options={FOLLOWUP_OUTCOMES.map((v) => ({ value: v, label: t(`walks.followUp.outcome.${v}`) }))}
            onChange={setOutcome}
            error={missing}
            className="walk-severity"
          />
          <Field id={`${base}-note`} label={t('walks.followUp.note')}>
            {(aria) => (
              <input {...aria} type="text" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {t('walks.followUp.save')}
            <span className="visually-hidden">: {item}</span>
          </button>
          <StatusMessage message={done} />
          {save.error && (
            <p className="notice notice-error" role="alert">
              {errorText(save.error)}
            </p>
          )}
        </form>
      )}
    </li>
  );
}
