import type { svAccount } from './sv-account.js';
import type { Shape } from './shape.js';

export const enAccount: Shape<typeof svAccount> = {
  account: {
    title: 'Change password',
    intro: 'You signed in with a one-time password. Choose your own password before you continue.',
    introVoluntary: 'Choose a new password for your account.',
    current: 'Current password',
    next: 'New password',
    nextHint: 'At least 12 characters. A sentence of a few words is easy to remember and hard to guess.',
    submit: 'Change password',
    saving: 'Changing …',
    changed: 'Your password is changed',
    tokensRevoked_one:
      'Your API token has been revoked, since it would otherwise have outlived the old password. Issue a new one if you need it.',
    tokensRevoked_other:
      'Your {{count}} API tokens have been revoked, since they would otherwise have outlived the old password. Issue new ones if you need them.',
    continue: 'Continue',
    failed: 'The password was not changed',
    errors: {
      current: 'Enter your current password.',
      wrongCurrent: 'The current password is wrong.',
      next: 'The new password must have at least 12 and at most 128 characters.',
    },
  },
};
