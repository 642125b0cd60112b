import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type QualityCheck,
  type QualityItem,
  type QualityReport,
  qualityTotal,
  type ScopeQuery,
} from '../../../domain/quality.js';
import { reportEndpoints } from '../../api/report-endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { DownloadLinks } from '../views/DownloadLinks.js';
import { ProgrammeNav } from '../views/ProgrammeNav.js';
import { defaultScope, type ScopeChoice, scopeFromParams } from '../views/scope.js';
import { ScopeForm } from '../views/ScopeForm.js';
import { useQualityReport } from '../views/use-reports.js';
import { fixPath } from './fix-link.js';
import '../views/reports.css';

/** The defects in the order of the programme's text; the first cannot occur (the database refuses it) and is explained. */
const SECTIONS = [
  'measure_without_problem',
  'problem_without_evidence',
  'problem_without_baseline',
  'problem_without_measure',
  'problem_only_stopped_measures',
  'followup_overdue',
  'request_overdue',
  'measure_without_indicator',
  'indicator_wrong_way',
  'agreement_review_overdue',
] as const;
type Section = (typeof SECTIONS)[number];
const CHECKS = SECTIONS.filter((s): s is QualityCheck => s !== 'measure_without_problem');
/** Checks whose item says more than the section's explanation. */
const WITH_DETAIL: ReadonlySet<QualityCheck> = new Set([
  'problem_only_stopped_measures',
  'followup_overdue',
  'request_overdue',
  'indicator_wrong_way',
  'agreement_review_overdue',
]);

const toQuery = (c: ScopeChoice): ScopeQuery =>
  c.scope === 'city' || !c.unitId ? { scope: 'city' } : { scope: c.scope, unit_id: c.unitId };

/** The quality report of the city, a district or a unit: every defect by kind, each linking to what to fix. */
export function QualityPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const allowed = allows(session.data, 'quality:read');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const choice = scopeFromParams(params) ?? defaultScope(session.data);
  const query = !session.isPending && allowed ? toQuery(choice) : null;
  const report = useQualityReport(query);
  const name = report.data && (report.data.scope.kind === 'city' ? t('quality.cityName') : report.data.scope.name);
  useDocumentTitle(name ? t('quality.titleFor', { name }) : t('quality.title'));

  return (
    <div className="page report-page">
      {session.data && <ProgrammeNav />}
      <h1>{name ? t('quality.titleFor', { name }) : t('quality.title')}</h1>
      <p className="lead">{t('quality.intro')}</p>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !allowed ? (
        <p className="notice notice-info">{t('reports.noAccess')}</p>
      ) : (
        <>
          <ScopeForm
            id="quality"
            kinds={['city', 'district', 'unit']}
            value={choice}
            onSubmit={(c) =>
              setParams(c.scope === 'city' ? { scope: 'city' } : { scope: c.scope, unit: c.unitId ?? '' })
            }
          />
          {query && (
            <DownloadLinks
              pdf={reportEndpoints.qualityFileUrl(query, 'pdf', lang)}
              xlsx={reportEndpoints.qualityFileUrl(query, 'xlsx', lang)}
            />
          )}
          <QueryState isPending={report.isPending} error={report.error} onRetry={() => void report.refetch()}>
            {report.data && <QualityBody report={report.data} />}
          </QueryState>
        </>
      )}
    </div>
  );
}

function QualityBody({ report }: { report: QualityReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Counts take in every record; items only those the caller may see (docs/confidentiality.md).
  const total = qualityTotal(report.counts);
  return (
    <>
      <p className="muted">{t('quality.generated', { time: format.dateTime(report.generated_at) })}</p>
      <section aria-labelledby="quality-summary" className="section">
        <h2 id="quality-summary">{t('quality.summary')}</h2>
        <p className="result-count" role="status">
          {total ? t('quality.total', { count: total }) : t('quality.none')}
        </p>
        <div className="table-wrap summary-table">
          <table className="data-table">
            <caption>{t('quality.summaryCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('quality.check')}</th>
                <th scope="col" className="numeric">
                  {t('quality.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {CHECKS.map((c) => (
                <tr key={c} className={report.counts[c] ? 'has-defects' : undefined}>
                  <th scope="row">
                    <a href={`#check-${c}`}>{t(`quality.checks.${c}`)}</a>
                  </th>
                  <td className="numeric">{format.number(report.counts[c] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {SECTIONS.map((s) => (
        <CheckSection
          key={s}
          section={s}
          count={s === 'measure_without_problem' ? 0 : (report.counts[s] ?? 0)}
          items={s === 'measure_without_problem' ? null : report.items.filter((i) => i.check === s)}
        />
      ))}
    </>
  );
}

function CheckSection({ section, count, items }: { section: Section; count: number; items: QualityItem[] | null }) {
  const { t } = useTranslation();
  const headingId = `check-${section}`;
  const detail = section !== 'measure_without_problem' && WITH_DETAIL.has(section);
  return (
    <section aria-labelledby={headingId} className="section quality-section" data-check={section}>
      <h2 id={headingId} tabIndex={-1}>
        {t(`quality.checks.${section}`)}
        {items && (
          <span className="count-badge" data-count={count}>
            {count}
          </span>
        )}
      </h2>
      <p className="muted">{t(`quality.help.${section}`)}</p>
      {items && count > items.length && (
        <p className="muted">{t('quality.notShown', { count: count - items.length })}</p>
      )}
      {items &&
        (items.length === 0 ? (
          count === 0 && <p className="empty">{t('quality.sectionNone')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table quality-table">
              <caption className="visually-hidden">{t(`quality.checks.${section}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('quality.columns.what')}</th>
                  <th scope="col">{t('quality.columns.unit')}</th>
                  {detail && <th scope="col">{t('quality.columns.detail')}</th>}
                  <th scope="col">{t('quality.columns.fix')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <ItemRow key={`${i.link.entity}-${i.link.id}`} item={i} detail={detail} />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

function ItemRow({ item, detail }: { item: QualityItem; detail: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const path = fixPath(item);
  const due = item.facts.due_date ? format.day(item.facts.due_date) : '';
  const status = item.facts.status ? t(`programme.requestStatus.${item.facts.status}`) : '';
  return (
    <tr>
      <th scope="row" className="description">
        {item.title}
      </th>
      <td>{item.unit.name}</td>
      {detail && (
        <td>{t(`quality.detail.${item.check}`, { ...item.facts, due, from: item.facts.from_unit, status })}</td>
      )}
      <td className="nowrap">
        {path && (
          <Link to={path}>
            {t(`quality.fix.${item.link.entity}`)}
            <span className="visually-hidden"> – {item.title}</span>
          </Link>
        )}
      </td>
    </tr>
  );
}
