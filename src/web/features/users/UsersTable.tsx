import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../domain/users.js';

interface Props {
  users: readonly UserSummary[];
  selfId: string | undefined;
  /** The account whose deactivation waits for confirmation. */
  confirming: string | null;
  onEdit: (user: UserSummary) => void;
  onAskDeactivate: (user: UserSummary) => void;
  onConfirmDeactivate: (user: UserSummary) => void;
  onCancelDeactivate: () => void;
  onReactivate: (user: UserSummary) => void;
}

/** The accounts: name and e-mail, roles per unit, how they sign in, whether active, and the changes to make. */
export function UsersTable(props: Props) {
  const { users, selfId, confirming } = props;
  const { t } = useTranslation();
  const signIn = (u: UserSummary) =>
    !u.password_sign_in ? t('users.sso') : u.must_change_password ? t('users.passwordPending') : t('users.password');
  return (
    <div className="table-wrap" role="region" aria-labelledby="users-caption" tabIndex={0}>
      <table className="data-table users-table">
        <caption id="users-caption" className="visually-hidden">
          {t('users.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('users.colUser')}</th>
            <th scope="col">{t('users.colRoles')}</th>
            <th scope="col">{t('users.colSignIn')}</th>
            <th scope="col">{t('users.colStatus')}</th>
            <th scope="col">{t('users.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user={u.email} className={u.disabled ? 'muted-row' : undefined}>
              <th scope="row">
                {u.display_name}
                <br />
                <span className="muted">{u.email}</span>
              </th>
              <td>
                <ul className="plain-list">
                  {u.memberships.map((m) => (
                    <li key={m.unit_id}>
                      {m.unit_name}: {t(`roles.${m.role}`)}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{signIn(u)}</td>
              <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
              <td className="actions-cell">
                {confirming === u.id ? (
                  <div className="confirm-box" role="group" aria-labelledby={`confirm-${u.id}`}>
                    <p id={`confirm-${u.id}`} tabIndex={-1}>
                      {t('users.confirmDeactivate', { name: u.display_name })}
                    </p>
                    <button type="button" className="button button-danger" onClick={() => props.onConfirmDeactivate(u)}>
                      {t('users.confirmYes')}
                    </button>{' '}
                    <button type="button" className="button button-secondary" onClick={props.onCancelDeactivate}>
                      {t('users.cancel')}
                    </button>
                  </div>
                ) : (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button button-secondary"
                      aria-label={t('users.editRoles', { name: u.display_name })}
                      onClick={() => props.onEdit(u)}
                    >
                      {t('users.editRolesShort')}
                    </button>
                    {u.disabled ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t('users.reactivateNamed', { name: u.display_name })}
                        onClick={() => props.onReactivate(u)}
                      >
                        {t('users.reactivate')}
                      </button>
                    ) : (
                      u.id !== selfId && (
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={t('users.deactivateNamed', { name: u.display_name })}
                          onClick={() => props.onAskDeactivate(u)}
                        >
                          {t('users.deactivate')}
                        </button>
                      )
                    )}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
