import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../domain/users.js';
import { useUnits } from '../../api/use-reference-data.js';
import { QueryState, useErrorText } from '../../components/QueryState.js';
import { StatusMessage } from '../../components/StatusMessage.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../auth/use-session.js';
import { allows } from '../views/access.js';
import { InviteUserForm } from './InviteUserForm.js';
import { MembershipsEditor } from './MembershipsEditor.js';
import { UsersTable } from './UsersTable.js';
import { useSetUserActive, useUsers } from './use-users.js';

/** "Användare och roller" for admins: invite, roles per unit, deactivate and reactivate; every change audited. */
export function UsersPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const allowed = allows(session.data, 'users:manage');
  const users = useUsers(allowed);
  const units = useUnits();
  const setActive = useSetUserActive();
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useDocumentTitle(t('users.title'));

  // The editor replaces nothing on screen: focus goes to its heading, and back to the list when it closes.
  useEffect(() => {
    if (editing) document.getElementById('memberships-title')?.focus();
  }, [editing]);

  // The question replaces the row's buttons: it takes the focus, so the keyboard is where the answer is.
  useEffect(() => {
    if (confirming) document.getElementById(`confirm-${confirming}`)?.focus();
  }, [confirming]);

  const changeActive = async (u: UserSummary, disabled: boolean) => {
    setConfirming(null);
    setFailure(null);
    try {
      await setActive.mutateAsync({ id: u.id, disabled });
      setMessage(t(disabled ? 'users.deactivated' : 'users.reactivated', { name: u.display_name }));
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  return (
    <div className="page users-page">
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.intro')}</p>
      <InviteUserForm units={units} />
      {editing && (
        <MembershipsEditor
          key={editing.id}
          user={editing}
          units={units}
          onDone={(saved) => {
            setEditing(null);
            setMessage(saved);
            document.getElementById('users-title')?.focus();
          }}
        />
      )}
      <section className="section" aria-labelledby="users-title">
        <h2 id="users-title" tabIndex={-1}>
          {t('users.listTitle')}
        </h2>
        <StatusMessage message={message} />
        {failure && (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()}>
          <UsersTable
            users={users.data ?? []}
            selfId={session.data?.user.id}
            confirming={confirming}
            onEdit={(u) => {
              setMessage(null);
              setEditing(u);
            }}
            onAskDeactivate={(u) => setConfirming(u.id)}
            onConfirmDeactivate={(u) => void changeActive(u, true)}
            onCancelDeactivate={() => setConfirming(null)}
            onReactivate={(u) => void changeActive(u, false)}
          />
        </QueryState>
      </section>
    </div>
  );
}
