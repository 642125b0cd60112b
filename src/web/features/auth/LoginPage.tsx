import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LoginSchema } from '../../../domain/auth.js';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { useErrorText } from '../../components/QueryState.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { Field } from '../../forms/Field.js';
import { type FieldErrors, summaryItems } from '../../forms/field-errors.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { coordinatorDistrictUnit } from '../situation/own-district.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLogin, useSession } from './use-session.js';

type LoginField = 'email' | 'password';
const INPUT_ID: Record<LoginField, string> = { email: 'login-email', password: 'login-password' };

/** Only paths inside the app: `next` must not send anyone to another site after signing in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sign-in for staff and partners (residents report without an account). */
export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const login = useLogin();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, general, summaryRef, fail } = useFormOutcome<LoginField>();
  const next = safeNext(params.get('next'));
  const ssoError = params.get('error');
  const providers = useQuery({
    queryKey: ['auth-providers'],
    queryFn: () => endpoints.providers(),
    staleTime: Infinity,
  });
  useDocumentTitle(t('login.title'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (login.isPending) return;
    const parsed = LoginSchema.safeParse({ email, password });
    if (!parsed.success) {
      const fieldErrors: FieldErrors<LoginField> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'email') fieldErrors.email ??= t('login.errors.email');
        if (field === 'password') fieldErrors.password ??= t('login.errors.password');
      }
      fail(fieldErrors, null);
      return;
    }
    try {
      const me = await login.mutateAsync(parsed.data);
      // A district's coordinator starts the week with its situation picture (SituationPage finds the district).
      void navigate(next === '/' && coordinatorDistrictUnit(me) ? '/situation' : next, { replace: true });
    } catch (err) {
      // Wrong e-mail and wrong password get the same answer on purpose (no account probing).
      fail({}, err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? t('login.errors.email') : errorText(err));
    }
  };

  return (
    <div className="page login-page">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      {session.data && (
        <p className="notice notice-info">{t('login.already', { name: session.data.user.display_name })}</p>
      )}
      {ssoError && (
        <p className="notice notice-error" role="alert">
          {ssoError === 'no_account' ? t('login.ssoErrors.no_account') : t('login.ssoErrors.other')}
        </p>
      )}
      {providers.data?.oidc && (
        <>
          <p>
            <a className="button button-primary" href="/api/auth/oidc/start">
              {t('login.sso')}
            </a>
          </p>
          <p>{t('login.ssoOr')}</p>
        </>
      )}
      <ErrorSummary
        ref={summaryRef}
        title={t('login.failed')}
        items={summaryItems(errors, ['email', 'password'], (f) => INPUT_ID[f])}
        general={general}
      />
      <form className="login-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field id={INPUT_ID.email} label={t('login.email')} error={errors.email}>
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id={INPUT_ID.password} label={t('login.password')} error={errors.password}>
          {(aria) => (
            <input
              {...aria}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <SubmitButton pending={login.isPending} pendingLabel={t('login.signingIn')}>
          {t('login.submit')}
        </SubmitButton>
      </form>
    </div>
  );
}
