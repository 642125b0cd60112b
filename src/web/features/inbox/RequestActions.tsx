import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RequestDeclineSchema,
  RequestDeliverSchema,
  REQUEST_TRANSITIONS,
  type RequestStatus,
} from '../../../domain/requests.js';
import { useErrorText } from '../../components/QueryState.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFocusIdAfterRender } from '../../components/use-focus-after-render.js';
import { type RequestAnswer, useAnswerRequest } from '../programme/use-programme.js';
import '../programme/programme.css';

type Mode = 'decline' | 'deliver' | null;

/**
 * The receiving unit answers a contribution request: accept at once, or decline with a reason / deliver
 * with a note in a small form that opens in place (native buttons and fields: keyboard works as usual).
 */
export function RequestActions({
  id,
  title,
  status,
  onAnswered,
}: {
  id: string;
  title: string;
  status: RequestStatus;
  onAnswered: (message: string) => void;
}) {
  const { t } = useTranslation();
  const answer = useAnswerRequest();
  const errorText = useErrorText();
  const [mode, setMode] = useState<Mode>(null);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const allowed = REQUEST_TRANSITIONS[status];
  const textId = `request-${id}-text`;
  const focusId = useFocusIdAfterRender();

  const send = (a: RequestAnswer) => {
    if (answer.isPending) return;
    answer.mutate(
      { id, answer: a },
      { onSuccess: (r) => onAnswered(t(`programme.inbox.answered.${r.status}`, { title })) },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed =
      mode === 'decline'
        ? RequestDeclineSchema.safeParse({ reason: text })
        : RequestDeliverSchema.safeParse({ note: text });
    if (!parsed.success) {
      setInvalid(true);
      document.getElementById(textId)?.focus();
      return;
    }
    send(mode === 'decline' ? { kind: 'decline', reason: text } : { kind: 'deliver', note: text });
  };
  const open = (m: Exclude<Mode, null>) => {
    setMode(m);
    setText('');
    setInvalid(false);
    focusId(textId);
  };

  return (
    <div className="request-actions">
      {mode === null ? (
        <div className="button-row">
          {allowed.includes('accepted') && (
            <button
              type="button"
              className="button button-primary"
              aria-disabled={answer.isPending || undefined}
              onClick={() => send({ kind: 'accept' })}
            >
              {t('programme.inbox.accept')}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
          {allowed.includes('declined') && (
            <button type="button" className="button button-secondary" onClick={() => open('decline')}>
              {t('programme.inbox.decline')}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
          {allowed.includes('delivered') && (
            <button type="button" className="button button-secondary" onClick={() => open('deliver')}>
              {t('programme.inbox.deliver')}
              <span className="visually-hidden">: {title}</span>
            </button>
          )}
        </div>
      ) : (
        <form className="request-answer-form" noValidate onSubmit={submit}>
          <Field
            id={textId}
            label={t(mode === 'decline' ? 'programme.inbox.reason' : 'programme.inbox.note')}
            error={
              invalid
                ? t(mode === 'decline' ? 'programme.inbox.reasonMissing' : 'programme.inbox.noteMissing')
                : undefined
            }
          >
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                maxLength={2000}
                value={text}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setMode(null);
                }}
              />
            )}
          </Field>
          <div className="button-row">
            <SubmitButton pending={answer.isPending} pendingLabel={t('programme.saving')}>
              {t(mode === 'decline' ? 'programme.inbox.sendDecline' : 'programme.inbox.sendDeliver')}
            </SubmitButton>
            <button type="button" className="button button-secondary" onClick={() => setMode(null)}>
              {t('programme.cancel')}
            </button>
          </div>
        </form>
      )}
      {answer.error && (
        <p className="notice notice-error" role="alert">
          {errorText(answer.error)}
        </p>
      )}
    </div>
  );
}
