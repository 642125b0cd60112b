import { z } from 'zod';
import { addDays, addMonths, formatDay } from './calendar/index.js';
import { IsoDateSchema, UuidSchema } from './common.js';
import { isAfterDeadline } from './consultations.js';
import { UnitKindSchema } from './org.js';
import { UnitFiguresSchema, FollowupTotalsSchema, GoalIndicatorSchema } from './reporting-figures.js';
import { MeasureStatusSchema, MeasureTypeSchema } from './measures.js';

export * from './reporting-figures.js';

/**
 * The committee reporting cycle (issue 16 part 3): per reporting period — a tertial or the whole year — every
 * district, specialist committee and company submits its follow-up of the safety programme: figures drawn from
 * its own measures, follow-ups, indicators and requests, with its own text. The city compiles them per goal.
 */

/** A tertial (1–3) of the year, or null for the whole year. */
export const TertialSchema = z.number().int().min(1).max(3);

/**
 * The local days a period covers, inclusive: tertial 1 is January–April, 2 May–August, 3 September–December.
 * @example periodDays(2026, 1) // { from: '2026-01-01', to: '2026-04-30' }
 */
export function periodDays(year: number, tertial: number | null): { from: string; to: string } {
  if (tertial === null) return { from: formatDay(year, 1, 1), to: formatDay(year, 12, 31) };
  const from = formatDay(year, (tertial - 1) * 4 + 1, 1);
  return { from, to: addDays(addMonths(from, 4), -1) };
}

/**
 * A period's Swedish name, as documents and the committee call it.
 * @example periodName({ year: 2026, tertial: 1 }) // 'Tertial 1 2026'
 */
export function periodName(p: { year: number; tertial: number | null }): string {
  return p.tertial === null ? `Helår ${p.year}` : `Tertial ${p.tertial} ${p.year}`;
}

/**
 * The day a period's figures are drawn on: today while it runs, its last day once it is past.
 * @example drawnOn('2026-04-30', '2026-12-07') // '2026-04-30'
 */
export function drawnOn(periodEnd: string, day: string): string {
  return day < periodEnd ? day : periodEnd;
}

/** The units that report: districts, specialist committees and companies (partners such as the police do not). */
export const REPORTING_UNIT_KINDS = ['district', 'specialist', 'company'] as const;

export const PeriodStatusSchema = z.enum(['open', 'closed']);
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;

export const FollowupStatusSchema = z.enum(['draft', 'submitted']);
export type FollowupStatus = z.infer<typeof FollowupStatusSchema>;

/** Where a unit stands in a period: submitted (on time or late), drafting, not begun, or past the deadline without submitting. */
export const CoordinationStateSchema = z.enum(['submitted', 'submitted_late', 'draft', 'not_started', 'overdue']);
export type CoordinationState = z.infer<typeof CoordinationStateSchema>;

/**
 * A unit's state at `now`: the deadline day ends at the start of the next local day in the organisation's zone
 * (as a consultation's), so a follow-up submitted at 23:59 local time on the day is on time.
 * @example coordinationState(null, '2026-05-15', 'Europe/Stockholm', new Date('2026-05-16T08:00:00Z')) // 'overdue'
 */
export function coordinationState(
  followup: { status: FollowupStatus; submitted_at: Date | null } | null,
  deadline: string,
  timeZone: string,
  now: Date,
): CoordinationState {
  if (followup?.status === 'submitted')
    return followup.submitted_at && isAfterDeadline(deadline, timeZone, followup.submitted_at)
      ? 'submitted_late'
      : 'submitted';
  if (isAfterDeadline(deadline, timeZone, now)) return 'overdue';
  return followup ? 'draft' : 'not_started';
}

/** Opening a period for reporting: the year, the tertial (null for the whole year) and the last day to submit. */
export const PeriodOpenSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  tertial: TertialSchema.nullable(),
  deadline: IsoDateSchema,
});
export type PeriodOpen = z.infer<typeof PeriodOpenSchema>;

const Text = z.string().trim().min(1).max(4000);

/** A unit's text: a summary of its period, and a comment per programme goal (by the goal's `section_key`). */
export const FollowupDraftSchema = z.strictObject({
  summary: Text.nullable().optional(),
  goals: z
    .array(z.strictObject({ section_key: UuidSchema, comment: Text.nullable() }))
    .max(100)
    .optional(),
});
export type FollowupDraft = z.infer<typeof FollowupDraftSchema>;

const Ref = z.object({ id: UuidSchema, name: z.string() });

