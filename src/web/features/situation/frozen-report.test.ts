import { describe, expect, it } from 'vitest';
import type { SituationReport } from '../../../domain/situation.js';
import { asConfirmed, frozenGaps } from './frozen-report.js';

type Row = SituationReport['neighbourhoods'][number];
type Confirmed = Row['rating']['confirmed'];

const confirmation = (level: 1 | 2 | 3 | 4, at: string): Confirmed => ({ level, comment: null, by: 'a@b.se', at });

function row(code: string, count: number, proposed: 1 | 2 | 3 | 4, confirmed: Confirmed): Row {
  return {
    code,
    name: code,
    count,
    rating: { proposed, score: count, reasons: [], confirmed, previous_week_confirmed: null },
  } as unknown as Row;
}

/** The parts of a report these functions read; the rest is never touched. */
function report(rows: Row[], extra: Partial<SituationReport> = {}): SituationReport {
  return {
    week: '2026-W48',
    neighbourhoods: rows,
    hotspots: { cells: [] },
    emerging: { cells: [] },
    ...extra,
  } as unknown as SituationReport;
}

describe('a frozen report with its ratings as confirmed', () => {
  it('keeps the frozen figures and proposals and takes each confirmation made since', () => {
    const frozen = report([row('hogdalen', 7, 2, null), row('ragsved', 3, 1, confirmation(1, '2026-11-30T08:00:00Z'))]);
    const current = report([
      row('hogdalen', 9, 3, confirmation(3, '2026-12-01T09:30:00Z')),
      row('ragsved', 4, 1, confirmation(2, '2026-12-01T09:31:00Z')),
    ]);
    const shown = asConfirmed(frozen, current);
    expect(shown.neighbourhoods.map((n) => [n.count, n.rating.proposed, n.rating.confirmed?.level])).toEqual([
      [7, 2, 3],
      [3, 1, 2],
    ]);
    // The frozen report itself is left as it was.
    expect(frozen.neighbourhoods[0]!.rating.confirmed).toBeNull();
  });

  it('leaves a stadsdel unconfirmed when nobody has confirmed it', () => {
    const frozen = report([row('hogdalen', 7, 2, null)]);
    expect(asConfirmed(frozen, report([row('hogdalen', 8, 2, null)])).neighbourhoods[0]!.rating.confirmed).toBeNull();
  });
});

describe('what an older frozen report lacks', () => {
  it('names the missing comparison with the place’s own weeks and unnamed hotspots', () => {
    const old = report([], { emerging: undefined, hotspots: { cells: [{ cell: 'x' }] } as never });
    expect(frozenGaps(old)).toEqual(['emerging', 'hotspotNames']);
  });

  it('finds nothing missing in a report frozen today', () => {
    const place = {
      neighbourhood: 'Högdalen',
      near: null,
      near_kind: null,
      own_incidents: true,
      text_sv: 'x',
      text_en: 'x',
    };
    expect(frozenGaps(report([], { hotspots: { cells: [{ cell: 'x', place }] } as never }))).toEqual([]);
  });
});
