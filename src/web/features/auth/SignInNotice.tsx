import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** Where single incidents would be: they are shown to signed-in staff and partners only. */
export function SignInNotice() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  return (
    <p className="notice notice-info sign-in-notice">
      {t('login.incidentsHidden')}{' '}
      <Link to={`/login?next=${encodeURIComponent(pathname + search)}`}>{t('login.link')}</Link>
    </p>
  );
}
