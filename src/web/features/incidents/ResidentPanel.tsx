import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentSide } from '../../../domain/public-reports.js';
import { ApiError } from '../../api/client.js';
import { residentEndpoints } from '../../api/resident-endpoints.js';
import { useErrorText } from '../../components/QueryState.js';
import { useFormat } from '../../components/use-format.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useReplyToReporter } from './use-resident.js';

const REPLY_MAX_LENGTH = 2000;

/**
 * The resident's side of a report on the staff incident page: the photo they sent, the replies written to
 * them so far and, for those who work the incident, the field to write one ("Svar till den som anmälde").
 */
export function ResidentPanel({ incidentId, side, works }: { incidentId: string; side: ResidentSide; works: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const reply = useReplyToReporter(incidentId);
  const [text, setText] = useState('');
  const { errors, general, saved, summaryRef, fail, succeed, edited } = useFormOutcome<'body'>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (reply.isPending) return;
    const body = text.trim();
    if (!body) return fail({ body: t('resident.staff.replyRequired') }, null);
    if (body.length > REPLY_MAX_LENGTH) return fail({ body: t('resident.staff.replyTooLong') }, null);
    try {
      await reply.mutateAsync(body);
      setText('');
      succeed(t('resident.staff.replySent'));
    } catch (err) {
      const issue = err instanceof ApiError ? err.fieldIssues.find((i) => i.path === 'body') : undefined;
      fail(issue ? { body: errorText(err) } : {}, issue ? null : errorText(err));
    }
  };

  return (
    <section className="resident-panel" aria-labelledby="resident-panel-title">
      <h2 id="resident-panel-title">{t('resident.staff.heading')}</h2>
      {side.photo && (
        <figure className="report-photo-figure">
          <a href={residentEndpoints.staffPhotoUrl(incidentId, 'full')} aria-label={t('resident.photo.open')}>
            <img
              className="report-photo"
              src={residentEndpoints.staffPhotoUrl(incidentId, 'thumb')}
              alt={t('resident.staff.photoAlt')}
            />
          </a>
          <figcaption>{t('resident.staff.photo')}</figcaption>
        </figure>
      )}
      <h3>{t('resident.staff.replies')}</h3>
      {side.updates.length === 0 ? (
        <p className="hint">{t('resident.staff.noReplies')}</p>
      ) : (
        <ul className="public-updates" data-testid="staff-replies">
          {side.updates.map((u) => (
            <li key={u.id}>
              <time dateTime={u.created_at}>{format.dateTime(u.created_at)}</time>
              <p lang="sv">{u.body}</p>
            </li>
          ))}
        </ul>
      )}
      {works && (
        <>
          <ErrorSummary
            ref={summaryRef}
            title={t('resident.staff.summaryTitle')}
            intro={t('resident.staff.summaryIntro')}
            items={errors.body ? [{ inputId: 'resident-reply', message: errors.body }] : []}
            titleId="resident-reply-summary-title"
            general={general}
          />
          <form className="resident-reply-form" noValidate onSubmit={(e) => void submit(e)}>
            <Field
              id="resident-reply"
              label={t('resident.staff.replyLabel')}
              hint={t('resident.staff.replyHint')}
              error={errors.body}
            >
              {(aria) => (
                <textarea
                  {...aria}
                  rows={4}
                  value={text}
                  maxLength={REPLY_MAX_LENGTH}
                  onChange={(e) => {
                    setText(e.target.value);
                    edited('body');
                  }}
                />
              )}
            </Field>
            <SubmitButton pending={reply.isPending} pendingLabel={t('resident.staff.replySending')}>
              {t('resident.staff.replySubmit')}
            </SubmitButton>
            <p className="status-saved" role="status">
              {saved && <span className="notice notice-success">{saved}</span>}
            </p>
          </form>
        </>
      )}
    </section>
  );
}
