import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext } from '../../core/context.js';
import { localDay, today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import {
  type CoordinationState,
  CoordinationStateSchema,
  coordinationState,
  drawnOn,
  type PeriodOpen,
  type PeriodOverview,
  periodDays,
  REPORTING_UNIT_KINDS,
  type ReportingPeriod,
  type UnitStatus,
} from '../../domain/reporting.js';
import { auditReporting } from './reporting-audit.js';
import {
  closePeriodRow,
  findAdoptedProgrammeVersion,
  findPeriod,
  findPeriodOf,
  type FollowupRow,
  insertPeriod,
  listFollowups,
  listPeriodRows,
  listReportingUnits,
  lockPeriodSlot,
  type PeriodRow,
  type ReportingUnitRow,
} from './reporting.repo.js';

/** A period's row as the API shows it, without its counts. */
export function toPeriod(ctx: ServiceContext, row: PeriodRow): Omit<ReportingPeriod, 'counts'> {
  return {
    id: row.id,
    year: row.year,
    tertial: row.tertial,
    ...periodDays(row.year, row.tertial),
    deadline: row.deadline,
    status: row.status,
    programme_version:
      row.programme_version_id && row.programme_title
        ? { id: row.programme_version_id, title: row.programme_title }
        : null,
    opened_on: localDay(row.opened_at, ctx.organisation.timeZone),
  };
}

/** The units that report in a period: those of a reporting kind in force on its last day drawn (its end, or today). */
export function reportingUnits(ctx: ServiceContext, row: PeriodRow, now: Date): Promise<ReportingUnitRow[]> {
  const { to } = periodDays(row.year, row.tertial);
  const day = today(ctx.organisation.timeZone, now);
  return listReportingUnits(ctx.db, ctx.organisation.id, REPORTING_UNIT_KINDS, drawnOn(to, day));
}

/** Each reporting unit's state in the period at `now`, with its follow-up row if it has begun. */
export function unitStatuses(
  ctx: ServiceContext,
  row: PeriodRow,
  units: readonly ReportingUnitRow[],
  followups: readonly FollowupRow[],
  now: Date,
): Array<UnitStatus & { followup: FollowupRow | undefined }> {
  return units.map((u) => {
    const followup = followups.find((f) => f.period_id === row.id && f.unit_id === u.id);
    return {
      unit: { id: u.id, name: u.name },
      kind: u.kind,
      state: coordinationState(
        followup ? { status: followup.status, submitted_at: followup.submitted_at } : null,
        row.deadline,
        ctx.organisation.timeZone,
        now,
      ),
      submitted_at: followup?.submitted_at ? new Date(followup.submitted_at).toISOString() : null,
      followup,
    };
  });
}

function countStates(states: readonly CoordinationState[]): Record<CoordinationState, number> {
  return Object.fromEntries(
    CoordinationStateSchema.options.map((s) => [s, states.filter((x) => x === s).length]),
  ) as Record<CoordinationState, number>;
}

/** The organisation's periods, newest first, with how many units are in each state now. */
export async function listReportingPeriods(ctx: ServiceContext, now: Date = new Date()): Promise<ReportingPeriod[]> {
  const rows = await listPeriodRows(ctx.db, ctx.organisation.id);
  const followups = await listFollowups(
    ctx.db,
    rows.map((r) => r.id),
  );
  const out: ReportingPeriod[] = [];
  for (const row of rows) {
    const statuses = unitStatuses(ctx, row, await reportingUnits(ctx, row, now), followups, now);
    out.push({ ...toPeriod(ctx, row), counts: countStates(statuses.map((s) => s.state)) });
  }
  return out;
}

/** A period with every reporting unit's state: who has submitted, who drafts, who is overdue. */
export async function getPeriodOverview(
  ctx: ServiceContext,
  id: string,
  now: Date = new Date(),
): Promise<PeriodOverview> {
  const row = await periodRow(ctx, id);
  const statuses = unitStatuses(ctx, row, await reportingUnits(ctx, row, now), await listFollowups(ctx.db, [id]), now);
  return {
    ...toPeriod(ctx, row),
    counts: countStates(statuses.map((s) => s.state)),
    units: statuses.map(({ followup: _f, ...s }) => s),
  };
}

export async function periodRow(ctx: ServiceContext, id: string, forUpdate = false): Promise<PeriodRow> {
  const row = await findPeriod(ctx.db, ctx.organisation.id, id, forUpdate);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'reporting_period', id } });
  return row;
}

/**
 * Opens a tertial or the year for reporting, against the programme version adopted now. A period opened twice is
 * CONFLICT; a deadline before the period's first day or before today is refused (`now`: the seed opens a past one).
 */
export async function openReportingPeriod(
  ctx: ServiceContext,
  input: PeriodOpen,
  now: Date = new Date(),
): Promise<PeriodOverview> {
  const { from } = periodDays(input.year, input.tertial);
  if (input.deadline < today(ctx.organisation.timeZone, now) || input.deadline < from)
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          path: 'deadline',
          code: 'too_early',
          message: "the deadline is today or later, and not before the period's start",
        },
      ],
    });
  const id = await inTransaction(ctx.db, async (trx) => {
    await lockPeriodSlot(trx, ctx.organisation.id, input.year, input.tertial);
    if (await findPeriodOf(trx, ctx.organisation.id, input.year, input.tertial))
      throw new AppError('CONFLICT', {
        messages: { sv: 'Perioden är redan öppnad för rapportering.', en: 'The period is already open for reporting.' },
      });
    const version = await findAdoptedProgrammeVersion(trx, ctx.organisation.id);
    const periodId = await insertPeriod(trx, {
      organisation_id: ctx.organisation.id,
      year: input.year,
      tertial: input.tertial,
      deadline: input.deadline,
      programme_version_id: version?.id ?? null,
      opened_at: now,
      opened_by: ctx.actor,
    });
    await auditReporting(ctx, trx, {
      action: 'create',
      entityType: 'reporting_period',
      entityId: periodId,
      after: { ...input, programme_version_id: version?.id ?? null },
    });
    return periodId;
  });
  return getPeriodOverview(ctx, id, now);
}

/** Closes a period: no follow-up is saved or submitted in it any more (INVALID_TRANSITION if closed already). */
export async function closeReportingPeriod(
  ctx: ServiceContext,
  id: string,
  now: Date = new Date(),
): Promise<PeriodOverview> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await periodRow({ ...ctx, db: trx }, id, true);
    if (row.status !== 'open')
      throw new AppError('INVALID_TRANSITION', { details: { from: row.status, to: 'closed' } });
    await closePeriodRow(trx, id, now, ctx.actor);
    await auditReporting(ctx, trx, {
      action: 'update',
      entityType: 'reporting_period',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
  });
  return getPeriodOverview(ctx, id, now);
}
