import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useLogout, useSession } from './use-session.js';

/** "Logga in" for visitors; the user's name and "Logga ut" when signed in. */
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
  return (
    <div className="session-menu">
      <span className="session-name" title={session.data.user.email}>{session.data.user.display_name}</span>
      <button
        type="button"
        className="session-link"
        onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/') })}
      >
        {t('login.logout')}
      </button>
    </div>
  );
}
