import { type FormEvent, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MAX_DESCRIPTION_LENGTH, type Incident } from '../../../domain/incidents.js';
import type { PlaceSummary } from '../../../domain/org.js';
import { ApiError } from '../../api/client.js';
import { useCategories } from '../../api/use-reference-data.js';
import { toLocalInputValue } from '../../components/dates.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { Field } from '../../forms/Field.js';
import { summaryItems } from '../../forms/field-errors.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import type { PublicReportReceipt } from '../../api/endpoints.js';
import { canCreateIncidents, useSession } from '../auth/use-session.js';
import { LocationPicker } from './LocationPicker.js';
import { PhotoField } from './PhotoField.js';
import { PublicReceipt } from './PublicReceipt.js';
import {
  FIELD_INPUT_ID,
  FIELD_ORDER,
  type ReportField,
  type ReportState,
  serverFieldErrors,
  validateReport,
} from './report-form.js';
import { ReportConfirmation } from './ReportConfirmation.js';
import { ContactFields } from './ContactFields.js';
import { useCreateIncident, useCreatePublicReport } from './use-incidents.js';

const emptyState = (): ReportState => ({
  category: '',
  occurredLocal: toLocalInputValue(new Date()),
  description: '',
  point: null,
  placeId: '',
  zoneId: '',
  notify: false,
  email: '',
  honeypot: '',
});

/**
 * The report form ("Rapportera"): location, category, time, free text; validated with the same schema as the
 * server. Residents report anonymously and get a receipt code; signed-in staff create an incident directly.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const session = useSession();
  const mode = canCreateIncidents(session.data) ? 'staff' : 'public';
  const createIncident = useCreateIncident();
  const createPublic = useCreatePublicReport();
  const pending = createIncident.isPending || createPublic.isPending;
  const errorText = useErrorText();
  const [state, setState] = useState<ReportState>(emptyState);
  const { errors, general, summaryRef, fail, succeed, edited } = useFormOutcome<ReportField>();
  const [created, setCreated] = useState<Incident | null>(null);
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  useDocumentTitle(created || receipt ? t('report.done.title') : t('report.title'));

  const update = (patch: Partial<ReportState>, clear: readonly ReportField[]) => {
    setState((s) => ({ ...s, ...patch }));
    clear.forEach(edited);
  };
  const onPoint = useCallback(
    (point: { lon: number; lat: number }) => update({ point, placeId: '', zoneId: '' }, ['location', 'zone']),
    [],
  );
  const onPlace = (place: PlaceSummary | null) =>
    update(
      place
        ? { placeId: place.id, zoneId: '', point: { lon: place.lon, lat: place.lat } }
        : { placeId: '', zoneId: '' },
      ['location', 'zone'],
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const result = validateReport(state, mode, t);
    if (result.errors) return fail(result.errors, null);
    try {
      if (result.mode === 'staff') setCreated(await createIncident.mutateAsync(result.input));
      else setReceipt(await createPublic.mutateAsync(result.input));
      succeed();
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? serverFieldErrors(err.fieldIssues, t) : {};
      fail(fieldErrors, Object.keys(fieldErrors).length > 0 ? null : errorText(err));
    }
  };

  const again = () => {
    setCreated(null);
    setReceipt(null);
    setState(emptyState());
    setPhoto(null);
    createIncident.reset();
    createPublic.reset();
  };

  const activeCategories = (categories.data ?? []).filter((c) => c.active).sort((a, b) => a.sort_order - b.sort_order);

  return (
    <div className="page report-page">
      <h1>{t('report.title')}</h1>
      {created ? (
        <ReportConfirmation incident={created} onAnother={again} />
      ) : receipt ? (
        <PublicReceipt receipt={receipt} photo={photo} onAnother={again} />
      ) : (
        <>
          <p className="lead">{t('report.intro')}</p>
          <p className="hint">
            {mode === 'staff'
              ? t('report.asStaff', { name: session.data?.user.display_name ?? '' })
              : t('report.anonymous')}{' '}
            {mode === 'public' && <Link to="/follow">{t('report.followLink')}</Link>}
          </p>
          <ErrorSummary
            ref={summaryRef}
            title={t('report.summaryTitle')}
            intro={t('report.summaryIntro')}
            items={summaryItems(errors, FIELD_ORDER, (f) => FIELD_INPUT_ID[f])}
            general={general}
          />
          <form className="report-form" noValidate onSubmit={(e) => void submit(e)}>
            <p className="hint">{t('report.required')}</p>
            <LocationPicker
              point={state.point}
              placeId={state.placeId}
              zoneId={state.zoneId}
              onPoint={onPoint}
              onPlace={onPlace}
              onZone={(zoneId) => update({ zoneId }, ['zone'])}
              locationError={errors.location}
              zoneError={errors.zone}
            />

            <Field id="report-category" label={t('report.category')} error={errors.category} required>
              {(aria) => (
                <select
                  {...aria}
                  value={state.category}
                  required
                  onChange={(e) => update({ category: e.target.value }, ['category'])}
                >
                  <option value="">{t('report.categoryNone')}</option>
                  {activeCategories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {i18n.language === 'en' ? c.label_en : c.label_sv}
                    </option>
                  ))}
                </select>
              )}
            </Field>

            <Field
              id="report-occurred-at"
              label={t('report.occurredAt')}
              hint={t('report.occurredAtHelp')}
              error={errors.occurred_at}
              required
            >
              {(aria) => (
                <input
                  {...aria}
                  type="datetime-local"
                  value={state.occurredLocal}
                  max={toLocalInputValue(new Date())}
                  required
                  onChange={(e) => update({ occurredLocal: e.target.value }, ['occurred_at'])}
                />
              )}
            </Field>

            <Field
              id="report-description"
              label={t('report.description')}
              error={errors.description}
              describedBy={['report-description-privacy', 'report-description-counter']}
            >
              {(aria) => (
                <>
                  <p id="report-description-privacy" className="notice notice-info privacy-notice">
                    {t('report.privacy')}
                  </p>
                  <textarea
                    {...aria}
                    rows={5}
                    value={state.description}
                    maxLength={MAX_DESCRIPTION_LENGTH}
                    onChange={(e) => update({ description: e.target.value }, ['description'])}
                  />
                  <span id="report-description-counter" className="counter">
                    {t('report.counter', { count: state.description.length, max: MAX_DESCRIPTION_LENGTH })}
                  </span>
                </>
              )}
            </Field>

            {mode === 'public' && <PhotoField photo={photo} onChange={setPhoto} />}

            {mode === 'public' && (
              <ContactFields
                notify={state.notify}
                email={state.email}
                honeypot={state.honeypot}
                emailError={errors.email}
                onChange={(patch) => update(patch, ['email'])}
              />
            )}

            <SubmitButton large pending={pending} pendingLabel={t('report.sending')}>
              {t('report.submit')}
            </SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}
