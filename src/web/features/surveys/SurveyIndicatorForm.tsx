import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { editsForUnit } from '../../../domain/policies.js';
import { ApiError } from '../../api/client.js';
import { programmeEndpoints as programme } from '../../api/programme-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useSession } from '../auth/use-session.js';
import { unitRolesOf } from '../views/access.js';

/**
 * Makes the survey item shown a problem's evidence and indicator: the problems offered are those the user's
 * units own (the server's row rule, `editsForUnit`); the problem's page then shows its first and latest figures.
 */
export function SurveyIndicatorForm({ questionId, surveyAreaId }: { questionId: string; surveyAreaId: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const errorText = useErrorText();
  const client = useQueryClient();
  const problems = useQuery({ queryKey: ['problems', 'all'], queryFn: programme.problems });
  const own = (problems.data ?? []).filter((p) => editsForUnit(unitRolesOf(session.data), p.owner_unit.id));
  const [problemId, setProblemId] = useState('');
  const [linked, setLinked] = useState<{ id: string; title: string } | null>(null);
  const outcome = useFormOutcome<'problem'>();
  const link = useMutation({
    mutationFn: (id: string) =>
      programme.addEvidence(id, { kind: 'survey_item', ref: questionId, filter: { survey_area_id: surveyAreaId } }),
    onSuccess: (problem) => {
      client.setQueryData(['problem', problem.id], problem);
      void client.invalidateQueries({ queryKey: ['problems'] });
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (link.isPending) return;
    if (!problemId) return outcome.fail({ problem: t('surveys.indicator.choose') }, null);
    try {
      const problem = await link.mutateAsync(problemId);
      setLinked({ id: problem.id, title: problem.title });
      outcome.succeed(t('surveys.indicator.done', { title: problem.title }));
    } catch (err) {
      outcome.fail(err instanceof ApiError && err.status === 400 ? { problem: errorText(err) } : {}, errorText(err));
    }
  };

  return (
    <section aria-labelledby="survey-indicator-title" className="survey-indicator">
      <h2 id="survey-indicator-title">{t('surveys.indicator.title')}</h2>
      <p>{t('surveys.indicator.intro')}</p>
      <ErrorSummary
        ref={outcome.summaryRef}
        title={t('surveys.indicator.summary')}
        titleId="survey-indicator-summary"
        items={outcome.errors.problem ? [{ inputId: 'survey-indicator-problem', message: outcome.errors.problem }] : []}
        general={outcome.errors.problem ? null : outcome.general}
      />
      {own.length === 0 && !problems.isPending ? (
        <p className="muted">{t('surveys.indicator.none')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <Field id="survey-indicator-problem" label={t('surveys.indicator.problem')} error={outcome.errors.problem}>
            {(aria) => (
              <select
                {...aria}
                value={problemId}
                onChange={(e) => {
                  setProblemId(e.target.value);
                  outcome.edited('problem');
                }}
              >
                <option value="">{t('surveys.indicator.placeholder')}</option>
                {own.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <SubmitButton pending={link.isPending} pendingLabel={t('surveys.indicator.pending')} variant="secondary">
            {t('surveys.indicator.submit')}
          </SubmitButton>
        </form>
      )}
      <div role="status">
        {outcome.saved && linked && (
          <p className="notice notice-info">
            {outcome.saved} <Link to={`/problems/${linked.id}`}>{t('surveys.indicator.open')}</Link>
          </p>
        )}
      </div>
    </section>
  );
}
