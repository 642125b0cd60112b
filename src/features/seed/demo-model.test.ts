import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../analysis/text/redact.js';
import { DEFAULT_CATEGORIES } from '../../domain/categories.js';
import { CATEGORY_MIX, CATEGORY_PROFILE, statusFor } from './demo-model.js';
import { AFTER_HOURS, TEMPLATES } from './demo-texts.js';
import { createRng, cumulative } from './demo-rng.js';
import { festiveFactor, hourSlots, isDark, profileTables } from './demo-time.js';

const codes = DEFAULT_CATEGORIES.map((c) => c.code);

describe('demo model', () => {
  it('uses only categories of the default taxonomy, each with a time profile and texts', () => {
    for (const mix of Object.values(CATEGORY_MIX)) for (const code of Object.keys(mix)) expect(codes).toContain(code);
    for (const code of codes) {
      expect(CATEGORY_PROFILE[code], code).toBeDefined();
      expect(TEMPLATES[code]?.[0].length, code).toBeGreaterThan(0);
    }
  });

  it('writes report texts that contain no personal data', () => {
    const afterHours = Object.values(AFTER_HOURS).map((a) => a.texts);
    for (const variants of [...Object.values(TEMPLATES), afterHours]) {
      for (const text of variants.flatMap((v) => v ?? [])) expect(redactPersonalData(text).count, text).toBe(0);
    }
  });

  it('keeps recent reports open and closes old ones, always with a reason', () => {
    expect(statusFor(1, 0.1).status).toBe('new');
    expect(statusFor(100, 0.5)).toEqual({ status: 'closed', closure: 'fixed' });
    for (let u = 0; u < 1; u += 0.01) {
      const s = statusFor(10, u);
      expect(s.status === 'closed').toBe(s.closure !== null);
    }
  });
});

describe('demo randomness', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('picks by weight and never picks a zero weight', () => {
    const rng = createRng(1);
    const table = cumulative([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[rng.pick(table)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });

  it('draws standard normals', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 20_000 }, () => rng.gaussian());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(sd).toBeCloseTo(1, 1);
  });
});

describe('demo hours', () => {
  const now = new Date('2026-11-25T12:34:00Z');
  const slots = hourSlots(now, 365, 'Europe/Stockholm');

  it('covers the 365 days before now in whole hours, none in the future', () => {
    expect(slots).toHaveLength(365 * 24);
    expect(slots.at(-1)!.start + 3_600_000).toBeLessThanOrEqual(now.getTime());
    expect(slots[0]!.start).toBe(Date.UTC(2025, 10, 25, 12));
  });

  it('uses Swedish local hours across daylight saving time', () => {
    const local = (iso: string) => slots.find((s) => s.start === Date.parse(iso))!;
    expect(local('2026-01-15T22:00:00Z')).toMatchObject({ month: 1, day: 15, hour: 23 });
    expect(local('2026-07-15T22:00:00Z')).toMatchObject({ month: 7, day: 16, hour: 0, eveningWeekday: 2 });
  });

  it('boosts Valborg, midsummer eve and New Year’s Eve', () => {
    expect(festiveFactor({ month: 4, day: 30, hour: 22, eveningWeekday: 3 })).toBe(4);
    expect(festiveFactor({ month: 1, day: 1, hour: 2, eveningWeekday: 3 })).toBe(5);
    expect(festiveFactor({ month: 6, day: 19, hour: 20, eveningWeekday: 4 })).toBe(2.5);
    expect(festiveFactor({ month: 6, day: 20, hour: 1, eveningWeekday: 4 })).toBe(2.5);
    expect(festiveFactor({ month: 6, day: 18, hour: 20, eveningWeekday: 3 })).toBe(1);
  });

  it('knows that December afternoons are dark and June evenings are not', () => {
    expect(isDark(12, 16)).toBe(true);
    expect(isDark(6, 20)).toBe(false);
  });

  it('puts most night-profile weight in the evening and at night', () => {
    const table = profileTables(slots).night;
    let evening = 0;
    for (let i = 0; i < slots.length; i++) {
      const w = table[i]! - (i > 0 ? table[i - 1]! : 0);
      if (slots[i]!.hour >= 18 || slots[i]!.hour < 6) evening += w;
    }
    expect(evening / table.at(-1)!).toBeGreaterThan(0.6);
  });
});
