import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/problems.js';
import { RequestCreateSchema } from '../../../domain/requests.js';
import { ApiError } from '../../api/client.js';
import { useUnits } from '../../api/use-reference-data.js';
import { useToday } from '../../components/time-zone.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFocusIdAfterRender } from '../../components/use-focus-after-render.js';
import { useSession } from '../auth/use-session.js';
import { defaultUnit, editableUnits } from './access.js';
import { addDays } from '../../../domain/calendar/index.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, type FieldErrors, fieldErrors, topLevelIssues } from '../../forms/field-errors.js';
import { usePlaces } from '../places/use-places.js';
import { useCreateRequest } from './use-programme.js';

const FIELDS = ['from_unit_id', 'to_unit_id', 'what', 'due_date'] as const;
type RequestField = (typeof FIELDS)[number];
const inputId = (f: RequestField) => `request-${f.replace(/_/g, '-')}`;

/** "Begär bidrag": the problem's unit calls on another unit (a specialist committee, a company, the police). */
export function RequestForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const session = useSession();
  const units = useUnits();
  const create = useCreateRequest();
  const errorText = useErrorText();
  const mine = editableUnits(session.data, units);
  const [chosenFrom, setFrom] = useState('');
  // The units arrive after the first render: until one is chosen, the default follows them.
  const from = chosenFrom || defaultUnit(session.data, units, problem.owner_unit.id);
  const [to, setTo] = useState('');
  const [what, setWhat] = useState('');
  const [place, setPlace] = useState('');
  const places = usePlaces();
  const problemPlaceIds = new Set(problem.places.map((p) => p.id));
  // The premises and places of the unit asked: what a district typically calls on (a library, a square).
  const unitPlaces = (places.data ?? []).filter((p) => to && p.owner_unit_id === to && !problemPlaceIds.has(p.id));
  const today = useToday();
  const [due, setDue] = useState(() => addDays(today, 14));
  const [errors, setErrors] = useState<FieldErrors<RequestField>>({});
  const [sent, setSent] = useState<string | null>(null);
  const message = (f: RequestField) => t(`programme.errors.request.${f}`);
  const focusId = useFocusIdAfterRender();

  const fail = (e: FieldErrors<RequestField>) => {
    setErrors(e);
    const first = FIELDS.find((f) => e[f]);
    if (first) focusId(inputId(first));
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.isPending) return;
    setSent(null);
    const parsed = RequestCreateSchema.safeParse({
      from_unit_id: from,
      to_unit_id: to,
      problem_id: problem.id,
      place_id: place || undefined,
      what,
      due_date: due,
    });
    if (!parsed.success) return fail(fieldErrors(topLevelIssues(parsed.error.issues), FIELDS, 'what', message));
    try {
      const r = await create.mutateAsync(parsed.data);
      setErrors({});
      setSent(r.to_unit.name);
      setTo('');
      setPlace('');
      setWhat('');
    } catch (err) {
      if (err instanceof ApiError && err.fieldIssues.length)
        fail(fieldErrors(apiIssues(err.fieldIssues), FIELDS, 'what', message));
    }
  };

  return (
    <form
      className="programme-form request-form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-labelledby="request-form-heading"
    >
      <h3 id="request-form-heading">{t('programme.request.ask')}</h3>
      <p className="hint">{t('programme.request.askHint')}</p>
      {mine.length > 1 && (
        <Field id={inputId('from_unit_id')} label={t('programme.request.from')} error={errors.from_unit_id} required>
          {(aria) => (
            <select {...aria} value={from} onChange={(e) => setFrom(e.target.value)}>
              {mine.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={inputId('to_unit_id')} label={t('programme.request.to')} error={errors.to_unit_id} required>
        {(aria) => (
          <select {...aria} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('programme.request.chooseUnit')}</option>
            {units
              .filter((u) => u.id !== from)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field id="request-place-id" label={t('programme.request.place')} hint={t('programme.request.placeHint')}>
        {(aria) => (
          <select {...aria} value={place} onChange={(e) => setPlace(e.target.value)}>
            <option value="">{t('programme.request.noPlace')}</option>
            {problem.places.length > 0 && (
              <optgroup label={t('programme.request.problemPlaces')}>
                {problem.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            )}
            {unitPlaces.length > 0 && (
              <optgroup label={t('programme.request.unitPlaces')}>
                {unitPlaces.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <Field
        id={inputId('what')}
        label={t('programme.request.what')}
        error={errors.what}
        hint={t('programme.request.whatHint')}
        required
      >
        {(aria) => (
          <textarea {...aria} rows={3} value={what} maxLength={2000} onChange={(e) => setWhat(e.target.value)} />
        )}
      </Field>
      <Field id={inputId('due_date')} label={t('programme.request.due')} error={errors.due_date} required>
        {(aria) => <input {...aria} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
      </Field>
      <SubmitButton pending={create.isPending} pendingLabel={t('programme.saving')}>
        {t('programme.request.send')}
      </SubmitButton>
      <div role="status">
        {sent && <p className="notice notice-success">{t('programme.request.sent', { unit: sent })}</p>}
      </div>
      {create.error && !(create.error instanceof ApiError && create.error.fieldIssues.length) && (
        <p className="notice notice-error" role="alert">
          {errorText(create.error)}
        </p>
      )}
    </form>
  );
}
