import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../domain/calendar/index.js';
import type { Meeting } from '../../../domain/meetings.js';
import { situationEndpoints } from '../../api/situation-endpoints.js';
import { useUnits } from '../../api/use-reference-data.js';
import { useToday } from '../../components/time-zone.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormat } from '../../components/use-format.js';
import { useAddAction } from './use-situation.js';

/** The recorded meeting: when, who took part, the notes, and its protocol to download. */
export function MeetingSummary({ meeting }: { meeting: Meeting }) {
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

/** The actions the meeting decided, with owner unit, due date and status. */
export function ActionList({ meeting }: { meeting: Meeting }) {
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

/** Adds a decided action to the meeting: what, which unit, by when. */
export function ActionForm({ meetingId }: { meetingId: string }) {
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
