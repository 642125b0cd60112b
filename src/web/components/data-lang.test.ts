import { describe, expect, it } from 'vitest';
import { dataLangProps } from './data-lang.js';

describe('dataLangProps', () => {
  it('marks Swedish data inside an English page', () => {
    expect(dataLangProps('en')).toEqual({ lang: 'sv' });
    expect(dataLangProps('en-GB')).toEqual({ lang: 'sv' });
  });
  it('adds nothing inside a Swedish page', () => {
    expect(dataLangProps('sv')).toEqual({});
    expect(dataLangProps('sv-SE')).toEqual({});
  });
});