export const ReportingPeriodSchema = z.object({
  id: UuidSchema,
  year: z.number().int(),
  tertial: TertialSchema.nullable(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  deadline: IsoDateSchema,
  status: PeriodStatusSchema,
  /** The programme version whose goals the period reports against: the adopted one when it was opened. */
  programme_version: z.object({ id: UuidSchema, title: z.string() }).nullable(),
  opened_on: IsoDateSchema,
  /** How many reporting units are in each state now. */
  counts: z.record(CoordinationStateSchema, z.number().int()),
});
export type ReportingPeriod = z.infer<typeof ReportingPeriodSchema>;

/** One reporting unit's place in a period: its state and, once submitted, when. */
export const UnitStatusSchema = z.object({
  unit: Ref,
  kind: UnitKindSchema,
  state: CoordinationStateSchema,
  submitted_at: z.string().nullable(),
});
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

export const PeriodOverviewSchema = ReportingPeriodSchema.extend({ units: z.array(UnitStatusSchema) });
export type PeriodOverview = z.infer<typeof PeriodOverviewSchema>;

/** A programme goal as a follow-up answers it: its number and heading, and the unit's comment. */
export const FollowupGoalSchema = z.object({
  section_key: UuidSchema,
  number: z.string(),
  heading: z.string().nullable(),
  body: z.string(),
  comment: z.string().nullable(),
});

/** A unit's follow-up for a period: the drawn figures (frozen once submitted) and its text. */
export const UnitFollowupSchema = z.object({
  /** The follow-up's id once begun (its first save), else null. */
  id: UuidSchema.nullable(),
  /** What a save names as If-Match: the stored draft's version, or 0 while not begun (a save then finds none). */
  version: z.number().int(),
  period: ReportingPeriodSchema.omit({ counts: true }),
  unit: Ref,
  kind: UnitKindSchema,
  status: FollowupStatusSchema.nullable(),
  state: CoordinationStateSchema,
  summary: z.string().nullable(),
  goals: z.array(FollowupGoalSchema),
  figures: UnitFiguresSchema,
  submitted_at: z.string().nullable(),
  /** Whether the caller may save and submit it now (the unit's editors and coordinators, while open and a draft). */
  editable: z.boolean(),
});
export type UnitFollowup = z.infer<typeof UnitFollowupSchema>;

/** The city's compiled report of a period: every unit's figures and state, and per goal what answers it. */
export const CompiledReportSchema = z.object({
  period: ReportingPeriodSchema.omit({ counts: true }),
  generated_at: z.string(),
  /** Every reporting unit with its state and totals: a submitted one's frozen, the others' drawn now. */
  units: z.array(
    UnitStatusSchema.extend({ summary: z.string().nullable(), drawn_on: IsoDateSchema, totals: FollowupTotalsSchema }),
  ),
  /** The sum of the units' totals, and nothing else. */
  totals: FollowupTotalsSchema,
  goals: z.array(
    z.object({
      section_key: UuidSchema,
      number: z.string(),
      heading: z.string().nullable(),
      body: z.string(),
      indicators: z.array(GoalIndicatorSchema),
      measures: z.array(
        z.object({
          unit: Ref,
          measures: z.array(
            z.object({ id: UuidSchema, title: z.string(), type: MeasureTypeSchema, status: MeasureStatusSchema }),
          ),
        }),
      ),
      comments: z.array(z.object({ unit: Ref, comment: z.string() })),
    }),
  ),
});
export type CompiledReport = z.infer<typeof CompiledReportSchema>;

/**
 * The programme's follow-up as the public reads it: the latest closed period of an adopted (or replaced) version,
 * from the units' submitted follow-ups only, per goal its indicators against baseline and target and its measures'
 * status. Never a draft, never a unit's own text, never an id or title of a record: an indicator is named by
 * where it is measured and a measure by its type, as the public agreement page names its activities.
 */
export const PublicFollowupSchema = z.object({
  /** The period followed up; null until a period of this version is closed. */
  period: z
    .object({ year: z.number().int(), tertial: TertialSchema.nullable(), from: IsoDateSchema, to: IsoDateSchema })
    .nullable(),
  /** How many of the period's reporting units submitted, of how many: the figures are theirs. */
  units: z.object({ reported: z.number().int(), total: z.number().int() }),
  goals: z.array(
    z.object({
      number: z.string(),
      heading: z.string().nullable(),
      indicators: z.array(
        GoalIndicatorSchema.pick({
          where: true,
          baseline: true,
          current: true,
          target_value: true,
          direction: true,
          outcome: true,
          target_met: true,
        }).extend({ unit: z.string() }),
      ),
      measures: z.array(z.object({ unit: z.string(), type: MeasureTypeSchema, status: MeasureStatusSchema })),
    }),
  ),
});
export type PublicFollowup = z.infer<typeof PublicFollowupSchema>;
