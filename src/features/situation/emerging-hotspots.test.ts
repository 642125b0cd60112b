import fc from 'fast-check';
import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { neighbourhoods } from '../../analysis/stats/emerging.js';
import { gistar } from '../../analysis/stats/gistar.js';
import { giHotCells, weeklyEmerging } from './emerging-hotspots.js';

const centre = latLngToCell(59.3293, 18.0686, 9);
const cells = gridDisk(centre, 6); // 127 cells
const index = new Map(cells.map((c, i) => [c, i]));
const hoods = neighbourhoods(cells.length, (i) =>
  gridDisk(cells[i]!, 1).flatMap((c) => (index.has(c) ? [index.get(c)!] : [])),
);

describe('Gi* hot cells for the history', () => {
  it('marks exactly the cells gistar with the exact-binomial p marks hot after FDR at 0.10', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 3 }), { minLength: cells.length, maxLength: cells.length }),
        fc.nat({ max: cells.length - 1 }),
        fc.nat({ max: 12 }),
        (v, at, spike) => {
          const values = [...v];
          values[at] = values[at]! + spike;
          const reference = gistar(values, (i) => hoods[i]!, { pMethod: 'exact-binomial' }).map(
            (g) => g.z > 0 && g.pAdjusted <= 0.1,
          );
          expect(giHotCells(values, hoods)).toEqual(reference);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('weekly emerging classes', () => {
  const quiet = (t: number) => new Map(cells.filter((_, i) => (i + t) % 9 === 0).map((c) => [c, 1]));
  const busy = cells[40]!;
  it('calls a place that is busy every week persistent, and a sudden spike elsewhere new', () => {
    const history = Array.from({ length: 52 }, (_, t) => new Map([...quiet(t), [busy, 9 + (t % 3)]]));
    const spike = cells[100]!;
    const now = new Map([...quiet(52), [busy, 10], [spike, 9]]);
    const e = weeklyEmerging(now, history, cells, { from: '2025-W41', to: '2026-W40' });
    const classOf = (cell: string) => e.cells.find((c) => c.cell === cell)?.class;
    expect(classOf(busy)).toBe('persistent');
    expect(classOf(spike)).toBe('new');
    expect(e.cells[0]!.class).toBe('new');
    expect(e.counts.persistent).toBeGreaterThanOrEqual(1);
  });
  it('calls the busy place intensifying when it jumps far above its own level', () => {
    const history = Array.from({ length: 52 }, (_, t) => new Map([...quiet(t), [busy, 9 + (t % 3)]]));
    const e = weeklyEmerging(new Map([...quiet(52), [busy, 40]]), history, cells, { from: '2025-W41', to: '2026-W40' });
    expect(e.cells.find((c) => c.cell === busy)?.class).toBe('intensifying');
  });
});
