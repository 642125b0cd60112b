import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { RecordType } from '../domain/confidentiality.js';
import type { TierAccess } from './policy.js';

type UnitList = RawBuilder<unknown>;

/**
 * Per record type: its tier column, the units that own it (they see it at any tier) and the units it is
 * shared with (partners among them see it at tier `partner`). Written against the table alias each
 * repository uses, named in the comment; docs/confidentiality.md says the same in words.
 */
interface RecordUnits {
  tier: RawBuilder<string>;
  owners(units: UnitList): RawBuilder<SqlBool>;
  shared(units: UnitList): RawBuilder<SqlBool>;
}

const reportOwner = (reportArea: RawBuilder<unknown>, units: UnitList) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM areas oa WHERE oa.id = ${reportArea} AND oa.owner_unit_id IN (${units}))`;

export const RECORD_UNITS: Record<RecordType | 'measure_component', RecordUnits> = {
  // incidents as i: the reporting unit and the unit it is routed to (it must act on it at any tier);
  // shared with the unit it was forwarded to.
  incident: {
    tier: sql`i.confidentiality`,
    owners: (u) => sql`(i.reporting_unit_id IN (${u}) OR EXISTS (SELECT 1 FROM incident_assignments x WHERE x.incident_id = i.id AND x.unit_id IN (${u})))`,
    shared: (u) => sql`i.forwarded_to_unit_id IN (${u})`,
  },
  // problems as p: the owner unit; shared with units asked to contribute and units running measures aimed at it.
  problem: {
    tier: sql`p.confidentiality`,
    owners: (u) => sql`p.owner_unit_id IN (${u})`,
    shared: (u) => sql`(EXISTS (SELECT 1 FROM contribution_requests x WHERE x.problem_id = p.id AND x.to_unit_id IN (${u}))
      OR EXISTS (SELECT 1 FROM measure_problems mp JOIN measures xm ON xm.id = mp.measure_id WHERE mp.problem_id = p.id AND xm.responsible_unit_id IN (${u}))
      OR EXISTS (SELECT 1 FROM measure_problems mp JOIN measure_units mu ON mu.measure_id = mp.measure_id WHERE mp.problem_id = p.id AND mu.unit_id IN (${u})))`,
  },
  // measures as m: the responsible unit; shared with the contributing units.
  measure: {
    tier: sql`m.confidentiality`,
    owners: (u) => sql`m.responsible_unit_id IN (${u})`,
    shared: (u) => sql`EXISTS (SELECT 1 FROM measure_units x WHERE x.measure_id = m.id AND x.unit_id IN (${u}))`,
  },
  // measure_components (unaliased): as its measure.
  measure_component: {
    tier: sql`measure_components.confidentiality`,
    owners: (u) => sql`EXISTS (SELECT 1 FROM measures xm WHERE xm.id = measure_components.measure_id AND xm.responsible_unit_id IN (${u}))`,
    shared: (u) => sql`EXISTS (SELECT 1 FROM measure_units x WHERE x.measure_id = measure_components.measure_id AND x.unit_id IN (${u}))`,
  },
  // contribution_requests as r: both the asking and the asked unit.
  request: {
    tier: sql`r.confidentiality`,
    owners: (u) => sql`(r.from_unit_id IN (${u}) OR r.to_unit_id IN (${u}))`,
    shared: (u) => sql`(r.from_unit_id IN (${u}) OR r.to_unit_id IN (${u}))`,
  },
  // situation_reports as r: the district (owner of the report's area); shared with units taking part in its meeting.
  situation_report: {
    tier: sql`r.confidentiality`,
    owners: (u) => reportOwner(sql`r.area_id`, u),
    shared: (u) => sql`EXISTS (SELECT 1 FROM meetings xm JOIN meeting_participants x ON x.meeting_id = xm.id WHERE xm.report_id = r.id AND x.unit_id IN (${u}))`,
  },
  // meetings as m joined to their report as r: the district; shared with the participants.
  meeting: {
    tier: sql`m.confidentiality`,
    owners: (u) => reportOwner(sql`r.area_id`, u),
    shared: (u) => sql`EXISTS (SELECT 1 FROM meeting_participants x WHERE x.meeting_id = m.id AND x.unit_id IN (${u}))`,
  },
  // meeting_actions as a: the district and the assignee unit; shared with the meeting's participants.
  meeting_action: {
    tier: sql`a.confidentiality`,
    owners: (u) => sql`(a.unit_id IN (${u}) OR EXISTS (SELECT 1 FROM meetings xm JOIN situation_reports xr ON xr.id = xm.report_id JOIN areas oa ON oa.id = xr.area_id
      WHERE xm.id = a.meeting_id AND oa.owner_unit_id IN (${u})))`,
    shared: (u) => sql`EXISTS (SELECT 1 FROM meeting_participants x WHERE x.meeting_id = a.meeting_id AND x.unit_id IN (${u}))`,
  },
  // local_agreements as g: the district; shared with the partner of the agreement.
  agreement: {
    tier: sql`g.confidentiality`,
    owners: (u) => sql`g.district_unit_id IN (${u})`,
    shared: (u) => sql`g.partner_unit_id IN (${u})`,
  },
};

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * The WHERE condition that keeps the records of `type` the caller may see (policy: `tierAccess`). Use it in
 * every query that hands records to a caller: `.where(visibleTo(access, 'problem'))`.
 */
export function visibleTo(access: TierAccess, type: keyof typeof RECORD_UNITS): RawBuilder<SqlBool> {
  if (access.all) return sql<SqlBool>`TRUE`;
  const spec = RECORD_UNITS[type];
  const parts: Array<RawBuilder<SqlBool>> = [sql`${spec.tier} IN (${list(access.tiers)})`];
  if (access.ownUnitIds.length) parts.push(spec.owners(list(access.ownUnitIds)));
  if (access.partnerUnitIds.length) parts.push(sql`(${spec.tier} = 'partner' AND ${spec.shared(list(access.partnerUnitIds))})`);
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}
