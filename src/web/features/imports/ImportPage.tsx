import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ERROR_MESSAGES, type ErrorCode } from '../../../domain/errors.js';
import type { ImportReport, ImportRun } from '../../../domain/imports.js';
import { importEndpoints } from '../../api/import-endpoints.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { type ImportChoice, ImportForm } from './ImportForm.js';
import { ImportProgress } from './ImportProgress.js';
import { ImportReportView } from './ImportReportView.js';
import { ImportResult } from './ImportResult.js';
import { useImportRun } from './use-import-run.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';

/** Where the page is: choosing, checking (dry run), reading the report, importing, done. */
type Step =
  | { step: 'choose' }
  | { step: 'checking' | 'committing'; runId: string; choice: ImportChoice; swap: boolean }
  | { step: 'report'; report: ImportReport; choice: ImportChoice; swap: boolean }
  | { step: 'done'; report: ImportReport };

/**
 * "Importera händelser" for coordinators: a file is first checked (a dry run whose report lists every
 * problem), and only then imported, with progress while the server works and the imported incidents at
 * the end. Both runs go through POST /api/imports with wait=false and are polled.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const { pathname } = useLocation();
  const allowed = allows(session.data, 'imports:run');
  const profiles = useQuery({ queryKey: ['import-profiles'], queryFn: importEndpoints.profiles, enabled: allowed });
  const [state, setState] = useState<Step>({ step: 'choose' });
  const [general, setGeneral] = useState<string | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [summaryRef, focusSummary] = useFocusAfterRender<HTMLDivElement>();
  const [headingRef, focusHeading] = useFocusAfterRender<HTMLHeadingElement>();
  const running = state.step === 'checking' || state.step === 'committing' ? state : null;
  const run = useImportRun(running?.runId ?? null);
  useDocumentTitle(t('imports.title'));

  const refuse = (message: string) => {
    setGeneral(message);
    setState({ step: 'choose' });
    focusSummary();
  };
  const runMessage = (r: ImportRun) => {
    const code = r.error_code as ErrorCode | null;
    const messages = code && code in ERROR_MESSAGES ? ERROR_MESSAGES[code] : null;
    return messages ? messages[i18n.language === 'en' ? 'en' : 'sv'] : t('imports.failed');
  };

  const start = async (choice: ImportChoice, swap: boolean, dryRun: boolean) => {
    setGeneral(null);
    try {
      const { id } = await importEndpoints.start({
        ...choice,
        dryRun,
        swapCoordinates: swap,
        skipInvalid: !dryRun && skipInvalid,
      });
      setState({ step: dryRun ? 'checking' : 'committing', runId: id, choice, swap });
    } catch (e) {
      refuse(errorText(e));
    }
  };

  // A polled run that has ended moves the page on.
  const ended = run.data && running && run.data.id === running.runId && run.data.status !== 'running' ? run.data : null;
  useEffect(() => {
    if (!ended || !running) return;
    if (ended.report && ended.status === 'validated') {
      setState({ step: 'report', report: ended.report, choice: running.choice, swap: running.swap });
      setSkipInvalid(false);
    } else if (ended.report && ended.status === 'committed') {
      setState({ step: 'done', report: ended.report });
    } else {
      refuse(runMessage(ended));
    }
    focusHeading();
  }, [ended?.id, ended?.status]);
  useEffect(() => {
    if (run.error && running) refuse(errorText(run.error));
  }, [run.error]);

  if (session.isPending) return <QueryState isPending error={null} />;
  if (!session.data || !allowed) {
    return (
      <div className="page import-page">
        <h1>{t('imports.title')}</h1>
        {!session.data ? (
          <p className="notice notice-info">
            {t('imports.signIn')} <Link to={`/login?next=${encodeURIComponent(pathname)}`}>{t('login.link')}</Link>
          </p>
        ) : (
          <p className="notice notice-error">{t('imports.noAccess')}</p>
        )}
      </div>
    );
  }

  return (
    <div className="page import-page">
      <h1>{t('imports.title')}</h1>
      <p className="lead">{t('imports.intro')}</p>
      {state.step === 'choose' && (
        <QueryState isPending={profiles.isPending} error={profiles.error} onRetry={() => void profiles.refetch()}>
          <ImportForm
            profiles={profiles.data ?? []}
            general={general}
            summaryRef={summaryRef}
            focusSummary={focusSummary}
            onSubmit={(choice) => void start(choice, false, true)}
          />
        </QueryState>
      )}
      {running && (
        <ImportProgress
          heading={t(running.step === 'checking' ? 'imports.checking' : 'imports.importing', {
            file: running.choice.file.name,
          })}
          run={run.data?.id === running.runId ? run.data : undefined}
        />
      )}
      {state.step === 'report' && (
        <>
          <ImportReportView
            report={state.report}
            headingRef={headingRef}
            swapped={state.swap}
            onSwap={state.swap ? undefined : () => void start(state.choice, true, true)}
          />
          <CommitControls
            report={state.report}
            skipInvalid={skipInvalid}
            onSkipInvalid={setSkipInvalid}
            onCommit={() => void start(state.choice, state.swap, false)}
            onAnother={() => setState({ step: 'choose' })}
          />
        </>
      )}
      {state.step === 'done' && (
        <>
          <ImportResult report={state.report} headingRef={headingRef} />
          <p>
            <button type="button" className="button button-secondary" onClick={() => setState({ step: 'choose' })}>
              {t('imports.another')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

interface CommitProps {
  report: ImportReport;
  skipInvalid: boolean;
  onSkipInvalid: (v: boolean) => void;
  onCommit: () => void;
  onAnother: () => void;
}

/** Import (when there is something to write and errors, if any, are to be skipped) or start over. */
function CommitControls({ report, skipInvalid, onSkipInvalid, onCommit, onAnother }: CommitProps) {
  const { t } = useTranslation();
  const r = report.rows;
  const toWrite = r.inserted + r.updated;
  const blocked = r.with_errors > 0 && !skipInvalid;
  return (
    <section className="section import-commit" aria-label={t('imports.commit', { count: toWrite })}>
      {r.with_errors > 0 && (
        <>
          <p id="import-has-errors">{t('imports.hasErrors')}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={skipInvalid}
              onChange={(e) => onSkipInvalid(e.target.checked)}
              aria-describedby="import-has-errors"
            />
            {t('imports.skipInvalid')}
          </label>
        </>
      )}
      {toWrite === 0 && <p>{t('imports.nothingToImport')}</p>}
      <div className="button-row">
        {toWrite > 0 && !blocked && (
          <button type="button" className="button button-primary" onClick={onCommit}>
            {t('imports.commit', { count: toWrite })}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t('imports.another')}
        </button>
      </div>
    </section>
  );
}
