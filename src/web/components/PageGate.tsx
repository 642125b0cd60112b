import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { allows } from '../features/views/access.js';
import { useSession } from '../features/auth/use-session.js';
import type { PageAccess } from '../pages.js';
import { useDocumentTitle } from './use-document-title.js';

/**
 * A page, or — for a visitor whose roles the page's policy does not include — a message that says so (and, to
 * someone not signed in, where to sign in) instead of a page whose data the API refuses.
 */
export function PageGate({ access, children }: { access: PageAccess; children: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  if (access.policy === 'public') return <>{children}</>;
  if (session.isPending)
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  if (allows(session.data, access.policy)) return <>{children}</>;
  return (
    <NoAccess
      signedIn={Boolean(session.data)}
      {...(access.title ? { title: t(access.title) } : {})}
      {...(access.noAccess ? { detail: t(access.noAccess) } : {})}
    />
  );
}

/** The access message: the page's name where known, that there is no access (and who may use it), and a way on. */
export function NoAccess({ signedIn, title, detail }: { signedIn: boolean; title?: string; detail?: string }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const heading = title ?? (signedIn ? t('access.title') : t('access.signInTitle'));
  useDocumentTitle(heading);
  return (
    <div className="page">
      <h1>{heading}</h1>
      <div className="notice notice-info" data-testid="no-access">
        {/* Who may use the page is said to the signed-in; a visitor is first asked to sign in. */}
        <p>
          <strong>{signedIn ? t('access.title') : t('access.signInTitle')}.</strong>{' '}
          {signedIn ? (detail ?? t('access.page')) : t('access.signIn')}
        </p>
        <p>
          {signedIn ? (
            <Link to="/">{t('access.home')}</Link>
          ) : (
            <Link to={`/login?next=${encodeURIComponent(pathname + search)}`}>{t('login.link')}</Link>
          )}
        </p>
      </div>
    </div>
  );
}

/** The inline message for data the API refused (403): an access message, not "something went wrong". */
export function AccessDenied() {
  const { t } = useTranslation();
  return (
    <p className="notice notice-info" data-testid="no-access">
      {t('access.data')}
    </p>
  );
}
