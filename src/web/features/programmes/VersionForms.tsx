import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_TRANSITIONS, type ProgrammeStatus, type ProgrammeVersion } from '../../../domain/programmes.js';
import { programmeDocumentEndpoints as api } from '../../api/programme-document-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useProgrammeChange } from './use-programmes.js';

/** Runs a change; says saved, or shows the server's reason (a 409 or 400 in words). */
function useOutcome() {
  const errorText = useErrorText();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>, saved: string) => {
    try {
      await work();
      setError(null);
      setMessage(saved);
    } catch (err) {
      setMessage(null);
      setError(errorText(err));
    }
  };
  const view = (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <StatusMessage message={message} />
    </>
  );
  return { run, view };
}

/** A draft's title and period. */
export function VersionFieldsForm({ version: v }: { version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(v.title);
  const [from, setFrom] = useState(String(v.period_from));
  const [to, setTo] = useState(String(v.period_to));
  const save = useProgrammeChange(() => api.update(v.id, { title, period_from: Number(from), period_to: Number(to) }));
  const { run, view } = useOutcome();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!save.isPending) void run(() => save.mutateAsync(undefined), t('programmes.saved'));
  };
  return (
    <section className="programme-edit-section" aria-labelledby="version-fields-title">
      <h2 id="version-fields-title">{t('programmes.versionFields')}</h2>
      {view}
      <form noValidate onSubmit={submit}>
        <div className="field">
          <label htmlFor="version-title">{t('programmes.draftName')}</label>
          <input id="version-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="compare-fields">
          <div className="field">
            <label htmlFor="version-from">{t('programmes.periodFrom')}</label>
            <input
              id="version-from"
              type="text"
              inputMode="numeric"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="version-to">{t('programmes.periodTo')}</label>
            <input id="version-to" type="text" inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </div>
        <SubmitButton pending={save.isPending} pendingLabel={t('programmes.saving')} variant="secondary">
          {t('programmes.save')}
        </SubmitButton>
      </form>
    </section>
  );
}

/** Moves the version on: only the moves the state machine allows are offered (the server refuses any other). */
export function StatusForm({ version: v }: { version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const moves = PROGRAMME_TRANSITIONS[v.status];
  const [status, setStatus] = useState<ProgrammeStatus | ''>('');
  const [decisionRef, setDecisionRef] = useState('');
  const [adoptedOn, setAdoptedOn] = useState('');
  const change = useProgrammeChange(() =>
    api.changeStatus(v.id, {
      status: status as ProgrammeStatus,
      ...(status === 'adopted' ? { decision_ref: decisionRef, adopted_on: adoptedOn } : {}),
    }),
  );
  const { run, view } = useOutcome();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (change.isPending || !status) return;
    void run(
      () => change.mutateAsync(undefined),
      t('programmes.statusChanged', { status: t(`programmes.status.${status}`) }),
    );
  };
  return (
    <section className="programme-edit-section" aria-labelledby="status-form-title">
      <h2 id="status-form-title">{t('programmes.statusTitle')}</h2>
      <p>{t('programmes.statusIntro', { status: t(`programmes.status.${v.status}`) })}</p>
      {view}
      {moves.length === 0 ? (
        <p className="empty">{t('programmes.noMoves')}</p>
      ) : (
        <form noValidate onSubmit={submit}>
          <div className="field">
            <label htmlFor="version-status">{t('programmes.newStatus')}</label>
            <select id="version-status" value={status} onChange={(e) => setStatus(e.target.value as ProgrammeStatus)}>
              <option value="">{t('programmes.choose')}</option>
              {moves.map((m) => (
                <option key={m} value={m}>
                  {t(`programmes.status.${m}`)}
                </option>
              ))}
            </select>
          </div>
          {status === 'adopted' && (
            <div className="compare-fields">
              <div className="field">
                <label htmlFor="decision-ref">{t('programmes.decisionRef')}</label>
                <span id="decision-ref-hint" className="hint">
                  {t('programmes.decisionRefHint')}
                </span>
                <input
                  id="decision-ref"
                  type="text"
                  aria-describedby="decision-ref-hint"
                  value={decisionRef}
                  onChange={(e) => setDecisionRef(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="adopted-on">{t('programmes.adoptedOn')}</label>
                <input id="adopted-on" type="date" value={adoptedOn} onChange={(e) => setAdoptedOn(e.target.value)} />
              </div>
            </div>
          )}
          <SubmitButton pending={change.isPending} pendingLabel={t('programmes.saving')}>
            {t('programmes.changeStatus')}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
