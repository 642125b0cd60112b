import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { useFormat } from '../../components/use-format.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { RetentionRuns } from './RetentionRuns.js';
import { useRetentionOverview, useRunRetention } from './use-retention.js';

/** "Gallring" for admins: what the next run would remove (a dry run), a run now after a confirmation, the last runs. */
export function RetentionPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const session = useSession();
  const overview = useRetentionOverview(allows(session.data, 'gdpr:manage'));
  const run = useRunRetention();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [messageRef, focusMessage] = useFocusAfterRender<HTMLParagraphElement>();
  useDocumentTitle(t('retention.title'));

  useEffect(() => {
    if (confirming) document.getElementById('retention-confirm')?.focus();
  }, [confirming]);

  const runNow = async () => {
    setConfirming(false);
    setFailure(null);
    try {
      const result = await run.mutateAsync();
      const removed = result.results.reduce((sum, r) => sum + r.affected, 0);
      setMessage(
        result.skipped
          ? t('retention.skipped')
          : t('retention.done', { count: removed, formatted: format.number(removed) }),
      );
      focusMessage();
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  const data = overview.data;
  const months = new Map(data?.rules.map((r) => [r.target, r]) ?? []);
  const total = data?.preview.results.reduce((sum, r) => sum + r.affected, 0) ?? 0;
  const lang = i18n.language === 'en' ? 'en' : 'sv';

  return (
    <div className="page retention-page">
      <h1>{t('retention.title')}</h1>
      <p className="lead">{t('retention.intro')}</p>
      <StatusMessage message={message} ref={messageRef} />
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      <QueryState isPending={overview.isPending} error={overview.error} onRetry={() => void overview.refetch()}>
        {data && (
          <>
            <section className="section" aria-labelledby="retention-preview-title">
              <h2 id="retention-preview-title">{t('retention.previewTitle')}</h2>
              <ul className="retention-preview" data-testid="retention-preview">
                {data.preview.results.map((r) => {
                  const rule = months.get(r.target);
                  return (
                    <li key={r.target}>
                      <span className="retention-line">
                        {t('retention.olderThan', {
                          what: t(`retentionTargets.${r.target}`),
                          count: rule?.months ?? 0,
                        })}
                        : <strong>{format.number(r.affected)}</strong>
                      </span>
                      {rule && <span className="hint">{rule.what[lang]}</span>}
                    </li>
                  );
                })}
              </ul>
              <p>
                {total === 0
                  ? t('retention.nothing')
                  : t('retention.total', { count: total, formatted: format.number(total) })}
              </p>
              {total > 0 &&
                (confirming ? (
                  <div className="confirm-box" role="group" aria-labelledby="retention-confirm">
                    <p id="retention-confirm" tabIndex={-1}>
                      {t('retention.confirm', { count: total, formatted: format.number(total) })}
                    </p>
                    <button type="button" className="button button-danger" onClick={() => void runNow()}>
                      {t('retention.confirmYes')}
                    </button>{' '}
                    <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                      {t('retention.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button-primary"
                    aria-disabled={run.isPending || undefined}
                    onClick={() => {
                      if (!run.isPending) setConfirming(true);
                    }}
                  >
                    {run.isPending ? t('retention.running') : t('retention.runNow')}
                  </button>
                ))}
            </section>
            <section className="section" aria-labelledby="retention-runs-title">
              <h2 id="retention-runs-title">{t('retention.runsTitle')}</h2>
              <RetentionRuns runs={data.runs} />
            </section>
          </>
        )}
      </QueryState>
    </div>
  );
}
