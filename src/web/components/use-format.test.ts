import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatters } from './use-format.js';

const ZONES = ['Europe/Stockholm', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Australia/Lord_Howe', 'UTC'];

describe('formatters', () => {
  it('reads an instant on the organisation’s clock, not the browser’s', () => {
    const instant = '2026-12-01T12:00:00Z';
    expect(formatters('sv', 'Europe/Stockholm').dateTime(instant)).toBe('2026-12-01 13:00');
    expect(formatters('sv', 'Pacific/Kiritimati').dateTime(instant)).toBe('2026-12-02 02:00');
    expect(formatters('sv', 'Pacific/Pago_Pago').dateTime(instant)).toBe('2026-12-01 01:00');
  });

  it('shows a calendar day as that day in every zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...ZONES),
        (d, zone) => {
          const day = d.toISOString().slice(0, 10);
          const reference = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'UTC' });
          const expected = reference.format(new Date(`${day}T00:00:00Z`));
          expect(formatters('sv', zone).day(day)).toBe(expected);
        },
      ),
    );
    expect(formatters('sv', 'Pacific/Kiritimati').longDay('2026-01-01')).toBe('1 januari 2026');
  });
});
