import { describe, expect, it } from 'vitest';
import { evidenceTally } from './evidence-tally.js';

describe('evidence tally of a problem row', () => {
  it('counts the linked items and sums the incidents their filters match', () => {
    expect(
      evidenceTally([
        { kind: 'incident_filter', incident_count: 12 },
        { kind: 'note', incident_count: null },
        { kind: 'incident_filter', incident_count: 0 },
        { kind: 'hotspot', incident_count: null },
      ]),
    ).toEqual({ items: 4, incidents: 12 });
  });

  it('has no incident figure without a filter, and nothing at all without evidence', () => {
    expect(evidenceTally([{ kind: 'document', incident_count: null }])).toEqual({ items: 1, incidents: null });
    expect(evidenceTally([])).toEqual({ items: 0, incidents: null });
  });
});
