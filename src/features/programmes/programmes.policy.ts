import type { Principal } from '../../domain/auth.js';
import { AppError } from '../../domain/errors.js';
import { PUBLISHED_PROGRAMME_STATUSES, type ProgrammeStatus } from '../../domain/programmes.js';

/**
 * Who may see which versions. Route policies decide who may call (staff read, admins edit); this is the row
 * rule: the public reads only what the council decided (adopted, and replaced versions as history), never a
 * draft or a version out on consultation.
 */
export function readableStatuses(principal: Principal): readonly ProgrammeStatus[] | undefined {
  return principal.kind === 'user' || principal.kind === 'system' ? undefined : PUBLISHED_PROGRAMME_STATUSES;
}

/**
 * A version's text changes only while it is a draft: a version on consultation is what the statements
 * answer, and an adopted one is what the council decided. A new draft is the way to change either.
 */
export function assertDraft(status: ProgrammeStatus): void {
  if (status !== 'draft')
    throw new AppError('INVALID_TRANSITION', {
      messages: {
        sv: 'Bara ett utkast kan ändras. Skapa ett nytt utkast från den här versionen.',
        en: 'Only a draft can be edited. Create a new draft from this version.',
      },
      details: { status },
    });
}
