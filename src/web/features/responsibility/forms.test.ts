import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { levelState, validateLevel } from './level-form.js';
import { blankRule, ruleErrors, ruleInputId, ruleState, validateRule } from './rule-form.js';

const t = ((key: string) => key) as unknown as TFunction;
const UNIT = '11111111-1111-4111-8111-111111111111';

describe('matrix rule form', () => {
  it('sends what the schema accepts: a unit only with the target "unit", blank category as every category', () => {
    expect(validateRule({ ...blankRule(), place_type: 'park', target: 'district', unit_id: UNIT }, t).input).toEqual({
      place_type: 'park',
      category: null,
      target: 'district',
      unit_id: null,
    });
    expect(
      validateRule(
        { place_type: 'park', category: 'klotter', target: 'unit', unit_id: UNIT, note: '  Parkförvaltningen ' },
        t,
      ).input,
    ).toEqual({ place_type: 'park', category: 'klotter', target: 'unit', unit_id: UNIT, note: 'Parkförvaltningen' });
  });

  it('names each missing field, the unit only when a named unit is chosen', () => {
    expect(validateRule(blankRule(), t).errors).toEqual({
      place_type: 'responsibility.errors.place_type',
      target: 'responsibility.errors.target',
    });
    expect(validateRule({ ...blankRule(), place_type: 'park', target: 'unit' }, t).errors).toEqual({
      unit_id: 'responsibility.errors.unit_id',
    });
    expect(ruleInputId('target')).toBe('rule-target-unit');
    expect(ruleInputId('unit_id')).toBe('rule-unit-id');
  });

  it("shows the API's codes for a unit or category that is gone as their own text", () => {
    expect(
      ruleErrors(
        [
          { field: 'unit_id', code: 'unknown_unit' },
          { field: 'category', code: 'unknown_category' },
        ],
        t,
      ),
    ).toEqual({ unit_id: 'responsibility.errors.unknown_unit', category: 'responsibility.errors.unknown_category' });
  });

  it('fills in an existing rule, with blanks for every category and no unit', () => {
    expect(
      ruleState({ id: UNIT, place_type: 'square', category: null, target: 'district', unit: null, note: null }),
    ).toEqual({ place_type: 'square', category: '', target: 'district', unit_id: '', note: '' });
  });
});

describe('service level form', () => {
  const levels = [{ category: 'klotter', hours: 24, rule: 'Klotter tas bort inom 24 timmar.' }];

  it('starts from the category’s current rule', () => {
    expect(levelState('klotter', levels)).toEqual({
      category: 'klotter',
      hours: '24',
      rule: 'Klotter tas bort inom 24 timmar.',
    });
    expect(levelState('nedskrapning', levels)).toEqual({ category: 'nedskrapning', hours: '', rule: '' });
  });

  it('accepts whole hours from 1 to 8760 and a rule; names each problem', () => {
    expect(validateLevel({ category: 'klotter', hours: ' 48 ', rule: 'Inom två dygn.' }, t).input).toEqual({
      category: 'klotter',
      body: { hours: 48, rule: 'Inom två dygn.' },
    });
    expect(validateLevel({ category: '', hours: '1,5', rule: ' ' }, t).errors).toEqual({
      category: 'serviceLevels.errors.category',
      hours: 'serviceLevels.errors.hours',
      rule: 'serviceLevels.errors.rule',
    });
    expect(validateLevel({ category: 'klotter', hours: '8761', rule: 'x' }, t).errors).toEqual({
      hours: 'serviceLevels.errors.hours',
    });
    expect(validateLevel({ category: 'klotter', hours: '0', rule: 'x' }, t).errors).toEqual({
      hours: 'serviceLevels.errors.hours',
    });
  });
});
