import type { ProgrammeFacts } from './quality.repo.js';

/** Which unit's work a report covers: everything (null), a unit's own, or a district's own plus its geography. */
export interface Scope {
  kind: 'city' | 'district' | 'unit';
  unitId: string | null;
}

/**
 * The slice of the programme a scope covers. A unit: the problems it owns, the measures it is responsible
 * for, the requests it sent or received. A district: also every problem in its areas, the measures aimed
 * at those, and the requests about them. A district's agreements are its own; a unit's, those it is party to.
 */
export function scopeFacts(facts: ProgrammeFacts, scope: Scope): ProgrammeFacts {
  if (scope.kind === 'city' || !scope.unitId) return facts;
  const unit = scope.unitId;
  const inGeography = (p: ProgrammeFacts['problems'][number]) =>
    scope.kind === 'district' && (p.area_owner === unit || p.parent_owner === unit);
  const problems = facts.problems.filter((p) => p.owner_unit_id === unit || inGeography(p));
  const problemIds = new Set(problems.map((p) => p.id));
  const measures = facts.measures.filter(
    (m) =>
      m.responsible_unit_id === unit ||
      (scope.kind === 'district' && facts.links.some((l) => l.measure_id === m.id && problemIds.has(l.problem_id))),
  );
  const measureIds = new Set(measures.map((m) => m.id));
  return {
    problems,
    evidence: facts.evidence.filter((e) => problemIds.has(e.problem_id)),
    // Every link of a scoped problem stays, so "problem with no measure" counts other units' measures too.
    links: facts.links.filter((l) => problemIds.has(l.problem_id) || measureIds.has(l.measure_id)),
    measures,
    followups: facts.followups.filter((f) => measureIds.has(f.measure_id)),
    requests: facts.requests.filter(
      (r) =>
        r.from_unit_id === unit || r.to_unit_id === unit || (scope.kind === 'district' && problemIds.has(r.problem_id)),
    ),
    agreements: facts.agreements.filter(
      (g) => g.district_unit_id === unit || (scope.kind === 'unit' && g.partner_unit_id === unit),
    ),
  };
}
