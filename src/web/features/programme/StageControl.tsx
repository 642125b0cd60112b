import { useTranslation } from 'react-i18next';
import { PROBLEM_STAGES, type Problem, type ProblemStage, stageAllowed } from '../../../domain/problems.js';
import { useErrorText } from '../../components/QueryState.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { useUpdateProblem } from './use-programme.js';

/**
 * The SARA stages as steps, and the moves the rules allow (one step forward or back). The server still
 * decides: a move it refuses (409, e.g. someone else moved the problem meanwhile) is shown as an alert.
 */
export function StageControl({ problem, canEdit }: { problem: Problem; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateProblem(problem.id);
  const errorText = useErrorText();
  const moves = PROBLEM_STAGES.filter((s) => stageAllowed(problem.stage, s));
  // The button pressed is gone after a move (the moves change with the stage): focus goes to the message.
  const [movedRef, focusMoved] = useFocusAfterRender<HTMLParagraphElement>();
  const forward = (s: ProblemStage) => PROBLEM_STAGES.indexOf(s) > PROBLEM_STAGES.indexOf(problem.stage);
  // The buttons stay focusable while a move runs (aria-disabled): a second press is ignored here.
  const move = (s: ProblemStage) => {
    if (update.isPending) return;
    update.mutate({ stage: s }, { onSuccess: focusMoved });
  };

  return (
    <section className="section" aria-labelledby="problem-stage-heading">
      <h2 id="problem-stage-heading">{t('programme.stage.heading')}</h2>
      <ol className="stage-steps">
        {PROBLEM_STAGES.map((s) => (
          <li
            key={s}
            className={s === problem.stage ? 'current' : ''}
            {...(s === problem.stage ? { 'aria-current': 'step' as const } : {})}
          >
            <strong>{t(`programme.stages.${s}`)}</strong> <span className="muted">{t(`programme.stageHelp.${s}`)}</span>
          </li>
        ))}
      </ol>
      {canEdit && (
        <div className="button-row">
          {moves.map((s) => (
            <button
              key={s}
              type="button"
              className={`button ${forward(s) ? 'button-primary' : 'button-secondary'}`}
              aria-disabled={update.isPending || undefined}
              onClick={() => move(s)}
            >
              {t(forward(s) ? 'programme.stage.forward' : 'programme.stage.back', {
                stage: t(`programme.stages.${s}`),
              })}
            </button>
          ))}
        </div>
      )}
      <div role="status">
        {update.isSuccess && (
          <p ref={movedRef} tabIndex={-1} className="notice notice-success">
            {t('programme.stage.moved', { stage: t(`programme.stages.${problem.stage}`) })}
          </p>
        )}
      </div>
      {update.error && (
        <div className="notice notice-error" role="alert" data-testid="stage-error">
          <p>
            <strong>{t('programme.stage.refused')}</strong> {errorText(update.error)}
          </p>
          <p>{t('programme.stage.nowAt', { stage: t(`programme.stages.${problem.stage}`) })}</p>
        </div>
      )}
    </section>
  );
}
