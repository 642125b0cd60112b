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
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLogin, useSession } from './use-session.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';

type Field = 'email' | 'password';
const INPUT_ID: Record<Field, string> = { email: 'login-email', password: 'login-password' };

/** Only paths inside the app: `next` must not send anyone to another site after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
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
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [summaryRef, focusSummary] = useFocusAfterRender<HTMLDivElement>();
  const next = safeNext(params.get('next'));
  const ssoError = params.get('error');
  const providers = useQuery({ queryKey: ['auth-providers'], queryFn: () => endpoints.providers(), staleTime: Infinity });
  useDocumentTitle(t('login.title'));

  const fail = (fieldErrors: Partial<Record<Field, string>>, message: string | null) => {
    setErrors(fieldErrors);
    setGeneral(message);
    focusSummary();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (login.isPending) return;
    const parsed = LoginSchema.safeParse({ email, password });
    if (!parsed.success) {
      const fieldErrors: Partial<Record<Field, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'email') fieldErrors.email ??= t('login.errors.email');
        if (field === 'password') fieldErrors.password ??= t('login.errors.password');
      }
      fail(fieldErrors, null);
      return;
    }
    try {
      await login.mutateAsync(parsed.data);
      void navigate(next, { replace: true });
    } catch (err) {
      // Wrong e-mail and wrong password get the same answer on purpose (no account probing).
      fail({}, err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? t('login.errors.email') : errorText(err));
    }
  };

  const items = (['email', 'password'] as const).flatMap((f) => (errors[f] ? [{ inputId: INPUT_ID[f], message: errors[f] }] : []));
  return (
    <div className="page login-page">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.intro')}</p>
      {session.data && <p className="notice notice-info">{t('login.already', { name: session.data.user.display_name })}</p>}
      {ssoError && (
        <p className="notice notice-error" role="alert">
          {ssoError === 'no_account' ? t('login.ssoErrors.no_account') : t('login.ssoErrors.other')}
        </p>
      )}
      {providers.data?.oidc && (
        <>
          <p><a className="button button-primary" href="/api/auth/oidc/start">{t('login.sso')}</a></p>
          <p>{t('login.ssoOr')}</p>
        </>
      )}
      <ErrorSummary ref={summaryRef} title={t('login.failed')} items={items} general={general} />
      <form className="login-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className={`field ${errors.email ? 'has-error' : ''}`}>
          <label htmlFor="login-email">{t('login.email')}</label>
          {errors.email && <p id="login-email-error" className="field-error">{errors.email}</p>}
          <input
            id="login-email"
            type="email"
            autoComplete="username"
            value={email}
            aria-invalid={errors.email ? true : undefined}
            {...(errors.email ? { 'aria-describedby': 'login-email-error' } : {})}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className={`field ${errors.password ? 'has-error' : ''}`}>
          <label htmlFor="login-password">{t('login.password')}</label>
          {errors.password && <p id="login-password-error" className="field-error">{errors.password}</p>}
          <input
            id="login-password"
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={errors.password ? true : undefined}
            {...(errors.password ? { 'aria-describedby': 'login-password-error' } : {})}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <SubmitButton pending={login.isPending} pendingLabel={t('login.signingIn')}>{t('login.submit')}</SubmitButton>
      </form>
    </div>
  );
}
