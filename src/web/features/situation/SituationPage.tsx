import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { SituationReport } from '../../../domain/situation.js';
import { situationEndpoints } from '../../api/situation-endpoints.js';
import { useTimeZone, useToday } from '../../components/time-zone.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { useArea } from '../areas/use-areas.js';
import { addWeeks, isIsoWeek, lastCompleteWeek } from '../../../domain/calendar/index.js';
import { filtersFromParams, ReportFilters, type ReportFilterValue } from './ReportFilters.js';
import {
  canReadSituation,
  canWriteCitySituation,
  canWriteSituation,
  useFreeze,
  useSituationReport,
} from './use-situation.js';
import './situation.css';
import { useOwnSituationPath } from './own-district.js';
import { ReportLead, ReportSections } from './ReportSections.js';

/** The weekly situation report (lägesbild) of one district, or of the whole city without a district id, for staff. */
export function SituationPage() {
  const { id } = useParams();
  const city = !id;
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('week') ?? '';
  const timeZone = useTimeZone();
  // The meeting discusses a week that has ended: the last complete one on the organisation's clock.
  const week = isIsoWeek(requested) ? requested : lastCompleteWeek(timeZone);
  const filters = filtersFromParams(params);
  const session = useSession();
  // A coordinator opening "Lägesbild" lands on their own district; `scope=city` asks for the whole city.
  const own = useOwnSituationPath(city && params.get('scope') !== 'city' ? session.data : null);
  const area = useArea(id);
  const canRead = canReadSituation(session.data);
  const canWrite = city
    ? canWriteCitySituation(session.data)
    : canWriteSituation(session.data, area.data?.owner_unit?.id);
  const report = useSituationReport({ area_id: id, week, ...filters }, canRead);
  const title = city
    ? t('situation.cityTitle')
    : area.data
      ? t('situation.title', { name: area.data.name })
      : t('situation.link');
  useDocumentTitle(city || area.data ? `${title} ${week}` : title);
  // Week and filters live in the URL, so a report with its filters can be shared and reloaded.
  const setParam = (key: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const goTo = (w: string) => setParam('week', w);
  const setFilters = (f: ReportFilterValue) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const key of ['category_group', 'source'] as const) {
          if (f[key].length) next.set(key, f[key].join(','));
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  if (own.path) return <Navigate to={`${own.path}${requested ? `?week=${requested}` : ''}`} replace />;
  return (
    <div className="page situation-page">
      <p className="breadcrumb">
        {city ? (
          <Link to="/">← {t('situation.backToStart')}</Link>
        ) : (
          <>
            <Link to={`/districts/${id}`}>← {t('situation.back')}</Link> ·{' '}
            <Link to={`/situation?scope=city&week=${week}`}>{t('situation.cityTitle')}</Link>
          </>
        )}
      </p>
      <h1>
        {title} <span className="nowrap">{week}</span>
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !canRead ? (
        <p className="notice notice-info">{t('situation.noAccess')}</p>
      ) : (
        <>
          <WeekPicker week={week} onChange={goTo} />
          <ReportFilters value={filters} onChange={setFilters} />
          {!canWrite && <p className="notice notice-info">{t('situation.readOnly')}</p>}
          <QueryState
            isPending={report.isPending || (!city && area.isPending)}
            error={report.error ?? area.error}
            onRetry={() => void report.refetch()}
          >
            {report.data && (city || area.data) && (
              <ReportBody areaId={id} report={report.data} filters={filters} canWrite={canWrite} />
            )}
          </QueryState>
        </>
      )}
    </div>
  );
}

function WeekPicker({ week, onChange }: { week: string; onChange: (w: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(week);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setValue(week), [week]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim().toUpperCase();
    if (!isIsoWeek(v)) return setInvalid(true);
    setInvalid(false);
    onChange(v);
  };
  return (
    <form className="week-picker" onSubmit={submit} aria-label={t('situation.weekPicker')}>
      <button type="button" className="button button-secondary" onClick={() => onChange(addWeeks(week, -1))}>
        {t('situation.previousWeek')}
      </button>
      <Field
        id="situation-week"
        label={t('situation.weekInput')}
        error={invalid ? t('situation.weekInvalid') : undefined}
      >
        {(aria) => <input {...aria} value={value} onChange={(e) => setValue(e.target.value)} />}
      </Field>
      <button type="submit" className="button button-secondary">
        {t('situation.show')}
      </button>
      <button type="button" className="button button-secondary" onClick={() => onChange(addWeeks(week, 1))}>
        {t('situation.nextWeek')}
      </button>
    </form>
  );
}

/** The report of a district (`areaId`) or of the whole city (no `areaId`: every stadsdel, no district outline). */
function ReportBody({
  areaId,
  report,
  filters,
  canWrite,
}: {
  areaId: string | undefined;
  report: SituationReport;
  filters: ReportFilterValue;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const today = useToday();
  const freeze = useFreeze();
  const q = { area_id: areaId, week: report.week, ...filters };
  const freezeReport = () => {
    if (freeze.isPending) return;
    freeze.mutate(
      { area_id: areaId ?? null, week: report.week },
      { onSuccess: (v) => void navigate(`/situation/reports/${v.report.id}`) },
    );
  };

  return (
    <>
      <ReportLead report={report} />

      <div className="situation-actions">
        <a className="button button-secondary" href={situationEndpoints.reportFileUrl(q, 'pdf')} download>
          {t('situation.pdf')}
        </a>
        <a className="button button-secondary" href={situationEndpoints.reportFileUrl(q, 'xlsx')} download>
          {t('situation.xlsx')}
        </a>
        {canWrite && (
          <button
            type="button"
            className="button button-primary"
            aria-disabled={freeze.isPending || undefined}
            onClick={freezeReport}
          >
            {freeze.isPending ? t('situation.freezing') : t('situation.freeze')}
          </button>
        )}
      </div>
      {freeze.error && (
        <p className="notice notice-error" role="alert">
          {errorText(freeze.error)}
        </p>
      )}

      <ReportSections areaId={areaId} report={report} canWrite={canWrite} day={today} />
    </>
  );
}
