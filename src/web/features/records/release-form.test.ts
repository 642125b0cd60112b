import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { emptyReleaseForm, serverReleaseErrors, validateRelease } from './release-form.js';

const t = ((key: string, o?: Record<string, unknown>) =>
  o ? `${key} ${JSON.stringify(o)}` : key) as unknown as TFunction;
const ID = '11111111-1111-4111-8111-111111111111';
const UNIT = '22222222-2222-4222-8222-222222222222';
const filled = { ...emptyReleaseForm(), request_ref: 'KS 2026/1', recipient: 'Ekot' };

describe('the release form', () => {
  it('sends ids typed one a line or comma-separated, with the default format', () => {
    expect(validateRelease({ ...filled, ids: `${ID},\n ${ID}\n` }, t)).toEqual({
      errors: null,
      input: { request_ref: 'KS 2026/1', recipient: 'Ekot', type: 'problem', ids: [ID, ID], format: 'xlsx' },
    });
  });

  it('sends a filter of only the parts filled in; an empty filter asks for every record of the type', () => {
    expect(validateRelease({ ...filled, by: 'filter', unit_id: UNIT, to: ' 2026-06-30 ' }, t).input).toMatchObject({
      filter: { unit_id: UNIT, to: '2026-06-30' },
    });
    expect(validateRelease({ ...filled, by: 'filter', ids: ID }, t).input).toMatchObject({ filter: {} });
    expect(validateRelease({ ...filled, by: 'filter', ids: ID }, t).input).not.toHaveProperty('ids');
  });

  it('puts each schema issue on its field: no ids, a bad id, a bad date, missing reference and recipient', () => {
    expect(validateRelease(emptyReleaseForm(), t).errors).toEqual({
      request_ref: 'records.errors.request_ref',
      recipient: 'records.errors.recipient',
      ids: 'records.errors.ids',
    });
    expect(validateRelease({ ...filled, ids: `${ID} nope` }, t).errors).toEqual({ ids: 'records.errors.ids' });
    expect(validateRelease({ ...filled, by: 'filter', from: '2026-13-01', to: '1800-01-01' }, t).errors).toEqual({
      from: 'records.errors.from',
      to: 'records.errors.to',
    });
  });

  it('names the ids the API did not find', () => {
    const errors = serverReleaseErrors(
      [{ path: 'ids', code: 'unknown_record', message: 'no such problem', value: ID }],
      t,
    );
    expect(errors.ids).toBe(`records.errors.unknownIds {"ids":"${ID}"}`);
    expect(serverReleaseErrors([{ path: 'filter', code: 'too_many', message: 'more than 5000' }], t)).toEqual({});
  });
});
