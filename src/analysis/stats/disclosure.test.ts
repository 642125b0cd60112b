import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_PUBLIC_RESOLUTION,
  MIN_PUBLIC_COUNT,
  publicCount,
  publicResolution,
  publicWindow,
  suppressSmallCells,
} from './disclosure.js';

const SE = 'Europe/Stockholm';

describe('public aggregates', () => {
  it('publishes 0 and counts from k on, withholds 1..k-1', () => {
    expect(MIN_PUBLIC_COUNT).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6, 120].map((n) => publicCount(n))).toEqual([0, null, null, null, null, 5, 6, 120]);
    expect(
      suppressSmallCells([
        { cell: 'a', count: 1 },
        { cell: 'b', count: 4 },
        { cell: 'c', count: 5 },
        { cell: 'd', count: 17 },
      ]),
    ).toEqual([
      { cell: 'c', count: 5 },
      { cell: 'd', count: 17 },
    ]);
  });

  it('never publishes a cell or a figure with a count in 1..k-1, and keeps every other unchanged', () => {
    const cells = fc.array(fc.record({ cell: fc.string(), count: fc.nat({ max: 50 }) }), { maxLength: 80 });
    fc.assert(
      fc.property(cells, fc.integer({ min: 2, max: 20 }), (xs, k) => {
        const shown = suppressSmallCells(xs, k);
        expect(shown.every((c) => c.count >= k)).toBe(true);
        expect(shown).toEqual(xs.filter((c) => c.count >= k));
        for (const c of xs) {
          const p = publicCount(c.count, k);
          expect(p === null ? c.count >= 1 && c.count < k : p === c.count && (p === 0 || p >= k)).toBe(true);
        }
      }),
    );
  });

  it('caps the H3 resolution at 8', () => {
    expect(MAX_PUBLIC_RESOLUTION).toBe(8);
    expect([7, 8, 9, 10].map(publicResolution)).toEqual([7, 8, 8, 8]);
  });

  it('widens a window to whole weeks in Swedish time', () => {
    // Wednesday 25 Nov 2026, 14:37 in Stockholm → Monday 23 Nov 00:00; Thursday 3 Dec → Monday 7 Dec 00:00.
    expect(publicWindow({ from: '2026-11-25T13:37:00Z', to: '2026-12-03T08:01:00Z' }, SE)).toEqual({
      from: '2026-11-22T23:00:00.000Z',
      to: '2026-12-06T23:00:00.000Z',
    });
    // A Monday midnight is already a week's edge; summer time (UTC+2) is respected.
    expect(publicWindow({ to: '2026-12-06T23:00:00Z' }, SE)).toEqual({ to: '2026-12-06T23:00:00.000Z' });
    expect(publicWindow({ from: '2026-06-17T10:00:00+02:00' }, SE)).toEqual({ from: '2026-06-14T22:00:00.000Z' });
    expect(publicWindow({}, SE)).toEqual({});
  });

  it('gives the same window for any two instants of the same weeks', () => {
    const weekStart = Date.parse('2026-11-22T23:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 * 86_400_000 - 1 }),
        fc.integer({ min: 0, max: 7 * 86_400_000 - 1 }),
        (a, b) => {
          const at = (ms: number) => new Date(weekStart + ms).toISOString();
          expect(publicWindow({ from: at(a) }, SE)).toEqual(publicWindow({ from: at(b) }, SE));
          expect(publicWindow({ to: at(a + 1) }, SE)).toEqual({ to: '2026-11-29T23:00:00.000Z' });
        },
      ),
    );
  });
});
