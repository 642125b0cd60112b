import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { AccessDenied } from './PageGate.js';

interface Props {
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
  children?: ReactNode;
}

/** The error text for an API error in the current language. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === 'NETWORK') return t('errors.NETWORK');
      const lang = i18n.language === 'en' ? 'en' : 'sv';
      return error.messages?.[lang] ?? error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}

/** The API's 403 for want of a role or a row right (not a stale CSRF token or a password to change). */
export function isAccessDenied(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'FORBIDDEN';
}

/** Loading and error states of a query; renders children once there is data. A refusal is an access message. */
/** What a page says for a record that does not exist or that the reader may not see. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <p className="notice notice-info" role="alert" data-testid="not-found">
      {t('access.notFound')}
    </p>
  );
}

export function QueryState({ isPending, error, onRetry, children }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (isAccessDenied(error)) return <AccessDenied />;
  // A record one may not see answers 404 like one that does not exist: say so plainly, not "something went wrong".
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  if (error) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{t('common.error', { message: errorText(error) })}</p>
        {onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    );
  }
  if (isPending) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  return <>{children}</>;
}
