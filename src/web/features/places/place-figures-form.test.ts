import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { figureErrors, validateFigure } from './place-figures-form.js';

const t = ((key: string) => key) as unknown as TFunction;

describe('the monthly figures form', () => {
  it('reads blanks as unknown and a decimal comma as a decimal point', () => {
    expect(validateFigure({ month: '2021-01', visitors: '4 200', opening_hours: '180,5' }, t).months).toEqual([
      { month: '2021-01', visitors: 4200, opening_hours: 180.5 },
    ]);
    expect(validateFigure({ month: '2021-02', visitors: '', opening_hours: '120' }, t).months).toEqual([
      { month: '2021-02', visitors: null, opening_hours: 120 },
    ]);
  });

  it('puts each problem at its field: a missing month, text for a number, more hours than a month has, nothing given', () => {
    expect(validateFigure({ month: '', visitors: 'många', opening_hours: '800' }, t).errors).toEqual({
      month: 'placeFigures.errors.month',
      visitors: 'placeFigures.errors.visitors',
      opening_hours: 'placeFigures.errors.opening_hours',
    });
    expect(validateFigure({ month: '2021-03', visitors: '', opening_hours: '' }, t).errors).toEqual({
      visitors: 'placeFigures.errors.visitors',
    });
    expect(figureErrors([{ path: 'months' }], t)).toEqual({ month: 'placeFigures.errors.month' });
  });
});
