import {
  type AliasableExpression,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SelectQueryBuilder,
  type SelectType,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../db/schema.js';
import type { Confidentiality, RecordType } from '../domain/confidentiality.js';
import type { TierAccess } from './policy.js';

/** The table of each kind of record that has a confidentiality tier. */
interface RecordTables {
  incident: 'incidents';
  problem: 'problems';
  measure: 'measures';
  measure_component: 'measure_components';
  request: 'contribution_requests';
  situation_report: 'situation_reports';
  meeting: 'meetings';
  meeting_action: 'meeting_actions';
  agreement: 'local_agreements';
}
export type VisibleRecord = keyof RecordTables & (RecordType | 'measure_component');

/** A column of the record's row, under whatever name the caller's query gives the table. */
type Row<T extends keyof Database> = <C extends keyof Database[T] & string>(
  column: C,
) => RawBuilder<SelectType<Database[T][C]>>;
type Builder = ExpressionBuilder<Database, never>;
type Units = readonly string[];

/**
 * Per record type: the units that own it (they see it at any tier) and the units it is shared with (partners
 * among them see it at tier `partner`). docs/confidentiality.md says the same in words.
 */
type RecordUnits = {
  [K in VisibleRecord]: {
    owners(eb: Builder, row: Row<RecordTables[K]>, units: Units): Expression<SqlBool>;
    shared(eb: Builder, row: Row<RecordTables[K]>, units: Units): Expression<SqlBool>;
  };
};

const exists = <DB, TB extends keyof DB>(eb: Builder, query: SelectQueryBuilder<DB, TB, object>) =>
  eb.exists(query.select((s) => s.lit(1).as('one')));

/** The district: the unit owning the area of a situation report. */
const ownsArea = (eb: Builder, area: Expression<string | null>, units: Units) =>
  exists(eb, eb.selectFrom('areas as oa').where('oa.id', '=', area).where('oa.owner_unit_id', 'in', units));

const RECORD_UNITS: RecordUnits = {
  // The reporting unit and the units it is routed to (they must act on it at any tier); shared with the unit it was forwarded to.
  incident: {
    owners: (eb, row, u) =>
      eb.or([
        eb(row('reporting_unit_id'), 'in', u),
        exists(
          eb,
          eb.selectFrom('incident_assignments as x').where('x.incident_id', '=', row('id')).where('x.unit_id', 'in', u),
        ),
      ]),
    shared: (eb, row, u) => eb(row('forwarded_to_unit_id'), 'in', u),
  },
  // The owner unit; shared with units asked to contribute and units running measures aimed at it.
  problem: {
    owners: (eb, row, u) => eb(row('owner_unit_id'), 'in', u),
    shared: (eb, row, u) =>
      eb.or([
        exists(
          eb,
          eb
            .selectFrom('contribution_requests as x')
            .where('x.problem_id', '=', row('id'))
            .where('x.to_unit_id', 'in', u),
        ),
        exists(
          eb,
          eb
            .selectFrom('measure_problems as mp')
            .innerJoin('measures as xm', 'xm.id', 'mp.measure_id')
            .where('mp.problem_id', '=', row('id'))
            .where('xm.responsible_unit_id', 'in', u),
        ),
        exists(
          eb,
          eb
            .selectFrom('measure_problems as mp')
            .innerJoin('measure_units as mu', 'mu.measure_id', 'mp.measure_id')
            .where('mp.problem_id', '=', row('id'))
            .where('mu.unit_id', 'in', u),
        ),
      ]),
  },
  // The responsible unit; shared with the contributing units.
  measure: {
    owners: (eb, row, u) => eb(row('responsible_unit_id'), 'in', u),
    shared: (eb, row, u) =>
      exists(eb, eb.selectFrom('measure_units as x').where('x.measure_id', '=', row('id')).where('x.unit_id', 'in', u)),
  },
  // As its measure.
  measure_component: {
    owners: (eb, row, u) =>
      exists(
        eb,
        eb.selectFrom('measures as xm').where('xm.id', '=', row('measure_id')).where('xm.responsible_unit_id', 'in', u),
      ),
    shared: (eb, row, u) =>
      exists(
        eb,
        eb.selectFrom('measure_units as x').where('x.measure_id', '=', row('measure_id')).where('x.unit_id', 'in', u),
      ),
  },
  // Both the asking and the asked unit.
  request: {
    owners: (eb, row, u) => eb.or([eb(row('from_unit_id'), 'in', u), eb(row('to_unit_id'), 'in', u)]),
    shared: (eb, row, u) => eb.or([eb(row('from_unit_id'), 'in', u), eb(row('to_unit_id'), 'in', u)]),
  },
  // The district (owner of the report's area); shared with units taking part in its meeting.
  situation_report: {
    owners: (eb, row, u) => ownsArea(eb, row('area_id'), u),
    shared: (eb, row, u) =>
      exists(
        eb,
        eb
          .selectFrom('meetings as xm')
          .innerJoin('meeting_participants as x', 'x.meeting_id', 'xm.id')
          .where('xm.report_id', '=', row('id'))
          .where('x.unit_id', 'in', u),
      ),
  },
  // The district of its report; shared with the participants.
  meeting: {
    owners: (eb, row, u) =>
      exists(
        eb,
        eb
          .selectFrom('situation_reports as xr')
          .innerJoin('areas as oa', 'oa.id', 'xr.area_id')
          .where('xr.id', '=', row('report_id'))
          .where('oa.owner_unit_id', 'in', u),
      ),
    shared: (eb, row, u) =>
      exists(
        eb,
        eb.selectFrom('meeting_participants as x').where('x.meeting_id', '=', row('id')).where('x.unit_id', 'in', u),
      ),
  },
  // The district and the assignee unit; shared with the meeting's participants.
  meeting_action: {
    owners: (eb, row, u) =>
      eb.or([
        eb(row('unit_id'), 'in', u),
        exists(
          eb,
          eb
            .selectFrom('meetings as xm')
            .innerJoin('situation_reports as xr', 'xr.id', 'xm.report_id')
            .innerJoin('areas as oa', 'oa.id', 'xr.area_id')
            .where('xm.id', '=', row('meeting_id'))
            .where('oa.owner_unit_id', 'in', u),
        ),
      ]),
    shared: (eb, row, u) =>
      exists(
        eb,
        eb
          .selectFrom('meeting_participants as x')
          .where('x.meeting_id', '=', row('meeting_id'))
          .where('x.unit_id', 'in', u),
      ),
  },
  // The district; shared with the partner of the agreement.
  agreement: {
    owners: (eb, row, u) => eb(row('district_unit_id'), 'in', u),
    shared: (eb, row, u) => eb(row('partner_unit_id'), 'in', u),
  },
};

/**
 * The condition that keeps the records of `kind` the caller may see (policy: `tierAccess`), for the table that
 * the query names `table` (its alias, or its own name). Use it in every query that hands records to a caller:
 * `.where(visibleTo(access, 'problem', 'p'))`; the caller's query must have that table in scope.
 */
export function visibleTo<K extends VisibleRecord, A extends string>(access: TierAccess, kind: K, table: A) {
  return <DB extends { [_ in A]: Database[RecordTables[K]] }, TB extends keyof DB>(
    outer: ExpressionBuilder<DB, TB>,
  ): AliasableExpression<SqlBool> => {
    // The rules name their own tables and reach the caller's row only through `row`, so they are written
    // against the schema alone, whatever else the caller's query joins.
    const eb = outer as unknown as Builder;
    if (access.all) return eb.lit<SqlBool>(true);
    const row: Row<RecordTables[K]> = (column) => sql.ref(`${table}.${column}`);
    const rule = RECORD_UNITS[kind];
    const tier = sql.ref<Confidentiality>(`${table}.confidentiality`);
    const parts: Array<Expression<SqlBool>> = [eb(tier, 'in', access.tiers)];
    if (access.ownUnitIds.length) parts.push(rule.owners(eb, row, access.ownUnitIds));
    if (access.partnerUnitIds.length)
      parts.push(eb.and([eb(tier, '=', sql.lit('partner')), rule.shared(eb, row, access.partnerUnitIds)]));
    return eb.or(parts);
  };
}
