import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingAttendeeInput } from '../../../domain/meetings.js';
import { useUnits } from '../../api/use-reference-data.js';
import { localInputToOffsetIso, toLocalInputValue } from '../../components/dates.js';
import { useErrorText } from '../../components/QueryState.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useCreateMeeting } from './use-situation.js';

type MeetingField = 'participants';
const INPUT_ID: Record<MeetingField, string> = { participants: 'meeting-participants' };

/** The meeting about a frozen report: when, which units and which people, notes. */
export function MeetingForm({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const units = useUnits();
  const errorText = useErrorText();
  const create = useCreateMeeting(reportId);
  const [heldAt, setHeldAt] = useState(() => toLocalInputValue(new Date()));
  const [participants, setParticipants] = useState<string[]>([]);
  const [attendees, setAttendees] = useState<MeetingAttendeeInput[]>([]);
  const [notes, setNotes] = useState('');
  const { errors, general, summaryRef, fail, succeed, edited } = useFormOutcome<MeetingField>();
  const sorted = [...units].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    if (participants.length === 0) return fail({ participants: t('meeting.needParticipant') }, null);
    create.mutate(
      {
        held_at: localInputToOffsetIso(heldAt),
        participants,
        attendees,
        ...(notes.trim() ? { notes } : {}),
        actions: [],
      },
      { onSuccess: () => succeed(), onError: (err) => fail({}, errorText(err)) },
    );
  };
  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        titleId="meeting-error-title"
        title={t('meeting.summaryTitle')}
        intro={t('meeting.summaryIntro')}
        items={summaryItems(errors, ['participants'], (f) => INPUT_ID[f])}
        general={general}
      />
      <form className="meeting-form" onSubmit={submit} noValidate>
        <Field id="meeting-held-at" label={t('meeting.heldAt')}>
          {(aria) => (
            <input
              {...aria}
              type="datetime-local"
              value={heldAt}
              onChange={(e) => setHeldAt(e.target.value)}
              required
            />
          )}
        </Field>
        <CheckboxGroup
          id={INPUT_ID.participants}
          legend={t('meeting.participants')}
          error={errors.participants}
          required
          options={sorted.map((u) => ({ value: u.id, label: u.name }))}
          values={participants}
          onChange={(v) => {
            setParticipants(v);
            edited('participants');
          }}
        />
        <AttendeeList units={sorted} attendees={attendees} onChange={setAttendees} />
        <Field id="meeting-notes" label={t('meeting.notes')} hint={t('meeting.notesHint')}>
          {(aria) => <textarea {...aria} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <SubmitButton pending={create.isPending} pendingLabel={t('programme.saving')}>
          {t('meeting.save')}
        </SubmitButton>
      </form>
    </>
  );
}

/** The people at the meeting by name, each with the unit they came from (or none: a guest). */
function AttendeeList({
  units,
  attendees,
  onChange,
}: {
  units: ReadonlyArray<{ id: string; name: string }>;
  attendees: readonly MeetingAttendeeInput[];
  onChange: (a: MeetingAttendeeInput[]) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [unitId, setUnitId] = useState('');
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? t('meeting.guest');
  const add = () => {
    if (!name.trim()) return;
    onChange([...attendees, { name: name.trim(), unit_id: unitId || null }]);
    setName('');
  };
  return (
    <fieldset className="attendees">
      <legend>{t('meeting.attendees')}</legend>
      <p className="hint" id="attendee-hint">
        {t('meeting.attendeesHint')}
      </p>
      {attendees.length > 0 && (
        <ul className="attendee-list" aria-live="polite">
          {attendees.map((a, i) => (
            <li key={`${a.name}-${i}`}>
              {a.name} ({unitName(a.unit_id)}){' '}
              <button
                type="button"
                className="button-link"
                onClick={() => onChange(attendees.filter((_, j) => j !== i))}
              >
                {t('meeting.removeAttendee', { name: a.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="attendee-add">
        <div className="field">
          <label htmlFor="attendee-name">{t('meeting.attendeeName')}</label>
          <input
            id="attendee-name"
            aria-describedby="attendee-hint"
            value={name}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="attendee-unit">{t('meeting.attendeeUnit')}</label>
          <select id="attendee-unit" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('meeting.guest')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={add}>
          {t('meeting.addAttendee')}
        </button>
      </div>
    </fieldset>
  );
}
