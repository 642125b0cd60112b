import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.js';
import { sv } from '../../i18n/sv.js';
import { issueMessage, issueSuggestion } from './issue-text.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { sv: { translation: sv }, en: { translation: en } },
    lng: 'sv',
    interpolation: { escapeValue: false },
  });
});

describe('import issues in the page language', () => {
  it('says an issue with the value it found in Swedish, not the server’s English', () => {
    const t = i18n.getFixedT('sv');
    const issue = {
      code: 'invalid_date',
      message: "'igår' is not a date",
      params: { value: 'igår' },
      suggestion: 'use 2026-11-25T18:00+01:00, 2026-11-25 18:00, 2026-11-25 or 25/11/2026',
    };
    expect(issueMessage(t, issue)).toBe('”igår” är inget datum.');
    expect(issueSuggestion(t, issue)).toMatch(/^Skriv till exempel/);
    expect(issueMessage(i18n.getFixedT('en'), issue)).toBe('“igår” is not a date.');
  });

  it('says an issue without values, and a duplicate with its row and distances', () => {
    const t = i18n.getFixedT('sv');
    expect(issueMessage(t, { code: 'in_future', message: 'the time is in the future' })).toBe(
      'Tiden ligger i framtiden.',
    );
    expect(
      issueMessage(t, {
        code: 'duplicate_near_in_file',
        message: 'same category within 25 m and 10 minutes of row 4',
        params: { row: 4, metres: 25, minutes: 10 },
      }),
    ).toBe('Samma kategori inom 25 m och 10 minuter från rad 4.');
    expect(issueSuggestion(t, { code: 'in_future', message: 'x' })).toBe('');
  });

  it('falls back to the server’s message for a code it does not know', () => {
    const t = i18n.getFixedT('sv');
    expect(issueMessage(t, { code: 'brand_new', message: 'something new' })).toBe('something new');
  });
});
