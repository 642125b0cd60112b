import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UnitFollowup } from '../../../domain/reporting.js';
import { ApiError } from '../../api/client.js';
import { reportingEndpoints as api } from '../../api/reporting-endpoints.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { Field } from '../../forms/Field.js';
import { FigureTables } from './FigureTables.js';
import { usePeriodName, useReportingChange, useUnitFollowup } from './use-reporting.js';
import './reporting.css';

/** A unit's follow-up for a period: the drawn figures, and its text — a form while it may be written, else read. */
export function FollowupPage() {
  const { id = '', unitId = '' } = useParams();
  const { t } = useTranslation();
  const name = usePeriodName();
  const followup = useUnitFollowup(id, unitId);
  // Raised by "load the latest": the form starts again from what is stored now.
  const [generation, setGeneration] = useState(0);
  const reload = async () => {
    await followup.refetch();
    setGeneration((g) => g + 1);
  };
  const title = followup.data
    ? t('reporting.followup.title', { period: name(followup.data.period), unit: followup.data.unit.name })
    : t('reporting.title');
  useDocumentTitle(title);
  return (
    <div className="page programme-doc reporting">
      <p className="breadcrumb">
        <Link to={`/programmes/reporting/${id}`}>
          ← {followup.data ? name(followup.data.period) : t('reporting.back')}
        </Link>
      </p>
      <h1>{title}</h1>
      <QueryState isPending={followup.isPending} error={followup.error} onRetry={() => void followup.refetch()}>
        {followup.data && (
          <FollowupBody
            key={`${followup.data.editable}-${generation}`}
            followup={followup.data}
            onReload={() => void reload()}
          />
        )}
      </QueryState>
    </div>
  );
}

function FollowupBody({ followup, onReload }: { followup: UnitFollowup; onReload: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const f = (k: string, o?: Record<string, string>) => t(`reporting.followup.${k}`, o);
  return (
    <>
      <p>
        <span className={`state-${followup.state}`}>{t(`reporting.state.${followup.state}`)}</span> ·{' '}
        {t('reporting.facts.deadline')}: {format.day(followup.period.deadline)}
      </p>
      <p>{followup.submitted_at ? f('frozen', { at: format.dateTime(followup.submitted_at) }) : f('live')}</p>
      <section aria-labelledby="followup-figures">
        <h2 id="followup-figures">{f('figures')}</h2>
        <FigureTables figures={followup.figures} />
      </section>
      <section aria-labelledby="followup-text">
        <h2 id="followup-text">{f('text')}</h2>
        {followup.editable ? (
          <FollowupForm followup={followup} onReload={onReload} />
        ) : (
          <FollowupText followup={followup} />
        )}
      </section>
    </>
  );
}

function FollowupText({ followup }: { followup: UnitFollowup }) {
  const { t } = useTranslation();
  return (
    <>
      {followup.status !== 'submitted' && <p>{t('reporting.followup.readOnly')}</p>}
      <h3>{t('reporting.followup.summary')}</h3>
      <p>{followup.summary ?? '–'}</p>
      {followup.goals
        .filter((g) => g.comment)
        .map((g) => (
          <div key={g.section_key}>
            <h3>
              {g.number} {g.heading ?? ''}
            </h3>
            <blockquote>{g.comment}</blockquote>
          </div>
        ))}
    </>
  );
}

function FollowupForm({ followup, onReload }: { followup: UnitFollowup; onReload: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const [summary, setSummary] = useState(followup.summary ?? '');
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries(followup.goals.map((g) => [g.section_key, g.comment ?? ''])),
  );
  const [error, setError] = useState<{ text: string; summary: boolean; stale?: boolean } | null>(null);
  // The version the text was written from: a refetch while typing must not move it, only this form's own saves.
  const version = useRef(followup.version);
  const [message, setMessage] = useState<string | null>(null);
  const { id } = followup.period;
  const unitId = followup.unit.id;
  const save = useReportingChange(async () => {
    const saved = await api.saveDraft(
      id,
      unitId,
      {
        summary: summary.trim() || null,
        goals: followup.goals.map((g) => ({
          section_key: g.section_key,
          comment: comments[g.section_key]!.trim() || null,
        })),
      },
      version.current,
    );
    version.current = saved.version;
    return saved;
  });
  const submit = useReportingChange(async () => {
    await save.mutateAsync(undefined);
    return api.submit(id, unitId);
  });
  const run = async (which: 'save' | 'submit') => {
    if (save.isPending || submit.isPending) return;
    if (which === 'submit' && !summary.trim()) {
      setError({ text: t('reporting.followup.needSummary'), summary: true });
      summaryRef.current?.focus();
      return;
    }
    try {
      await (which === 'save' ? save : submit).mutateAsync(undefined);
      setError(null);
      setMessage(t(which === 'save' ? 'reporting.followup.saved' : 'reporting.followup.submitted'));
    } catch (err) {
      setMessage(null);
      setError({ text: errorText(err), summary: false, stale: isStale(err) });
    }
  };
  return (
    <form noValidate onSubmit={(e) => e.preventDefault()}>
      {error && !error.summary && (
        <div className="notice notice-error" role="alert">
          <p>{error.text}</p>
          {error.stale && (
            <>
              <p>{t('reporting.followup.staleHint')}</p>
              <button type="button" className="button button-secondary" onClick={onReload}>
                {t('reporting.followup.reload')}
              </button>
            </>
          )}
        </div>
      )}
      <StatusMessage message={message} />
      <Field
        id="followup-summary"
        label={t('reporting.followup.summary')}
        hint={t('reporting.followup.summaryHint')}
        error={error?.summary ? error.text : undefined}
        required
      >
        {(aria) => (
          <textarea {...aria} ref={summaryRef} rows={5} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )}
      </Field>
      {followup.goals.length === 0 && <p>{t('reporting.followup.noGoals')}</p>}
      {followup.goals.map((g) => (
        <fieldset key={g.section_key} className="goal-section">
          <legend>
            {g.number} {g.heading ?? ''}
          </legend>
          <p className="hint goal-body">{g.body}</p>
          <Field id={`goal-${g.section_key}`} label={t('reporting.followup.goalComment')}>
            {(aria) => (
              <textarea
                {...aria}
                rows={2}
                value={comments[g.section_key]}
                onChange={(e) => setComments((c) => ({ ...c, [g.section_key]: e.target.value }))}
              />
            )}
          </Field>
        </fieldset>
      ))}
      <p className="button-row">
        <button type="button" className="button" aria-disabled={save.isPending} onClick={() => void run('save')}>
          {t('reporting.followup.save')}
        </button>
        <button
          type="button"
          className="button button-primary"
          aria-disabled={submit.isPending}
          onClick={() => void run('submit')}
        >
          {t('reporting.followup.submit')}
        </button>
      </p>
      <p className="hint">{t('reporting.followup.submitHint')}</p>
    </form>
  );
}

/** A save refused because someone else saved the draft after it was opened (409, reason stale). */
function isStale(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    err.code === 'CONFLICT' &&
    (err.details as { reason?: unknown } | null)?.reason === 'stale'
  );
}
