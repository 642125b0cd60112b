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
    failed: 'The password was not changed',
    errors: {
      current: 'Enter your current password.',
      wrongCurrent: 'The current password is wrong.',
      next: 'The new password must have at least 12 and at most 128 characters.',
      weak: 'The new password is too common, too close to your e-mail address or the same as the old one.',
    },
  },
};
