import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isoWeekDay } from '../../../domain/calendar/index.js';
import type { FrozenReportView } from '../../../domain/meetings.js';
import { situationEndpoints } from '../../api/situation-endpoints.js';
import { QueryState } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { asConfirmed, frozenGaps } from './frozen-report.js';
import { MeetingForm } from './MeetingForm.js';
import { ActionForm, ActionList, MeetingSummary } from './MeetingRecord.js';
import { ReportLead, ReportSections } from './ReportSections.js';
import { canWriteSituation, useFrozenReport, useMeeting } from './use-situation.js';
import './situation.css';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/**
 * A frozen report: the whole report as it was at the freeze (figures, ratings as confirmed, map with hotspots,
 * charts and tables), what changed since, the meeting and its decided actions.
 */
export function FrozenReportPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const view = useFrozenReport(session.data ? id : undefined);
  const title = view.data
    ? t('meeting.title', { name: view.data.frozen.scope.name, week: view.data.report.week })
    : t('situation.link');
  useDocumentTitle(title);
  return (
    <div className="page frozen-report-page">
      {view.data?.report.area_id && (
        <p className="breadcrumb">
          <Link to={`/districts/${view.data.report.area_id}/situation?week=${view.data.report.week}`}>
            ← {t('situation.link')}
          </Link>
        </p>
      )}
      <h1>{title}</h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : (
        <QueryState isPending={view.isPending} error={view.error} onRetry={() => void view.refetch()}>
          {view.data && <FrozenBody view={view.data} canWrite={canWriteSituation(session.data)} />}
        </QueryState>
      )}
    </div>
  );
}

function FrozenBody({ view, canWrite }: { view: FrozenReportView; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const meeting = useMeeting(view.report.meeting_id);
  const report = useMemo(() => asConfirmed(view.frozen, view.current), [view.frozen, view.current]);
  const gaps = frozenGaps(view.frozen);
  const meetingHeading = useRef<HTMLHeadingElement>(null);
  const hadMeeting = useRef(view.report.meeting_id !== null);
  // Saving the meeting replaces its form with the summary, taking the focused button away: the focus goes to
  // the section's heading instead of falling back to the page.
  useEffect(() => {
    const hasMeeting = view.report.meeting_id !== null;
    if (hasMeeting && !hadMeeting.current && document.activeElement === document.body) meetingHeading.current?.focus();
    hadMeeting.current = hasMeeting;
  }, [view.report.meeting_id]);
  return (
    <>
      <div className="notice notice-info frozen-banner" data-testid="frozen-banner">
        <p>
          <strong>
            {t('meeting.frozenAt', { at: format.dateTime(view.report.frozen_at), by: view.report.frozen_by })}
          </strong>
        </p>
        <p>{t('meeting.frozenExplain')}</p>
        {gaps.length > 0 && (
          <p data-testid="frozen-gaps">
            {t('meeting.olderReport')} {gaps.map((g) => t(`meeting.gaps.${g}`)).join(' ')}
          </p>
        )}
      </div>
      <ReportLead report={report} />
      <p className="situation-actions">
        <a className="button button-secondary" href={situationEndpoints.frozenFileUrl(view.report.id, 'pdf')} download>
          {t('situation.pdf')}
        </a>
        <a className="button button-secondary" href={situationEndpoints.frozenFileUrl(view.report.id, 'xlsx')} download>
          {t('situation.xlsx')}
        </a>
      </p>

      <DiffSection view={view} />

      <p className="hint">{t('meeting.ratingsNote')}</p>
      <ReportSections
        areaId={view.report.area_id ?? undefined}
        report={report}
        canWrite={false}
        day={isoWeekDay(view.report.week, 3)}
        initialLayer="hotspots"
      />

      <section className="section" aria-labelledby="meeting-heading">
        <h2 id="meeting-heading" ref={meetingHeading} tabIndex={-1}>
          {t('meeting.meeting')}
        </h2>
        {view.report.meeting_id ? (
          <QueryState isPending={meeting.isPending} error={meeting.error}>
            {meeting.data && <MeetingSummary meeting={meeting.data} />}
          </QueryState>
        ) : canWrite ? (
          <MeetingForm reportId={view.report.id} />
        ) : (
          <p className="empty">{t('situation.none')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('meeting.actions')}</h2>
        {meeting.data ? (
          <>
            <ActionList meeting={meeting.data} />
            {canWrite && <ActionForm meetingId={meeting.data.id} />}
          </>
        ) : (
          <p className="hint">{t('meeting.needMeeting')}</p>
        )}
      </section>
    </>
  );
}

/** What arrived after the freeze: frozen figures against the same figures now, per stadsdel. */
function DiffSection({ view }: { view: FrozenReportView }) {
  const { t } = useTranslation();
  const late = view.diff.reported_after_freeze;
  return (
    <section className="section" aria-labelledby="diff-heading">
      <h2 id="diff-heading">{t('meeting.diff')}</h2>
      <p className="diff-late" data-testid="late-reports">
        {late > 0 ? t('meeting.lateReports', { count: late }) : t('meeting.noLate')}
      </p>
      <div className="table-wrap" role="region" aria-labelledby="diff-caption" tabIndex={0}>
        <table className="data-table">
          <caption id="diff-caption">{t('meeting.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('situation.colName')}</th>
              <th scope="col">{t('meeting.colFrozen')}</th>
              <th scope="col">{t('meeting.colCurrent')}</th>
              <th scope="col">{t('meeting.colDiff')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('situation.totals')}</th>
              <td>{view.diff.total.frozen}</td>
              <td>{view.diff.total.current}</td>
              <td>{signed(view.diff.total.difference)}</td>
            </tr>
            {view.diff.neighbourhoods.map((d) => (
              <tr key={d.code}>
                <th scope="row">{d.name}</th>
                <td>{d.frozen}</td>
                <td>{d.current}</td>
                <td>{signed(d.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
