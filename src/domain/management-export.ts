import { z } from 'zod';

/**
 * The programme's follow-up as the city's integrated management system (ILS) reads it (issue 16, part 5):
 * goal → committee → indicator with the year's target, outcome and assessment. The layout is docs/management-export.md.
 */

/** The ILS assessment of one indicator for a year: uppnås helt / delvis / ej, or kan inte bedömas. */
export const GoalAssessmentSchema = z.enum(['met', 'partly_met', 'not_met', 'not_assessable']);
export type GoalAssessment = z.infer<typeof GoalAssessmentSchema>;

/** Why the assessment is what it is; each assessment has its own reasons (see assessGoal). */
export const AssessmentReasonSchema = z.enum([
  'target_reached',
  'improved',
  'not_improved',
  'no_baseline',
  'no_outcome',
  'no_target',
]);
export type AssessmentReason = z.infer<typeof AssessmentReasonSchema>;

/** Which year of the version's follow-up to export; any year, since a programme is followed up while in force. */
export const ManagementExportQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export type ManagementExportQuery = z.infer<typeof ManagementExportQuerySchema>;

/** The files offered. CSV for the import into ILS, Excel for people. */
export const ManagementExportFormatSchema = z.enum(['csv', 'xlsx']);
export type ManagementExportFormat = z.infer<typeof ManagementExportFormatSchema>;
