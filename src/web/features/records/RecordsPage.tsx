import { type FormEvent, useEffect, useState } from 'react';
import type { ApiFile } from '../../api/client.js';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { DraftReview } from './DraftReview.js';
import { ReleaseForm } from './ReleaseForm.js';
import { ReleaseLogTable } from './ReleaseLogTable.js';
import { useReleases } from './use-records.js';

/** Saves a file the way a download link does: the browser stores it under its name. */
function save(href: string, filename: string) {
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * "Utlämnanden" for the registrar (admins): prepare a release for a request, review it (the draft's id is in
 * the URL, so a review can be left and resumed), release it, and the log of what was released.
 */
export function RecordsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { pathname, search } = useLocation();
  const [params, setParams] = useSearchParams();
  const allowed = allows(session.data, 'records:export');
  // The URL holds the reference searched for; the field holds what is being typed.
  const searched = params.get('request_ref')?.trim() || undefined;
  const draftId = params.get('draft') ?? undefined;
  // The success is a file, not a message; it stays linked while the next release is prepared.
  const [file, setFile] = useState<(ApiFile & { href: string }) | null>(null);
  // The object URL holds the file in memory: freed when the next release replaces it or the page closes.
  useEffect(() => (file ? () => URL.revokeObjectURL(file.href) : undefined), [file]);
  const done = (released: ApiFile | null) => {
    if (released) {
      const href = URL.createObjectURL(released.blob);
      setFile({ ...released, href });
      save(href, released.filename);
    }
    setParams({});
  };
  const [ref, setRef] = useState(searched ?? '');
  const log = useReleases(searched, allowed);
  useDocumentTitle(t('records.title'));
  useEffect(() => setRef(searched ?? ''), [searched]);

  const find = (e: FormEvent) => {
    e.preventDefault();
    setParams(ref.trim() ? { request_ref: ref.trim() } : {});
  };

  if (session.isPending) return <QueryState isPending error={null} />;
  return (
    <div className="page records-page">
      <h1>{t('records.title')}</h1>
      {!session.data ? (
        <p className="notice notice-info">
          {t('records.signIn')}{' '}
          <Link to={`/login?next=${encodeURIComponent(pathname + search)}`}>{t('login.link')}</Link>
        </p>
      ) : !allowed ? (
        <>
          <p className="notice notice-error" data-testid="no-access">
            {t('records.noAccess')}
          </p>
          <p>
            <Link to="/">{t('app.home')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t('records.intro')}</p>
          <div className="status-saved" role="status">
            {file && (
              <p className="notice notice-success">
                {t('records.done', { file: file.filename })}{' '}
                <a href={file.href} download={file.filename}>
                  {t('records.downloadAgain', { file: file.filename })}
                </a>
              </p>
            )}
          </div>
          {draftId ? (
            <DraftReview key={draftId} id={draftId} onDone={done} />
          ) : (
            <ReleaseForm
              onDraft={(id) => {
                setFile(null);
                setParams({ draft: id });
              }}
            />
          )}
          <section className="section" aria-labelledby="release-log-title">
            <h2 id="release-log-title">{t('records.log')}</h2>
            <form className="inline-form release-search" role="search" aria-label={t('records.search')} onSubmit={find}>
              <div className="field">
                <label htmlFor="release-search">{t('records.search')}</label>
                <input
                  id="release-search"
                  type="search"
                  autoComplete="off"
                  value={ref}
                  onChange={(e) => setRef(e.target.value)}
                />
              </div>
              <div className="button-row">
                <button type="submit" className="button button-secondary">
                  {t('records.searchSubmit')}
                </button>
                {searched && (
                  <button type="button" className="button button-secondary" onClick={() => setParams({})}>
                    {t('records.searchClear')}
                  </button>
                )}
              </div>
            </form>
            <QueryState isPending={log.isPending} error={log.error} onRetry={() => void log.refetch()}>
              {log.data &&
                (log.data.length === 0 ? (
                  <p className="empty">{t('records.empty')}</p>
                ) : (
                  <ReleaseLogTable releases={log.data} />
                ))}
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}
