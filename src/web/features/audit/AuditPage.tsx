import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { canReadAudit, useSession } from '../auth/use-session.js';
import {
  type AuditErrors,
  type AuditFormState,
  emptyAuditForm,
  formFromParams,
  paramsFromForm,
  toAuditFilter,
} from './audit-filter.js';
import { AuditSearchForm } from './AuditSearchForm.js';
import { AuditTable } from './AuditTable.js';
import { useAuditLog } from './use-audit.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';

/** "Granskningslogg" for admins: search, newest first with "Visa fler", and a CSV export of the same search. */
export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const { pathname, search } = useLocation();
  const [params, setParams] = useSearchParams();
  const allowed = canReadAudit(session.data);
  // The URL holds the search made; the form holds what is being typed.
  const searched = useMemo(() => toAuditFilter(formFromParams(params), t), [params, t]);
  const [form, setForm] = useState<AuditFormState>(() => formFromParams(params));
  const [errors, setErrors] = useState<AuditErrors>(searched.errors ?? {});
  const [summaryRef, focusSummary] = useFocusAfterRender<HTMLDivElement>();
  const log = useAuditLog(searched.filter, allowed);
  const [focusId, setFocusId] = useState<number | null>(null);
  useDocumentTitle(t('audit.title'));

  useEffect(() => setForm(formFromParams(params)), [params]);
  useEffect(() => {
    if (focusId !== null) document.querySelector<HTMLElement>('[data-focus-target]')?.focus();
  }, [focusId]);

  const submit = () => {
    const result = toAuditFilter(form, t);
    setErrors(result.errors ?? {});
    if (result.errors) {
      focusSummary();
      return;
    }
    setFocusId(null);
    setParams(paramsFromForm(form));
  };
  const clear = () => {
    setForm(emptyAuditForm());
    setErrors({});
    setFocusId(null);
    setParams(new URLSearchParams());
  };
  const more = async () => {
    const before = log.data?.pages.length ?? 0;
    const result = await log.fetchNextPage();
    const page = result.data?.pages[before];
    // Focus moves to the first new row: the button may be gone, and the reader continues where the new rows start.
    if (page?.items[0]) setFocusId(page.items[0].id);
  };

  if (session.isPending) return <QueryState isPending error={null} />;
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="page audit-page">
      <h1>{t('audit.title')}</h1>
      {!session.data ? (
        <p className="notice notice-info">
          {t('audit.signIn')} <Link to={`/login?next=${encodeURIComponent(pathname + search)}`}>{t('login.link')}</Link>
        </p>
      ) : !allowed ? (
        <>
          <p className="notice notice-error" data-testid="no-access">
            {t('audit.noAccess')}
          </p>
          <p>
            <Link to="/">{t('app.home')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('audit.intro')}</p>
          <AuditSearchForm
            form={form}
            errors={errors}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            onSubmit={submit}
            onClear={clear}
            summaryRef={summaryRef}
          />
          {searched.filter && (
            <section className="section" aria-labelledby="audit-results-title">
              <div className="results-head">
                <h2 id="audit-results-title">{t('audit.results')}</h2>
                <div className="export">
                  <a
                    className="button button-secondary"
                    href={endpoints.auditExportUrl(searched.filter)}
                    download
                    aria-describedby="audit-export-help"
                  >
                    {t('audit.exportCsv')}
                  </a>
                  <span id="audit-export-help" className="hint">
                    {t('audit.exportHelp')}
                  </span>
                </div>
              </div>
              <QueryState isPending={log.isPending} error={log.error} onRetry={() => void log.refetch()}>
                <p className="result-count" role="status">
                  {t('audit.shown', { count: events.length, formatted: format.number(events.length) })}
                </p>
                {events.length === 0 ? (
                  <p className="empty">{t('audit.noResults')}</p>
                ) : (
                  <AuditTable events={events} focusId={focusId} />
                )}
                {log.hasNextPage && (
                  <p>
                    <button
                      type="button"
                      className="button button-secondary more-button"
                      aria-disabled={log.isFetchingNextPage || undefined}
                      onClick={() => void (log.isFetchingNextPage || more())}
                    >
                      {log.isFetchingNextPage ? t('audit.loadingMore') : t('audit.more')}
                    </button>
                  </p>
                )}
              </QueryState>
            </section>
          )}
        </>
      )}
    </div>
  );
}
