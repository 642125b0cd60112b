import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitKind } from '../../../domain/org.js';
import { type ProgrammeSectionKind, type ProgrammeVersion, SECTION_KIND_ORDER } from '../../../domain/programmes.js';
import { programmeDocumentEndpoints as api } from '../../api/programme-document-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useUnitOptions } from '../views/use-reports.js';
import { useProgrammeChange } from './use-programmes.js';

const UNIT_KINDS: readonly UnitKind[] = ['district', 'specialist', 'company', 'partner'];

/** Adds a section at the end of its chapter; a responsibility names every unit of a kind, or one unit. */
export function AddSectionForm({ version }: { version: ProgrammeVersion }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const units = useUnitOptions();
  const hasGoal = version.sections.some((s) => s.kind === 'goal');
  const kinds = SECTION_KIND_ORDER.filter((k) => k !== 'goal' || !hasGoal);
  const [kind, setKind] = useState<ProgrammeSectionKind>(kinds[0]!);
  const [holder, setHolder] = useState('');
  const [heading, setHeading] = useState('');
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = useProgrammeChange(() => {
    const [holderType, holderValue] = holder.split(':');
    return api.addSection(version.id, {
      kind,
      body,
      indicator_problem_ids: [],
      ...(heading.trim() && kind !== 'responsibility' ? { heading } : {}),
      ...(kind === 'responsibility' && holderType === 'kind' ? { unit_kind: holderValue as UnitKind } : {}),
      ...(kind === 'responsibility' && holderType === 'unit' ? { unit_id: holderValue! } : {}),
    });
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    try {
      await add.mutateAsync(undefined);
      setHeading('');
      setBody('');
      setError(null);
      setMessage(t('programmes.added'));
    } catch (err) {
      setMessage(null);
      setError(errorText(err));
    }
  };
  return (
    <section className="programme-edit-section" aria-labelledby="add-section-title">
      <h2 id="add-section-title">{t('programmes.addTitle')}</h2>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <StatusMessage message={message} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="add-kind">{t('programmes.kind')}</label>
          <select id="add-kind" value={kind} onChange={(e) => setKind(e.target.value as ProgrammeSectionKind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`programmes.chapters.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {kind === 'responsibility' ? (
          <div className="field">
            <label htmlFor="add-holder">{t('programmes.holder')}</label>
            <select id="add-holder" value={holder} onChange={(e) => setHolder(e.target.value)}>
              <option value="">{t('programmes.choose')}</option>
              {UNIT_KINDS.map((k) => (
                <option key={k} value={`kind:${k}`}>
                  {t(`programmes.holderKind.${k}`)}
                </option>
              ))}
              {units.map((u) => (
                <option key={u.id} value={`unit:${u.id}`}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="add-heading">{t(kind === 'definition' ? 'programmes.term' : 'programmes.heading')}</label>
            <input id="add-heading" type="text" value={heading} onChange={(e) => setHeading(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor="add-body">{t('programmes.body')}</label>
          <textarea id="add-body" value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        <SubmitButton pending={add.isPending} pendingLabel={t('programmes.saving')} variant="secondary">
          {t('programmes.add')}
        </SubmitButton>
      </form>
    </section>
  );
}
