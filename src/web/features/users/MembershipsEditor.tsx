import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../domain/users.js';
import { useErrorText } from '../../components/QueryState.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { type MembershipDraft, RoleFields } from './RoleFields.js';
import { useUpdateMemberships } from './use-users.js';

interface Props {
  user: UserSummary;
  units: ReadonlyArray<{ id: string; name: string }>;
  onDone: (message: string | null) => void;
}

/** An account's roles per unit, edited as a whole set: change a role, add a unit, remove one. */
export function MembershipsEditor({ user, units, onDone }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useUpdateMemberships();
  const { errors, general, summaryRef, fail } = useFormOutcome<string>();
  const [rows, setRows] = useState<MembershipDraft[]>(() =>
    user.memberships.map((m) => ({ unit_id: m.unit_id, role: m.role })),
  );
  const rowId = (i: number) => `membership-${i}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (update.isPending) return;
    const fieldErrors: Record<string, string> = {};
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!r.unit_id) fieldErrors[`${i}`] = t('users.errors.unit');
      else if (seen.has(r.unit_id)) fieldErrors[`${i}`] = t('users.errors.duplicateUnit');
      seen.add(r.unit_id);
    });
    if (rows.length === 0) {
      fail({}, t('users.errors.memberships'));
      return;
    }
    if (Object.keys(fieldErrors).length) {
      fail(fieldErrors, null);
      return;
    }
    try {
      await update.mutateAsync({ id: user.id, body: { memberships: rows } });
      onDone(t('users.saved', { name: user.display_name }));
    } catch (err) {
      fail({}, errorText(err));
    }
  };

  return (
    <section className="section memberships-editor" aria-labelledby="memberships-title">
      <h2 id="memberships-title" tabIndex={-1}>
        {t('users.rolesFor', { name: user.display_name })}
      </h2>
      <p className="hint">{t('users.rolesHint')}</p>
      <ErrorSummary
        ref={summaryRef}
        title={t('users.saveFailed')}
        titleId="memberships-error-title"
        items={rows.flatMap((_, i) => {
          const message = errors[`${i}`];
          return message ? [{ inputId: `${rowId(i)}-unit`, message }] : [];
        })}
        general={general}
      />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {rows.map((row, i) => (
          <fieldset key={rowId(i)} className="membership-row">
            <legend>{t('users.membership', { n: i + 1 })}</legend>
            <RoleFields
              idPrefix={rowId(i)}
              value={row}
              units={units}
              unitError={errors[`${i}`]}
              onChange={(m) => setRows((rs) => rs.map((r, j) => (j === i ? m : r)))}
            />
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('users.removeMembership', { n: i + 1 })}
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
            >
              {t('users.remove')}
            </button>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setRows((rs) => [...rs, { unit_id: '', role: 'unit_editor' }])}
          >
            {t('users.addUnit')}
          </button>
        </p>
        <div className="form-actions">
          <SubmitButton pending={update.isPending} pendingLabel={t('users.saving')}>
            {t('users.save')}
          </SubmitButton>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('users.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
