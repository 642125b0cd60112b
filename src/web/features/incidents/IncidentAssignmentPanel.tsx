import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../api/endpoints.js';
import { useUnits } from '../../api/use-reference-data.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { Field } from '../../forms/Field.js';
import { useOverrideIncidentAssignment } from './use-incidents.js';

const SELECT_ID = 'incident-assignment';

/**
 * Which unit's inbox the incident is in (the responsibility matrix's choice or a hand-made move), and for
 * those who work the incident (`works`: domain/policies.ts) a way to move it on: PUT /api/incidents/:id/assignment.
 */
export function IncidentAssignmentPanel({
  incidentId,
  assignment,
  works,
}: {
  incidentId: string;
  assignment: Assignment | null;
  works: boolean;
}) {
  const { t } = useTranslation();
  const canMove = assignment !== null && works;
  const [moved, setMoved] = useState<string | null>(null);
  const [movedRef, focusMoved] = useFocusAfterRender<HTMLParagraphElement>();
  return (
    <section className="status-form-panel assignment-panel" aria-labelledby="assignment-title">
      <h2 id="assignment-title">{t('assignment.title')}</h2>
      {assignment ? (
        <p data-testid="incident-assignment">
          {t('assignment.current', { unit: assignment.unit.name })}{' '}
          {assignment.overridden_by
            ? t('assignment.byHand', { who: assignment.overridden_by })
            : t('assignment.byMatrix')}
        </p>
      ) : (
        <p>{t('assignment.none')}</p>
      )}
      {canMove && (
        <MoveForm
          incidentId={incidentId}
          currentUnitId={assignment.unit.id}
          onChange={() => setMoved(null)}
          onMoved={(unit) => {
            setMoved(t('assignment.moved', { unit }));
            // The form goes away when the user is no member of the new unit: the message takes the focus.
            focusMoved();
          }}
        />
      )}
      <p className="status-saved" role="status" ref={movedRef} tabIndex={-1}>
        {moved && <span className="notice notice-success">{moved}</span>}
      </p>
    </section>
  );
}

function MoveForm({
  incidentId,
  currentUnitId,
  onChange,
  onMoved,
}: {
  incidentId: string;
  currentUnitId: string;
  onChange: () => void;
  onMoved: (unit: string) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const units = useUnits();
  const move = useOverrideIncidentAssignment(incidentId);
  const [unitId, setUnitId] = useState('');
  // The success message is the panel's: it outlives this form when the user is no member of the new unit.
  const { errors, general, summaryRef, fail, succeed, edited } = useFormOutcome<'unit'>();
  const error = errors.unit;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (move.isPending) return;
    if (!unitId || unitId === currentUnitId) return fail({ unit: t('assignment.required') }, null);
    try {
      const after = await move.mutateAsync(unitId);
      succeed();
      setUnitId('');
      onMoved(after.unit.name);
    } catch (err) {
      fail({}, errorText(err));
    }
  };

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        titleId="assignment-summary-title"
        title={t('assignment.summaryTitle')}
        items={error ? [{ inputId: SELECT_ID, message: error }] : []}
        general={general}
      />
      <form className="status-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field id={SELECT_ID} label={t('assignment.label')} hint={t('assignment.hint')} error={error}>
          {(aria) => (
            <select
              {...aria}
              value={unitId}
              onChange={(e) => {
                setUnitId(e.target.value);
                edited('unit');
                onChange();
              }}
            >
              <option value="">{t('assignment.choose')}</option>
              {units
                .filter((u) => u.id !== currentUnitId)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <SubmitButton pending={move.isPending} pendingLabel={t('assignment.saving')}>
          {t('assignment.submit')}
        </SubmitButton>
      </form>
    </>
  );
}
