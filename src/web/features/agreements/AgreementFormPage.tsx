import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type Agreement, AgreementKindSchema } from '../../../domain/agreements.js';
import type { DistrictView } from '../../../domain/views.js';
import { ApiError } from '../../api/client.js';
import { useToday } from '../../components/time-zone.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { titleOf, useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { SignInNotice } from '../auth/SignInNotice.js';
import { useSession } from '../auth/use-session.js';
import { CheckboxGroup } from '../../forms/CheckboxGroup.js';
import { ConfidentialityField } from '../../forms/ConfidentialityField.js';
import { Field } from '../../forms/Field.js';
import { apiIssues, summaryItems } from '../../forms/field-errors.js';
import type { NoticeState } from '../programme/navigation-notice.js';
import { useDistrictView } from '../programme/use-programme.js';
import { useUnitOptions } from '../views/use-reports.js';
import { canEditAgreements } from './access.js';
import {
  AGREEMENT_FIELDS,
  type AgreementField,
  type AgreementFormState,
  agreementErrors,
  agreementInputId,
  agreementState,
  blankAgreement,
  validateCreate,
  validateUpdate,
} from './agreement-form.js';
import { useAgreement, useSaveAgreement } from './use-agreements.js';
import '../programme/programme.css';
import '../situation/situation.css';
import './agreements.css';

/** Recording a district's agreement with the police (`/agreements/new?district=`) or editing one (`/agreements/:id/edit`). */
export function AgreementFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const session = useSession();
  const existing = useAgreement(session.data ? id : undefined);
  const districtId = id ? existing.data?.district_unit.id : params.get('district');
  const view = useDistrictView(districtId, Boolean(session.data));
  const title = id ? t('agreementForm.editTitle') : t('agreementForm.newTitle');
  useDocumentTitle(titleOf(existing.data?.title, title));
  const back = districtId
    ? `/agreements?district=${encodeURIComponent(districtId)}${id ? `#agreement-${id}` : ''}`
    : '/agreements';
  return (
    <div className="page programme-page">
      <p className="breadcrumb">
        <Link to={back}>← {t('agreementForm.back')}</Link>
      </p>
      <h1>
        {title}
        {view.data && <>: {view.data.district.name}</>}
      </h1>
      {session.isPending ? null : !session.data ? (
        <SignInNotice />
      ) : !districtId && !id ? (
        // Without a district there is nothing to load: say where to choose one rather than wait for ever.
        <p className="notice notice-info">
          <Link to="/agreements">{t('agreementForm.noDistrict')}</Link>
        </p>
      ) : (
        <QueryState
          isPending={(Boolean(id) && existing.isPending) || view.isPending}
          error={existing.error ?? view.error}
        >
          {view.data &&
            (!canEditAgreements(session.data, districtId) ? (
              <p className="notice notice-info">{t('agreementForm.noAccess')}</p>
            ) : (
              (!id || existing.data) && <AgreementForm view={view.data} agreement={existing.data ?? null} />
            ))}
        </QueryState>
      )}
    </div>
  );
}

