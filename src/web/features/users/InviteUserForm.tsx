import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmailSchema } from '../../../domain/auth.js';
import { useErrorText } from '../../components/QueryState.js';
import { ErrorSummary } from '../../forms/ErrorSummary.js';
import { Field } from '../../forms/Field.js';
import { type FieldErrors, summaryItems } from '../../forms/field-errors.js';
import { RadioGroup } from '../../forms/RadioGroup.js';
import { SubmitButton } from '../../forms/SubmitButton.js';
import { useFormOutcome } from '../../forms/use-form-outcome.js';
import { useFocusAfterRender } from '../../components/use-focus-after-render.js';
import { type MembershipDraft, RoleFields } from './RoleFields.js';
import { useInviteUser, useSsoAvailable } from './use-users.js';

type InviteField = 'display_name' | 'email' | 'unit';
const INPUT_ID: Record<InviteField, string> = {
  display_name: 'invite-name',
  email: 'invite-email',
  unit: 'invite-unit',
};

/** Inviting an account: name, e-mail, a first role, and (with single sign-on) how it signs in. */
export function InviteUserForm({ units }: { units: ReadonlyArray<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sso = useSsoAvailable();
  const invite = useInviteUser();
  const { errors, general, summaryRef, fail, succeed, edited } = useFormOutcome<InviteField>();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [membership, setMembership] = useState<MembershipDraft>({ unit_id: '', role: 'unit_editor' });
  const [signIn, setSignIn] = useState<'password' | 'sso'>('password');
  const [created, setCreated] = useState<{ name: string; password: string | null } | null>(null);
  const [createdRef, focusCreated] = useFocusAfterRender<HTMLDivElement>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (invite.isPending) return;
    const fieldErrors: FieldErrors<InviteField> = {};
    if (!name.trim()) fieldErrors.display_name = t('users.errors.name');
    const parsedEmail = EmailSchema.safeParse(email);
    if (!parsedEmail.success) fieldErrors.email = t('users.errors.email');
    if (!membership.unit_id) fieldErrors.unit = t('users.errors.unit');
    if (Object.keys(fieldErrors).length > 0 || !parsedEmail.success) {
      fail(fieldErrors, null);
      return;
    }
    try {
      const result = await invite.mutateAsync({
        email: parsedEmail.data,
        display_name: name.trim(),
        memberships: [membership],
        ...(sso && signIn === 'sso' ? { sso_only: true } : {}),
      });
      succeed();
      setCreated({ name: name.trim(), password: result.password });
      setName('');
      setEmail('');
      setMembership({ unit_id: '', role: 'unit_editor' });
      focusCreated();
    } catch (err) {
      setCreated(null);
      fail({}, errorText(err));
    }
  };

  return (
    <section className="section" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('users.inviteTitle')}</h2>
      {created && (
        <div ref={createdRef} tabIndex={-1} className="notice notice-success one-time-password" data-testid="invited">
          <p>
            {created.password
              ? t('users.invited', { name: created.name })
              : t('users.invitedSso', { name: created.name })}
          </p>
          {created.password && (
            <>
              <p>
                {t('users.oneTimePassword')}: <code data-testid="one-time-password">{created.password}</code>
              </p>
              <p className="hint">{t('users.oneTimeHint', { name: created.name })}</p>
            </>
          )}
        </div>
      )}
      <ErrorSummary
        ref={summaryRef}
        title={t('users.inviteFailed')}
        titleId="invite-error-title"
        items={summaryItems(errors, ['display_name', 'email', 'unit'], (f) => INPUT_ID[f])}
        general={general}
      />
      <form className="stacked-form invite-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field id={INPUT_ID.display_name} label={t('users.name')} error={errors.display_name} required>
          {(aria) => (
            <input
              {...aria}
              autoComplete="off"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                edited('display_name');
              }}
            />
          )}
        </Field>
        <Field id={INPUT_ID.email} label={t('users.email')} error={errors.email} required>
          {(aria) => (
            <input
              {...aria}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                edited('email');
              }}
            />
          )}
        </Field>
        <RoleFields
          idPrefix="invite"
          value={membership}
          units={units}
          unitError={errors.unit}
          onChange={(m) => {
            setMembership(m);
            edited('unit');
          }}
        />
        {sso && (
          <RadioGroup
            name="invite-sign-in"
            legend={t('users.signIn')}
            value={signIn}
            options={[
              { value: 'password', label: t('users.oneTime') },
              { value: 'sso', label: t('users.ssoOnly') },
            ]}
            onChange={setSignIn}
          />
        )}
        <SubmitButton pending={invite.isPending} pendingLabel={t('users.inviting')}>
          {t('users.invite')}
        </SubmitButton>
      </form>
    </section>
  );
}
