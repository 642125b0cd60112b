import type { Evidence } from '../../../domain/problems.js';

/**
 * How much evidence a problem rests on, for its row in a list: the linked items, and the incidents its incident
 * filters match now (null when it has no filter, so "0 incidents" is never shown for notes and documents alone).
 * Each filter counts on its own: two filters over the same incidents count them twice, as the evidence list shows.
 * @example evidenceTally([{ kind: 'note', incident_count: null }, { kind: 'incident_filter', incident_count: 12 }]) // { items: 2, incidents: 12 }
 */
export function evidenceTally(evidence: ReadonlyArray<Pick<Evidence, 'kind' | 'incident_count'>>): {
  items: number;
  incidents: number | null;
} {
  const counted = evidence.filter((e) => e.incident_count !== null);
  return {
    items: evidence.length,
    incidents: counted.length ? counted.reduce((sum, e) => sum + (e.incident_count ?? 0), 0) : null,
  };
}
