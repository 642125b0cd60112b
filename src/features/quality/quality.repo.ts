import type { TierAccess } from '../../core/policy.js';
import { visibleTo } from '../../core/visibility.repo.js';
import type { Db } from '../../core/context.js';

/**
 * Everything the quality checks look at, for one organisation, in a handful of queries. A district's
 * geography is the areas it owns directly or as the parent district of a neighbourhood. Every record is
 * read, since the checks count them all; `visible` says whether `access` may see the record itself.
 */
export async function loadProgrammeFacts(db: Db, organisationId: string, access: TierAccess) {
  const [problems, evidence, links, measures, followups, requests, agreements] = await Promise.all([
    db
      .selectFrom('problems as p')
      .innerJoin('units as u', 'u.id', 'p.owner_unit_id')
      .leftJoin('areas as a', 'a.id', 'p.area_id')
      .leftJoin('areas as parent', 'parent.id', 'a.parent_id')
      .select([
        'p.id',
        'p.title',
        'p.owner_unit_id',
        'u.name as unit_name',
        'p.area_id',
        'a.owner_unit_id as area_owner',
        'parent.owner_unit_id as parent_owner',
        'p.baseline_value',
        'p.target_value',
        'p.indicator_direction',
        'p.created_at',
        (eb) => visibleTo(access, 'problem', 'p')(eb).as('visible'),
      ])
      .where('p.organisation_id', '=', organisationId)
      .orderBy('p.created_at')
      .execute(),
    db
      .selectFrom('problem_evidence as e')
      .innerJoin('problems as p', 'p.id', 'e.problem_id')
      .select(['e.problem_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.organisation_id', '=', organisationId)
      .groupBy('e.problem_id')
      .execute(),
    db
      .selectFrom('measure_problems as mp')
      .innerJoin('measures as m', 'm.id', 'mp.measure_id')
      .select(['mp.measure_id', 'mp.problem_id'])
      .where('m.organisation_id', '=', organisationId)
      .execute(),
    db
      .selectFrom('measures as m')
      .innerJoin('units as u', 'u.id', 'm.responsible_unit_id')
      .select([
        'm.id',
        'm.title',
        'm.status',
        'm.responsible_unit_id',
        'u.name as unit_name',
        'm.period_start',
        'm.period_end',
        'm.created_at',
        (eb) => visibleTo(access, 'measure', 'm')(eb).as('visible'),
      ])
      .where('m.organisation_id', '=', organisationId)
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('measure_followups as f')
      .innerJoin('measures as m', 'm.id', 'f.measure_id')
      .select([
        'f.id',
        'f.measure_id',
        'f.due_date',
        'f.recorded_at',
        'f.indicator_problem_id',
        'f.indicator_value',
        'f.baseline_value',
        'f.assessment',
      ])
      .where('m.organisation_id', '=', organisationId)
      .orderBy('f.due_date')
      .execute(),
    db
      .selectFrom('contribution_requests as r')
      .innerJoin('units as f', 'f.id', 'r.from_unit_id')
      .innerJoin('units as t', 't.id', 'r.to_unit_id')
      .select([
        'r.id',
        'r.what',
        'r.problem_id',
        'r.from_unit_id',
        'f.name as from_name',
        'r.to_unit_id',
        't.name as to_name',
        'r.due_date',
        'r.status',
        'r.answered_at',
        'r.created_at',
        (eb) => visibleTo(access, 'request', 'r')(eb).as('visible'),
      ])
      .where('r.organisation_id', '=', organisationId)
      .orderBy('r.due_date')
      .execute(),
    db
      .selectFrom('local_agreements as g')
      .innerJoin('units as d', 'd.id', 'g.district_unit_id')
      .select([
        'g.id',
        'g.title',
        'g.district_unit_id',
        'd.name as district_name',
        'g.partner_unit_id',
        'g.period_start',
        'g.period_end',
        'g.last_review',
        (eb) => visibleTo(access, 'agreement', 'g')(eb).as('visible'),
      ])
      .where('g.organisation_id', '=', organisationId)
      .orderBy('g.period_start')
      .execute(),
  ]);
  return { problems, evidence, links, measures, followups, requests, agreements };
}
export type ProgrammeFacts = Awaited<ReturnType<typeof loadProgrammeFacts>>;
