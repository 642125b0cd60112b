import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { addDays } from '../../../domain/calendar/index.js';
import type { FrozenReportView, Meeting } from '../../../domain/meetings.js';
import { situationEndpoints } from '../../api/situation-endpoints.js';
import { useUnits } from '../../api/use-reference-data.js';
import { useToday } from '../../components/time-zone.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { RatingBadge } from './Rating.js';
import { MeetingForm } from './MeetingForm.js';
import { canWriteSituation, useAddAction, useFrozenReport, useMeeting } from './use-situation.js';
import './situation.css';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** A frozen report: the figures as at the freeze, what changed since, the meeting and its decided actions. */
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
  const late = view.diff.reported_after_freeze;
  // Ratings as confirmed for the week: often at the meeting, after the freeze, so from the current rows.
  const rows = view.current.neighbourhoods;
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
      <p className="subtitle">
        {t('meeting.frozenAt', { at: format.dateTime(view.report.frozen_at), by: view.report.frozen_by })}
      </p>
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
                <th scope="col">{t('meeting.colRating')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('situation.totals')}</th>
                <td>{view.diff.total.frozen}</td>
                <td>{view.diff.total.current}</td>
                <td>{signed(view.diff.total.difference)}</td>
                <td />
              </tr>
              {view.diff.neighbourhoods.map((d) => {
                const row = rows.find((r) => r.code === d.code);
                return (
                  <tr key={d.code}>
                    <th scope="row">{d.name}</th>
                    <td>{d.frozen}</td>
                    <td>{d.current}</td>
                    <td>{signed(d.difference)}</td>
                    <td>{row && <RatingBadge level={row.rating.confirmed?.level ?? row.rating.proposed} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="situation-actions">
          <a
            className="button button-secondary"
            href={situationEndpoints.frozenFileUrl(view.report.id, 'pdf')}
            download
          >
            {t('situation.pdf')}
          </a>
          <a
            className="button button-secondary"
            href={situationEndpoints.frozenFileUrl(view.report.id, 'xlsx')}
            download
          >
            {t('situation.xlsx')}
          </a>
        </p>
      </section>

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

function MeetingSummary({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <dl className="facts facts-stacked">
        <div>
          <dt>{t('meeting.heldAt')}</dt>
          <dd>{format.dateTime(meeting.held_at)}</dd>
        </div>
        <div>
          <dt>{t('meeting.participants')}</dt>
          <dd>{meeting.participants.map((p) => p.name).join(', ')}</dd>
        </div>
        {meeting.attendees.length > 0 && (
          <div>
            <dt>{t('meeting.attendees')}</dt>
            <dd>{meeting.attendees.map((a) => `${a.name} (${a.unit_name ?? t('meeting.guest')})`).join(', ')}</dd>
          </div>
        )}
        {meeting.notes !== null && (
          <div>
            <dt>{t('meeting.notes')}</dt>
            <dd className="description-text">
              {meeting.notes || '–'}
              {meeting.notes_redactions > 0 && (
                <>
                  {' '}
                  <em>({t('meeting.redactions', { count: meeting.notes_redactions })})</em>
                </>
              )}
            </dd>
          </div>
        )}
      </dl>
      <p className="situation-actions">
        <a className="button" href={situationEndpoints.protocolFileUrl(meeting.id, 'pdf')} download>
          {t('meeting.protocolPdf')}
        </a>
        <a className="button button-secondary" href={situationEndpoints.protocolFileUrl(meeting.id, 'xlsx')} download>
          {t('meeting.protocolXlsx')}
        </a>
      </p>
    </>
  );
}

function ActionList({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (meeting.actions.length === 0) return <p className="empty">{t('meeting.noActions')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table actions-table" aria-labelledby="actions-heading">
        <thead>
          <tr>
            <th scope="col">{t('meeting.actionTitle')}</th>
            <th scope="col">{t('meeting.assignee')}</th>
            <th scope="col">{t('meeting.dueDate')}</th>
            <th scope="col">{t('meeting.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.actions.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.title}</th>
              <td>{a.unit_name}</td>
              <td>{format.day(a.due_date)}</td>
              <td>
                {t(`meeting.status.${a.status}`)}
                {a.status_note ? ` – ${a.status_note}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActionForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const units = useUnits();
  const errorText = useErrorText();
  const add = useAddAction(meetingId);
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  // The browser checks this form; the empty select counts as invalid only once a submit was refused.
  const [refused, setRefused] = useState(false);
  const today = useToday();
  const [due, setDue] = useState(() => addDays(today, 14));
  const sorted = [...units].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    add.mutate({ title, unit_id: unitId, due_date: due }, { onSuccess: () => setTitle('') });
  };
  return (
    <form className="action-form" onSubmit={submit}>
      <h3>{t('meeting.addAction')}</h3>
      <div className="field">
        <label htmlFor="action-title">{t('meeting.actionTitle')}</label>
        <input id="action-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} />
      </div>
      <div className="field">
        <label htmlFor="action-unit">{t('meeting.assignee')}</label>
        <select
          id="action-unit"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          onInvalid={() => setRefused(true)}
          aria-invalid={refused && !unitId}
          required
        >
          <option value="">{t('meeting.chooseUnit')}</option>
          {sorted.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="action-due">{t('meeting.dueDate')}</label>
        <input id="action-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} required />
      </div>
      <SubmitButton pending={add.isPending} pendingLabel={t('programme.saving')}>
        {t('meeting.addAction')}
      </SubmitButton>
      <div role="status">{add.isSuccess && <p className="notice notice-success">{t('meeting.actionAdded')}</p>}</div>
      {add.error && (
        <p className="notice notice-error" role="alert">
          {errorText(add.error)}
        </p>
      )}
    </form>
  );
}
