import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeSection } from '../../../domain/programmes.js';
import { programmeDocumentEndpoints as api } from '../../api/programme-document-endpoints.js';
import { programmeEndpoints } from '../../api/programme-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useSectionTitle } from './ProgrammeSections.js';
import { useProgrammeChange } from './use-programmes.js';

/** Problems with a baseline: the indicators a goal can be followed up by. */
export function useIndicatorOptions() {
  const problems = useQuery({ queryKey: ['problems', 'all'], queryFn: () => programmeEndpoints.problems() });
  return (problems.data ?? []).filter((p) => p.baseline !== null);
}

const isGoal = (s: Pick<ProgrammeSection, 'kind'>) => s.kind === 'goal' || s.kind === 'sub_goal';

/**
 * One section of a draft: its heading (a definition's term), text and, for goals, indicators; saved, moved up or
 * down within its chapter, or removed.
 */
export function SectionEditor({
  section: s,
  canUp,
  canDown,
}: {
  section: ProgrammeSection;
  canUp: boolean;
  canDown: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const title = useSectionTitle();
  const options = useIndicatorOptions();
  const [heading, setHeading] = useState(s.heading ?? '');
  const [body, setBody] = useState(s.body);
  const [indicators, setIndicators] = useState(() => s.indicators.map((i) => i.problem_id));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The section's version the form was filled from (a refetch must not move it on under unsaved text): another
  // admin's save in between makes this one a 409 with its message.
  const [base, setBase] = useState(s.version);
  const save = useProgrammeChange(() =>
    api.updateSection(
      s.id,
      {
        ...(s.kind !== 'responsibility' ? { heading: heading.trim() ? heading : null } : {}),
        body,
        ...(isGoal(s) ? { indicator_problem_ids: indicators } : {}),
      },
      base,
    ),
  );
  const remove = useProgrammeChange(() => api.removeSection(s.id, base));
  const move = useProgrammeChange((direction: 'up' | 'down') => api.moveSection(s.id, { direction }));
  const moveButtons = { up: useRef<HTMLButtonElement>(null), down: useRef<HTMLButtonElement>(null) };
  // The section's list item moves in the page, which takes the focus off its button: give it back once moved
  // (to the other button when it has reached the chapter's edge).
  const [refocus, setRefocus] = useState<'up' | 'down' | null>(null);
  useEffect(() => {
    if (!refocus) return;
    (moveButtons[refocus].current ?? moveButtons[refocus === 'up' ? 'down' : 'up'].current)?.focus();
    setRefocus(null);
  });
  const moveTo = (direction: 'up' | 'down') => {
    if (move.isPending) return;
    move.mutate(direction, {
      onSuccess: (version) => {
        setError(null);
        setMessage(t('programmes.moved', { number: version.sections.find((x) => x.id === s.id)?.number ?? '' }));
        setRefocus(direction);
      },
      onError: (err) => {
        setMessage(null);
        setError(errorText(err));
      },
    });
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    try {
      const saved = await save.mutateAsync(undefined);
      setBase(saved.sections.find((x) => x.id === s.id)?.version ?? base);
      setError(null);
      setMessage(t('programmes.saved'));
    } catch (err) {
      setMessage(null);
      setError(errorText(err));
    }
  };
  const id = `section-${s.id}`;
  return (
    <li className="programme-edit-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <span className="section-number">{s.number}</span>
        {title(s) || t(`programmes.chapters.${s.kind}`)}
      </h3>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <StatusMessage message={message} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {s.kind !== 'responsibility' && (
          <div className="field">
            <label htmlFor={`${id}-heading`}>
              {t(s.kind === 'definition' ? 'programmes.term' : 'programmes.heading')}
            </label>
            <input id={`${id}-heading`} type="text" value={heading} onChange={(e) => setHeading(e.target.value)} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-body`}>{t('programmes.body')}</label>
          <textarea id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)} />
        </div>
        {isGoal(s) && options.length > 0 && (
          <fieldset className="field">
            <legend>{t('programmes.indicatorsPick')}</legend>
            {options.map((p) => (
              <label key={p.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={indicators.includes(p.id)}
                  onChange={(e) =>
                    setIndicators((x) => (e.target.checked ? [...x, p.id] : x.filter((y) => y !== p.id)))
                  }
                />
                {p.title}
              </label>
            ))}
          </fieldset>
        )}
        <div className="button-row">
          <SubmitButton pending={save.isPending} pendingLabel={t('programmes.saving')} variant="secondary">
            {t('programmes.save')}
          </SubmitButton>
          {(['up', 'down'] as const)
            .filter((d) => (d === 'up' ? canUp : canDown))
            .map((d) => (
              <button
                key={d}
                ref={moveButtons[d]}
                type="button"
                className="button button-secondary"
                aria-disabled={move.isPending}
                onClick={() => moveTo(d)}
              >
                {t(d === 'up' ? 'programmes.moveUp' : 'programmes.moveDown', { number: s.number })}
              </button>
            ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              remove.mutate(undefined, { onError: (err) => setError(errorText(err)) });
            }}
          >
            {t('programmes.removeSection', { number: s.number })}
          </button>
        </div>
      </form>
    </li>
  );
}
