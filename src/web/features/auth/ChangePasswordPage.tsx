import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PasswordChangeSchema } from '../../../domain/auth.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { Field } from '../../forms/Field.js';
import { type FieldErrors, summaryItems } from '../../forms/field-errors.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from './use-session.js';

type PasswordField = 'current_password' | 'new_password';
const INPUT_ID: Record<PasswordField, string> = { current_password: 'password-current', new_password: 'password-new' };

/** Changing one's password; the only page open (with signing out) while a one-time password is unchanged. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const errorText = useErrorText();
  const [values, setValues] = useState<Record<PasswordField, string>>({ current_password: '', new_password: '' });
  const { errors, general, summaryRef, fail } = useFormOutcome<PasswordField>();
  const [pending, setPending] = useState(false);
  const [revokedTokens, setRevokedTokens] = useState<number | null>(null);
  useDocumentTitle(t('account.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const parsed = PasswordChangeSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: FieldErrors<PasswordField> = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'current_password') fieldErrors.current_password ??= t('account.errors.current');
        if (issue.path[0] === 'new_password') fieldErrors.new_password ??= t('account.errors.next');
      }
      fail(fieldErrors, null);
      return;
    }
    setPending(true);
    try {
      const { revoked_api_tokens: revoked } = await endpoints.changePassword(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['session'] });
      // Revoked tokens break integrations: say so before leaving, so the user knows to issue new ones.
      if (revoked > 0) setRevokedTokens(revoked);
      else void navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'INVALID_CREDENTIALS')
        fail({ current_password: t('account.errors.wrongCurrent') }, null);
      else if (err instanceof ApiError && err.code === 'WEAK_PASSWORD') fail({ new_password: errorText(err) }, null);
      else fail({}, errorText(err));
    } finally {
      setPending(false);
    }
  };

  const field = (name: PasswordField, label: string, autoComplete: string, hint?: string) => (
    <Field id={INPUT_ID[name]} label={label} hint={hint} error={errors[name]}>
      {(aria) => (
        <input
          {...aria}
          type="password"
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
    </Field>
  );
  if (revokedTokens !== null) {
    return (
      <div className="page login-page">
        <h1>{t('account.changed')}</h1>
        <p role="status">{t('account.tokensRevoked', { count: revokedTokens })}</p>
        <Link to="/">{t('account.continue')}</Link>
      </div>
    );
  }
  return (
    <div className="page login-page">
      <h1>{t('account.title')}</h1>
      <p className="lead">{session.data?.must_change_password ? t('account.intro') : t('account.introVoluntary')}</p>
      <ErrorSummary
        ref={summaryRef}
        title={t('account.failed')}
        items={summaryItems(errors, ['current_password', 'new_password'], (f) => INPUT_ID[f])}
        general={general}
      />
      <form className="login-form" noValidate onSubmit={(e) => void submit(e)}>
        {field('current_password', t('account.current'), 'current-password')}
        {field('new_password', t('account.next'), 'new-password', t('account.nextHint'))}
        <SubmitButton pending={pending} pendingLabel={t('account.saving')}>
          {t('account.submit')}
        </SubmitButton>
      </form>
    </div>
  );
}