function AgreementForm({ view, agreement }: { view: DistrictView; agreement: Agreement | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveAgreement();
  const errorText = useErrorText();
  const format = useFormat();
  const units = useUnitOptions().filter((u) => u.id !== view.district.id);
  const police = units.find((u) => u.kind === 'partner')?.id ?? '';
  const today = useToday();
  const [state, setState] = useState<AgreementFormState>(() =>
    agreement ? agreementState(agreement) : blankAgreement(police, today),
  );
  // The version the form was filled from: saving over someone else's later change is refused (409) with a message to reload.
  const [openedVersion] = useState(agreement?.version ?? 0);
  // A saved agreement leaves the form for the district's list, which shows the message.
  const { errors, general, summaryRef, fail, edited } = useFormOutcome<AgreementField>();

  const set = <K extends AgreementField>(key: K, value: AgreementFormState[K]) => {
    setState((s) => ({ ...s, [key]: value }));
    edited(key);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    let request: Parameters<typeof save.mutateAsync>[0];
    if (agreement) {
      const checked = validateUpdate(state, t);
      if (checked.errors) return fail(checked.errors, null);
      request = { id: agreement.id, version: openedVersion, body: checked.input };
    } else {
      const checked = validateCreate(view.district.id, state, t);
      if (checked.errors) return fail(checked.errors, null);
      request = { id: null, body: checked.input };
    }
    try {
      const saved = await save.mutateAsync(request);
      const notice: NoticeState = { notice: agreement ? 'agreementForm.saved' : 'agreementForm.created' };
      void navigate(`/agreements?district=${encodeURIComponent(view.district.id)}#agreement-${saved.id}`, {
        state: notice,
      });
    } catch (err) {
      const fields = err instanceof ApiError ? agreementErrors(apiIssues(err.fieldIssues), t) : {};
      fail(fields, Object.keys(fields).length ? null : errorText(err));
    }
  };

  // The district's own area first, then its neighbourhoods by name; an activity or area the agreement already
  // has outside the district's geography stays offered, so saving an edit never drops it unseen.
  const whole = (a: { id: string }) => view.areas.find((x) => x.id === a.id)?.level === 'district';
  const areas = [...view.areas, ...(agreement?.areas ?? []).filter((a) => !view.areas.some((x) => x.id === a.id))].sort(
    (a, b) => Number(whole(b)) - Number(whole(a)) || a.name.localeCompare(b.name, 'sv'),
  );
  const measures = [
    ...view.measures.map((m) => ({ id: m.id, title: m.title, unit: m.responsible_unit.name })),
    ...(agreement?.activities ?? [])
      .filter((a) => !view.measures.some((m) => m.id === a.id))
      .map((a) => ({ id: a.id, title: a.title, unit: a.responsible_unit.name })),
  ].sort((a, b) => a.title.localeCompare(b.title, 'sv'));
  const chosen = view.measures.filter((m) => state.measure_ids.includes(m.id));
  const problems = view.problems.filter((p) => chosen.some((m) => m.problems.some((x) => x.id === p.id)));

  return (
    <>
      <ErrorSummary
        ref={summaryRef}
        title={t('agreementForm.summaryTitle')}
        intro={t('report.summaryIntro')}
        items={summaryItems(errors, AGREEMENT_FIELDS, agreementInputId)}
        general={general}
      />
      <form className="programme-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('report.required')}</p>
        <RadioGroup
          name="agreement-kind"
          idPrefix="agreement-kind"
          legend={t('agreementForm.kind')}
          value={state.kind}
          error={errors.kind}
          options={AgreementKindSchema.options.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))}
          onChange={(v) => set('kind', v)}
        />
        <Field
          id="agreement-partner-unit-id"
          label={t('agreementForm.partner')}
          hint={t('agreementForm.partnerHint')}
          error={errors.partner_unit_id}
          required
        >
          {(aria) => (
            <select {...aria} value={state.partner_unit_id} onChange={(e) => set('partner_unit_id', e.target.value)}>
              <option value="">{t('agreementForm.choose')}</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="agreement-title" label={t('agreementForm.title')} error={errors.title} required>
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={state.title}
              maxLength={200}
              onChange={(e) => set('title', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="agreement-summary"
          label={t('agreements.summary')}
          hint={t('agreementForm.summaryHint')}
          error={errors.summary}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={4}
              value={state.summary}
              maxLength={4000}
              onChange={(e) => set('summary', e.target.value)}
            />
          )}
        </Field>
        <div className="inline-fields">
          <Field
            id="agreement-period-start"
            label={t('agreementForm.periodStart')}
            error={errors.period_start}
            required
          >
            {(aria) => (
              <input
                {...aria}
                type="date"
                value={state.period_start}
                onChange={(e) => set('period_start', e.target.value)}
              />
            )}
          </Field>
          <Field id="agreement-period-end" label={t('agreementForm.periodEnd')} error={errors.period_end} required>
            {(aria) => (
              <input
                {...aria}
                type="date"
                value={state.period_end}
                onChange={(e) => set('period_end', e.target.value)}
              />
            )}
          </Field>
        </div>
        <CheckboxGroup
          id="agreement-area-ids"
          legend={t('agreements.priorityAreas')}
          hint={t('agreementForm.areasHint')}
          required
          error={errors.area_ids}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
          values={state.area_ids}
          onChange={(v) => set('area_ids', v)}
        />
        <div className="agreement-activities">
          <CheckboxGroup
            id="agreement-measure-ids"
            legend={t('agreements.activities')}
            hint={t('agreementForm.activitiesHint')}
            error={errors.measure_ids}
            options={measures.map((m) => ({ value: m.id, label: `${m.title} (${m.unit})` }))}
            values={state.measure_ids}
            onChange={(v) => set('measure_ids', v)}
          />
        </div>
        {measures.length === 0 && <p className="empty">{t('agreementForm.noMeasures')}</p>}
        <section className="section" aria-labelledby="agreement-indicators-heading">
          <h2 id="agreement-indicators-heading" className="h3">
            {t('agreements.indicators')}
          </h2>
          <p className="hint">{t('agreementForm.indicatorsHint')}</p>
          {problems.length === 0 ? (
            <p className="empty">{t('agreementForm.noIndicators')}</p>
          ) : (
            <ul className="indicator-preview">
              {problems.map((p) => (
                <li key={p.id}>
                  {p.title}:{' '}
                  {p.baseline
                    ? t('agreementForm.baselineValue', {
                        value: format.number(p.baseline.value),
                        from: format.day(p.baseline.from),
                        to: format.day(p.baseline.to),
                      })
                    : t('agreementForm.noBaseline')}
                </li>
              ))}
            </ul>
          )}
        </section>
        <ConfidentialityField
          id="agreement-confidentiality"
          value={state.confidentiality}
          error={errors.confidentiality}
          onChange={(v) => set('confidentiality', v)}
        />
        <SubmitButton large pending={save.isPending} pendingLabel={t('programme.saving')}>
          {agreement ? t('agreementForm.save') : t('agreementForm.create')}
        </SubmitButton>
      </form>
    </>
  );
}
