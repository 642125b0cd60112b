import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AnnualQuery, type AnnualReport, annualHeadline } from '../../../domain/annual.js';
import { reportEndpoints } from '../../api/report-endpoints.js';
import { useToday } from '../../components/time-zone.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { DownloadLinks } from '../views/DownloadLinks.js';
import { ProgrammeNav } from '../views/ProgrammeNav.js';
import { defaultScope, scopeFromParams } from '../views/scope.js';
import { ScopeForm } from '../views/ScopeForm.js';
import { useAnnualReport } from '../views/use-reports.js';
import { AnnualTables } from './AnnualTables.js';
import '../views/reports.css';

/** The annual follow-up of a unit or a district: totals and the lists behind them, with PDF and Excel. */
export function AnnualPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const allowed = allows(session.data, 'quality:read');
  const thisYear = Number(useToday().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const fromUrl = scopeFromParams(params);
  const choice = fromUrl && fromUrl.scope !== 'city' ? fromUrl : defaultScope(session.data);
  const query: AnnualQuery | null =
    !session.isPending && allowed && choice.scope !== 'city' && choice.unitId
      ? { scope: choice.scope, unit_id: choice.unitId, year }
      : null;
  const report = useAnnualReport(query);
  const title = report.data
    ? t('annual.titleFor', { year: report.data.year, name: report.data.scope.unit.name })
    : t('annual.title');
  useDocumentTitle(title);
  const [chosenYear, setChosenYear] = useState(String(year));
  useEffect(() => setChosenYear(String(year)), [year]);

  return (
    <div className="page report-page">
      {session.data && <ProgrammeNav />}
      <h1>{title}</h1>
      <p className="lead">{t('annual.intro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <>
          <ScopeForm
            id="annual"
            kinds={['district', 'unit']}
            value={choice.scope === 'city' ? { scope: 'district', unitId: null } : choice}
            onSubmit={(c) => setParams({ scope: c.scope, unit: c.unitId ?? '', year: chosenYear })}
          >
            <div className="field">
              <label htmlFor="annual-year">{t('annual.year')}</label>
              <select id="annual-year" value={chosenYear} onChange={(e) => setChosenYear(e.target.value)}>
                {Array.from({ length: 5 }, (_, i) => String(thisYear - i)).map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
          </ScopeForm>
          {!query ? (
            <p className="notice notice-info">{t('annual.chooseUnit')}</p>
          ) : (
            <>
              <DownloadLinks
                pdf={reportEndpoints.annualFileUrl(query, 'pdf')}
                xlsx={reportEndpoints.annualFileUrl(query, 'xlsx')}
              />
              <QueryState isPending={report.isPending} error={report.error} onRetry={() => void report.refetch()}>
                {report.data && <AnnualBody report={report.data} />}
              </QueryState>
            </>
          )}
        </>
      )}
    </div>
  );
}

function AnnualBody({ report }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unit = encodeURIComponent(report.scope.unit.id);
  return (
    <>
      <section className="section" aria-labelledby="annual-totals">
        <h2 id="annual-totals">{t('annual.totals')}</h2>
        <dl className="totals">
          {annualHeadline(report.totals).map(([key, n]) => (
            <div key={key}>
              <dt>{t(`annual.headline.${key}`)}</dt>
              <dd>{format.number(n)}</dd>
            </div>
          ))}
        </dl>
        <p>
          <Link to={`/quality?scope=${report.scope.kind}&unit=${unit}`}>{t('quality.link')}</Link>
        </p>
      </section>
      <AnnualTables report={report} />
    </>
  );
}
