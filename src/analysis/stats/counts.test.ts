import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeek } from '../../domain/calendar/index.js';
import { countBy } from './counts.js';

describe('countBy', () => {
  const incidents = [
    { category: 'vandalism', area: 'A', at: '2026-11-16T08:00:00Z' },
    { category: 'vandalism', area: 'A', at: '2026-11-22T23:30:00Z' }, // Monday of W48 in Stockholm
    { category: 'vandalism', area: 'B', at: '2026-11-17T08:00:00Z' },
    { category: 'litter', area: 'A', at: '2026-11-18T08:00:00Z' },
    { category: 'litter', area: null, at: '2026-11-18T09:00:00Z' },
  ];

  it('counts category × area × week and leaves out records without a key', () => {
    const t = countBy(incidents, {
      category: (i) => i.category,
      area: (i) => i.area,
      week: (i) => isoWeek(i.at, 'Europe/Stockholm'),
    });
    expect(t.rows).toEqual([
      { key: { category: 'litter', area: 'A', week: '2026-W47' }, count: 1 },
      { key: { category: 'vandalism', area: 'A', week: '2026-W47' }, count: 1 },
      { key: { category: 'vandalism', area: 'A', week: '2026-W48' }, count: 1 },
      { key: { category: 'vandalism', area: 'B', week: '2026-W47' }, count: 1 },
    ]);
    expect(t.total).toBe(4);
    expect(t.skipped).toBe(1);
    expect(t.get({ category: 'litter', area: 'B', week: '2026-W47' })).toBe(0);
  });

  it('agrees with counting by hand for any records', () => {
    const rec = fc.record({
      a: fc.constantFrom('x', 'y', 'z'),
      b: fc.option(fc.constantFrom('1', '2'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(rec, { maxLength: 60 }), (records) => {
        const t = countBy(records, { a: (r) => r.a, b: (r) => r.b });
        expect(t.rows.reduce((s, r) => s + r.count, 0)).toBe(t.total);
        expect(t.total + t.skipped).toBe(records.length);
        for (const a of ['x', 'y', 'z'])
          for (const b of ['1', '2']) {
            expect(t.get({ a, b })).toBe(records.filter((r) => r.a === a && r.b === b).length);
          }
      }),
    );
  });
});
