import { describe, expect, it } from 'vitest';
import { titleOf } from './use-document-title.js';

describe('titleOf', () => {
  it('joins the loaded parts, most specific first', () => {
    expect(titleOf('Avtal Rinkeby 2026', 'Rinkeby-Kista', 'Uppföljning')).toBe(
      'Avtal Rinkeby 2026 – Rinkeby-Kista – Uppföljning',
    );
  });
  it('leaves out parts not loaded yet', () => {
    expect(titleOf(undefined, null, 'Uppföljning', false, '')).toBe('Uppföljning');
  });
});
