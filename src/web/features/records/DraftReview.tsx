import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Ground, OSL_GROUNDS } from '../../../domain/osl-grounds.js';
import { MASKED } from '../../../domain/records.js';
import { RELEASE_FREE_TEXT_FIELDS, type ReleaseDraft, type ReviewMark } from '../../../domain/release-review.js';
import { ApiError, type ApiFile } from '../../api/client.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { Field } from '../../forms/Field.js';
import { useDiscard, useDraft, useRelease, useReview } from './use-records.js';

type Record = ReleaseDraft['records'][number];

/** The field's text with its marks shown in place: brackets and a line style per state, not colour alone. */
function MarkedText({ text, marks }: { text: string; marks: readonly ReviewMark[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={m.id} className={`review-mark review-${m.decision ?? 'open'}`}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  parts.push(text.slice(at));
  return <p className="review-text">{parts}</p>;
}

function GroundSelect({
  id,
  value,
  onChange,
  disabled,
}: {
  id: string;
  value: Ground;
  onChange: (g: Ground) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'sv';
  return (
    <Field id={id} label={t('records.review.ground')}>
      {(aria) => (
        <select {...aria} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Ground)}>
          {OSL_GROUNDS.map((g) => (
            <option key={g.code} value={g.code}>{`${g.ref} – ${g[lang]}`}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** One mark: mask (with a ground) or approve, as radio buttons a keyboard reaches; an officer's own mask can be undone. */
function MarkControl({
  mark,
  onDecide,
  onRemove,
  busy,
}: {
  mark: ReviewMark;
  onDecide: (decision: 'mask' | 'approve', ground?: Ground) => void;
  onRemove: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const ground = mark.ground ?? 'osl-21-7';
  const state =
    mark.decision === null
      ? t('records.review.undecided')
      : mark.decision === 'mask'
        ? t('records.review.masked')
        : t('records.review.approved');
  return (
    <li className={`review-item review-item-${mark.decision ?? 'open'}`} id={`mark-${mark.id}`}>
      <fieldset disabled={busy}>
        <legend>
          <span className="review-kind">{t(`records.review.kinds.${mark.kind}`)}</span>{' '}
          <q className={`review-mark review-${mark.decision ?? 'open'}`}>{mark.text}</q>{' '}
          <span className="review-state">({state})</span>
        </legend>
        {mark.origin === 'automatic' && <p className="hint">{t('records.review.automatic')}</p>}
        <div className="radio-row">
          <label>
            <input
              type="radio"
              name={`decision-${mark.id}`}
              checked={mark.decision === 'mask'}
              onChange={() => onDecide('mask', ground)}
            />{' '}
            {t('records.review.mask')}
          </label>
          {mark.origin === 'suggested' && (
            <label>
              <input
                type="radio"
                name={`decision-${mark.id}`}
                checked={mark.decision === 'approve'}
                onChange={() => onDecide('approve')}
              />{' '}
              {t('records.review.approve')}
            </label>
          )}
        </div>
        {mark.decision === 'mask' && (
          <GroundSelect id={`ground-${mark.id}`} value={ground} onChange={(g) => onDecide('mask', g)} />
        )}
        {mark.origin === 'officer' && (
          <button type="button" className="button button-secondary" onClick={onRemove}>
            {t('records.review.remove')}
          </button>
        )}
      </fieldset>
    </li>
  );
}

/** Masks a passage the finder did not offer: typed as it stands in the field (its first occurrence), under a ground. */
function OwnMask({
  record,
  index,
  onAdd,
  busy,
}: {
  record: Record;
  index: number;
  onAdd: (field: string, phrase: string, ground: Ground) => string | null;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const fields = RELEASE_FREE_TEXT_FIELDS.filter(
    (f) => typeof record.fields[f] === 'string' && record.fields[f] !== MASKED && !record.masked.includes(f),
  );
  const [field, setField] = useState(fields[0] ?? '');
  const [phrase, setPhrase] = useState('');
  const [ground, setGround] = useState<Ground>('osl-21-7');
  const [error, setError] = useState<string | null>(null);
  if (!fields.length) return null;
  const id = `own-${index}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = onAdd(field, phrase, ground);
    setError(problem);
    if (!problem) setPhrase('');
  };
  return (
    <form className="review-own" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('records.review.ownTitle')}</h4>
      <div className="release-fields">
        <Field id={`${id}-field`} label={t('records.review.ownField')}>
          {(aria) => (
            <select {...aria} value={field} onChange={(e) => setField(e.target.value)}>
              {fields.map((f) => (
                <option key={f} value={f}>
                  {t(`records.fields.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-phrase`} label={t('records.review.ownPhrase')} error={error ?? undefined}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              autoComplete="off"
              value={phrase}
              onChange={(e) => setPhrase(e.target.value)}
            />
          )}
        </Field>
        <GroundSelect id={`${id}-ground`} value={ground} onChange={setGround} />
      </div>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t('records.review.ownSubmit')}
      </button>
    </form>
  );
}

/**
 * The review of a draft release (sekretessprövning): every record's free text with the candidate personal
 * data marked, a mask/approve control for each, the officer's own masks, and the release — refused by the
 * server until every mark is decided.
 */
export function DraftReview({ id, onDone }: { id: string; onDone: (file: ApiFile | null) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const draft = useDraft(id);
  const review = useReview(id);
  const release = useRelease();
  const discard = useDiscard();
  const [problem, setProblem] = useState<string | null>(null);
  const [alertRef, focusAlert] = useFocusAfterRender<HTMLDivElement>();

  const fail = (message: string) => {
    setProblem(message);
    focusAlert();
  };
  const send = (body: Parameters<typeof review.mutate>[0]) =>
    review.mutate(body, { onSuccess: () => setProblem(null), onError: (e) => fail(errorText(e)) });

  const d = draft.data;
  const doRelease = async () => {
    if (!d) return;
    try {
      onDone(await release.mutateAsync(d));
    } catch (err) {
      fail(
        err instanceof ApiError && err.code === 'REVIEW_INCOMPLETE'
          ? t('records.review.incomplete', { count: d.undecided })
          : errorText(err),
      );
    }
  };
  const doDiscard = async () => {
    await discard.mutateAsync(id).catch(() => undefined);
    onDone(null);
  };
  const add = (record: Record, field: string, phrase: string, ground: Ground): string | null => {
    const text = String(record.fields[field] ?? '');
    const start = phrase ? text.indexOf(phrase) : -1;
    if (start < 0) return t('records.review.ownNotFound');
    send({ add: [{ record_id: record.id, field, start, end: start + phrase.length, ground }] });
    return null;
  };

  return (
    <section className="release-panel draft-review" aria-labelledby="draft-title">
      <QueryState isPending={draft.isPending} error={draft.error} onRetry={() => void draft.refetch()}>
        {d && (
          <>
            <h2 id="draft-title">{t('records.review.title', { ref: d.request_ref })}</h2>
            <p>
              {t('records.review.intro', {
                recipient: d.recipient,
                count: d.records.length,
                type: t(`records.types.${d.record_type}`),
              })}
            </p>
            <p className="hint">{t('records.review.legend')}</p>
            <div ref={alertRef} tabIndex={-1} className={problem ? 'error-summary' : undefined} role="alert">
              {problem && <p>{problem}</p>}
            </div>
            <p role="status" className="review-progress" data-testid="review-progress">
              {t('records.review.progress', { count: d.undecided, total: d.marks.length })}
            </p>
            <ol className="review-records">
              {d.records.map((r, i) => {
                const marks = d.marks.filter((m) => m.record_id === r.id);
                const fields = RELEASE_FREE_TEXT_FIELDS.filter((f) => typeof r.fields[f] === 'string');
                return (
                  <li key={r.id} className="review-record">
                    <h3>
                      {t('records.review.record', {
                        n: i + 1,
                        total: d.records.length,
                        type: t(`records.types.${d.record_type}`),
                      })}
                    </h3>
                    {fields.map((f) => {
                      const own = marks.filter((m) => m.field === f);
                      return (
                        <div key={f} className="review-field">
                          <h4>{t(`records.fields.${f}`)}</h4>
                          <MarkedText text={String(r.fields[f])} marks={own} />
                          {own.length > 0 && (
                            <ul
                              className="review-items"
                              aria-label={t('records.review.marksOf', { field: t(`records.fields.${f}`) })}
                            >
                              {own.map((m) => (
                                <MarkControl
                                  key={m.id}
                                  mark={m}
                                  busy={review.isPending}
                                  onDecide={(decision, ground) =>
                                    send({ decisions: [{ id: m.id, decision, ...(ground ? { ground } : {}) }] })
                                  }
                                  onRemove={() => send({ remove: [m.id] })}
                                />
                              ))}
                            </ul>
                          )}
                        </div>
                      );
                    })}
                    <OwnMask record={r} index={i} busy={review.isPending} onAdd={(f, p, g) => add(r, f, p, g)} />
                  </li>
                );
              })}
            </ol>
            <div className="button-row">
              <button type="button" className="button" onClick={() => void doRelease()} disabled={release.isPending}>
                {t('records.submit')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => void doDiscard()}>
                {t('records.review.discard')}
              </button>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
