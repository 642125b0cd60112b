import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { DisclosureMenu } from '../../components/DisclosureMenu.js';
import { useLogout, useSession } from './use-session.js';

/**
 * "Logga in" for visitors; for a signed-in user a button with their name that shows their e-mail, "Byt lösenord"
 * (for an account with a password) and "Logga ut".
 */
export function SessionMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();

  if (session.isPending) return null;
  if (!session.data) {
    if (pathname === '/login') return null;
    return (
      <Link className="session-link" to={`/login?next=${encodeURIComponent(pathname + search)}`}>
        {t('login.link')}
      </Link>
    );
  }
  const { user } = session.data;
  return (
    <DisclosureMenu label={user.display_name} labelPrefix={t('login.account')} className="session-menu">
      {/* The button may cut a long name; the open panel always shows it whole. */}
      <p className="session-name">{user.display_name}</p>
      <p className="session-email">{user.email}</p>
      {session.data.password_sign_in !== false && (
        <Link className="session-link" to="/account/password">
          {t('session.changePassword')}
        </Link>
      )}
      <button
        type="button"
        className="session-link"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
      >
        {t('login.logout')}
      </button>
    </DisclosureMenu>
  );
}
