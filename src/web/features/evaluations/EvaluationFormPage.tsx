import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Evaluation } from '../../../domain/evaluations.js';
import type { Measure } from '../../../domain/measures.js';
import { QueryState } from '../../components/QueryState.js';
import { useToday } from '../../components/time-zone.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import type { NoticeState } from '../programme/navigation-notice.js';
import { useMeasure } from '../programme/use-programme.js';
import { mayEvaluate } from './access.js';
import { designPlaceNames, EvaluationDesignForm } from './EvaluationDesignForm.js';
import { evaluationState, newEvaluationState } from './evaluation-form.js';
import { useEvaluation, useSaveEvaluation } from './use-evaluations.js';
import '../programme/programme.css';
import './evaluations.css';

/** "Utvärdera" on a measure: a new evaluation design, filled in from the measure. */
export function NewEvaluationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const measure = useMeasure(session.data ? id : undefined);
  useDocumentTitle(titleOf(measure.data?.title, t('evaluationForm.newTitle')));
  return (
    <div className="page programme-page evaluation-form-page">
      <p className="breadcrumb">
        <Link to={`/measures/${id ?? ''}`}>← {t('evaluationForm.back')}</Link>
      </p>
      <h1>
        {t('evaluationForm.newTitle')}
        {measure.data && <>: {measure.data.title}</>}
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={measure.isPending} error={measure.error} onRetry={() => void measure.refetch()}>
          {measure.data &&
            (mayEvaluate(session.data, measure.data) ? (
              <NewEvaluationForm measure={measure.data} />
            ) : (
              <p className="notice notice-info">{t('evaluationForm.noAccess')}</p>
            ))}
        </QueryState>
      )}
    </div>
  );
}

function NewEvaluationForm({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useToday();
  const save = useSaveEvaluation();
  const initial = useMemo(() => newEvaluationState(measure, today), [measure, today]);
  const names = useMemo(() => new Map(measure.places.map((p) => [p.id, p.name])), [measure.places]);
  return (
    <>
      <p>{t('evaluationForm.intro')}</p>
      <EvaluationDesignForm
        initial={initial}
        knownNames={names}
        backTo={`/measures/${measure.id}`}
        submitLabel={t('evaluationForm.submitNew')}
        pending={save.isPending}
        onSave={async (design) => {
          const saved = await save.mutateAsync({ kind: 'create', measureId: measure.id, design });
          void navigate(`/evaluations/${saved.id}`, {
            state: { notice: 'evaluationForm.created' } satisfies NoticeState,
          });
        }}
      />
    </>
  );
}

/** Changing a draft evaluation's design, from the version the form was opened on. */
export function EditEvaluationPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const evaluation = useEvaluation(session.data ? id : undefined);
  useDocumentTitle(titleOf(evaluation.data?.title, t('evaluationForm.editTitle')));
  return (
    <div className="page programme-page evaluation-form-page">
      <p className="breadcrumb">
        <Link to={`/evaluations/${id ?? ''}`}>← {t('evaluationForm.backToEvaluation')}</Link>
      </p>
      <h1>
        {t('evaluationForm.editTitle')}
        {evaluation.data && <>: {evaluation.data.title}</>}
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={evaluation.isPending} error={evaluation.error} onRetry={() => void evaluation.refetch()}>
          {evaluation.data &&
            (!evaluation.data.can_edit ? (
              <p className="notice notice-info">{t('evaluationForm.noAccess')}</p>
            ) : evaluation.data.status !== 'draft' ? (
              <p className="notice notice-info">{t('evaluationForm.notDraft')}</p>
            ) : (
              <EditEvaluationForm evaluation={evaluation.data} />
            ))}
        </QueryState>
      )}
    </div>
  );
}

function EditEvaluationForm({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveEvaluation();
  // Filled once from the evaluation as opened: a refetch must not overwrite what the user is typing, and saving
  // over someone else's later change is refused (409) with a message to reload.
  const [[initial, version, names]] = useState(
    () => [evaluationState(evaluation), evaluation.version, designPlaceNames(evaluation)] as const,
  );
  return (
    <EvaluationDesignForm
      initial={initial}
      knownNames={names}
      backTo={`/evaluations/${evaluation.id}`}
      submitLabel={t('evaluationForm.submitEdit')}
      pending={save.isPending}
      onSave={async (design) => {
        await save.mutateAsync({ kind: 'update', id: evaluation.id, design, version });
        void navigate(`/evaluations/${evaluation.id}`, {
          state: { notice: 'evaluationForm.saved' } satisfies NoticeState,
        });
      }}
    />
  );
}
