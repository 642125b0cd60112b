import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConsultationResponse } from '../../../domain/consultations.js';
import type { ProgrammeVersion } from '../../../domain/programmes.js';
import { consultationEndpoints as api } from '../../api/consultation-endpoints.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useFormat } from '../../components/use-format.js';
import { Field } from '../../forms/Field.js';
import { useHolder } from '../programmes/ProgrammeSections.js';
import { useProgrammeVersion } from '../programmes/use-programmes.js';
import { useConsultationChange, useConsultationResponse } from './use-consultations.js';
import './consultations.css';

/** A unit's response: editable while a draft (save, then submit), read-only once submitted. */
export function ConsultationResponsePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const response = useConsultationResponse(id);
  const title = t('consultations.responseTitle', { unit: response.data?.unit.name ?? '' });
  useDocumentTitle(title);
  return (
    <div className="page programme-doc">
      <p>
        <Link to="/programmes/responses">{t('consultations.mineTitle')}</Link>
      </p>
      <h1>{title}</h1>
      <QueryState isPending={response.isPending} error={response.error} onRetry={() => void response.refetch()}>
        {response.data && <WithVersion response={response.data} />}
      </QueryState>
    </div>
  );
}

function WithVersion({ response }: { response: ConsultationResponse }) {
  const version = useProgrammeVersion(response.version.id);
  return version.data ? <ResponseForm key={response.status} response={response} version={version.data} /> : null;
}

type Entry = { statement: string; proposal: string };

function ResponseForm({ response, version }: { response: ConsultationResponse; version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const holder = useHolder();
  const editable = response.status === 'draft';
  const [summary, setSummary] = useState(response.summary ?? '');
  const [entries, setEntries] = useState<Record<string, Entry>>(() =>
    Object.fromEntries(
      version.sections.map((s) => {
        const e = response.sections.find((x) => x.section_key === s.key);
        return [s.key, { statement: e?.statement ?? '', proposal: e?.proposal ?? '' }];
      }),
    ),
  );
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const save = useConsultationChange(() =>
    api.saveDraft(response.id, {
      summary: summary.trim() || null,
      sections: version.sections.map((s) => ({
        section_key: s.key,
        statement: entries[s.key]!.statement.trim() || null,
        proposal: entries[s.key]!.proposal.trim() || null,
      })),
    }),
  );
  const submit = useConsultationChange(async () => {
    await save.mutateAsync(undefined);
    return api.submit(response.id);
  });
  const run = async (which: 'save' | 'submit') => {
    if (which === 'submit' && !summary.trim()) return setMessage({ text: t('consultations.needSummary'), error: true });
    try {
      await (which === 'save' ? save : submit).mutateAsync(undefined);
      setMessage(which === 'save' ? { text: t('consultations.saved'), error: false } : null);
    } catch (err) {
      setMessage({ text: errorText(err), error: true });
    }
  };
  const set = (key: string, field: keyof Entry, value: string) =>
    setEntries((e) => ({ ...e, [key]: { ...e[key]!, [field]: value } }));
  return (
    <>
      <p>
        {response.version.title} · {t('consultations.deadline')}: {format.day(response.deadline)} ·{' '}
        <span className={`consultation-state-${response.state}`}>{t(`consultations.state.${response.state}`)}</span>
      </p>
      {response.submitted_at && <p>{t('consultations.submitted', { at: format.dateTime(response.submitted_at) })}</p>}
      {response.state === 'answered_late' && <p>{t('consultations.late')}</p>}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error-text' : undefined}>
          {message.text}
        </p>
      )}
      {!editable && <SubmittedResponse response={response} version={version} />}
      {editable && (
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <Field
            id="response-summary"
            label={t('consultations.summary')}
            hint={t('consultations.summaryHint')}
            required
          >
            {(aria) => <textarea {...aria} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />}
          </Field>
          {version.sections.map((s) => (
            <fieldset key={s.key} className="consultation-section">
              <legend>
                {s.number} {s.heading ?? holder(s)}
              </legend>
              <p className="hint">{s.body}</p>
              {(['statement', 'proposal'] as const).map((f) => (
                <Field key={f} id={`response-${s.key}-${f}`} label={t(`consultations.${f}`)}>
                  {(aria) => (
                    <textarea
                      {...aria}
                      rows={2}
                      value={entries[s.key]![f]}
                      onChange={(e) => set(s.key, f, e.target.value)}
                    />
                  )}
                </Field>
              ))}
            </fieldset>
          ))}
          <p className="button-row">
            <button type="button" className="button" disabled={save.isPending} onClick={() => void run('save')}>
              {t('consultations.saveDraft')}
            </button>{' '}
            <button
              type="button"
              className="button button-primary"
              disabled={submit.isPending}
              onClick={() => void run('submit')}
            >
              {t('consultations.submit')}
            </button>
          </p>
          <p className="hint">{t('consultations.submitHint')}</p>
        </form>
      )}
    </>
  );
}

/** A submitted response as read: its summary, then the sections it speaks to, with any handling recorded. */
function SubmittedResponse({ response, version }: { response: ConsultationResponse; version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const holder = useHolder();
  return (
    <>
      <h2>{t('consultations.summary')}</h2>
      <p>{response.summary}</p>
      {version.sections
        .map((s) => ({ s, e: response.sections.find((x) => x.section_key === s.key) }))
        .filter(({ e }) => e !== undefined)
        .map(({ s, e }) => (
          <section key={s.key} className="consultation-section">
            <h3>
              {s.number} {s.heading ?? holder(s)}
            </h3>
            <dl className="facts">
              {e!.statement && (
                <div>
                  <dt>{t('consultations.statement')}</dt>
                  <dd>{e!.statement}</dd>
                </div>
              )}
              {e!.proposal && (
                <div>
                  <dt>{t('consultations.proposal')}</dt>
                  <dd>{e!.proposal}</dd>
                </div>
              )}
              {e!.handling && (
                <div>
                  <dt>{t('consultations.handling')}</dt>
                  <dd>
                    {t(`consultations.handlingOptions.${e!.handling}`)}
                    {e!.handling_reason ? ` – ${e!.handling_reason}` : ''}
                  </dd>
                </div>
              )}
            </dl>
          </section>
        ))}
    </>
  );
}
