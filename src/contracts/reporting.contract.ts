import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  CompiledReportSchema,
  FollowupDraftSchema,
  PeriodOpenSchema,
  PeriodOverviewSchema,
  PublicFollowupSchema,
  ReportingPeriodSchema,
  UnitFollowupSchema,
} from '../domain/reporting.js';
import { defineRoute, perFormat } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });
const UnitParams = z.object({ id: UuidSchema, unit_id: UuidSchema });

/**
 * The committee reporting cycle: the city's office opens a tertial or the year for reporting, each unit submits
 * its follow-up, and the city reads the compiled report per programme goal. Public only as `publicFollowup`: the
 * adopted programme's follow-up from submitted figures, without any unit's text.
 */
export const reportingContract = {
  list: defineRoute({
    method: 'GET',
    path: '/reporting-periods',
    policy: 'reporting:read',
    tags,
    summary: 'Reporting periods, newest first, with how many units have submitted, draft, not begun or are overdue',
    response: { 200: z.array(ReportingPeriodSchema) },
  }),
  open: defineRoute({
    method: 'POST',
    path: '/reporting-periods',
    policy: 'reporting:manage',
    tags,
    summary: 'Open a tertial or the year for reporting with a deadline day (409 CONFLICT if opened already)',
    body: PeriodOpenSchema,
    response: { 201: PeriodOverviewSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/reporting-periods/:id',
    policy: 'reporting:read',
    tags,
    summary: "A period with every reporting unit's state: submitted, late, draft, not begun or overdue",
    params: IdParams,
    response: { 200: PeriodOverviewSchema },
  }),
  close: defineRoute({
    method: 'POST',
    path: '/reporting-periods/:id/close',
    policy: 'reporting:manage',
    tags,
    summary: 'Close a period for reporting (409 INVALID_TRANSITION if closed already)',
    params: IdParams,
    response: { 200: PeriodOverviewSchema },
  }),
  followup: defineRoute({
    method: 'GET',
    path: '/reporting-periods/:id/units/:unit_id',
    policy: 'reporting:read',
    tags,
    summary:
      "A unit's follow-up: drawn figures (frozen once submitted) and its text; a draft only for the unit's editors",
    params: UnitParams,
    response: { 200: UnitFollowupSchema },
  }),
  saveDraft: defineRoute({
    method: 'PUT',
    path: '/reporting-periods/:id/units/:unit_id',
    policy: 'reporting:respond',
    tags,
    summary:
      "Save the unit's text as a draft (If-Match: the follow-up's version, 0 before its first save; 409 CONFLICT when someone saved since, and once submitted or closed; 403 if not the unit's editor)",
    params: UnitParams,
    ifMatch: true,
    body: FollowupDraftSchema,
    response: { 200: UnitFollowupSchema },
  }),
  submit: defineRoute({
    method: 'POST',
    path: '/reporting-periods/:id/units/:unit_id/submit',
    policy: 'reporting:respond',
    tags,
    summary: 'Submit the follow-up, freezing its figures; after the deadline it is marked late (409 if submitted)',
    params: UnitParams,
    response: { 200: UnitFollowupSchema },
  }),
  report: defineRoute({
    method: 'GET',
    path: '/reporting-periods/:id/report',
    policy: 'reporting:read',
    tags,
    summary: "The compiled report per programme goal: indicators, measures per unit and the units' states",
    params: IdParams,
    response: { 200: CompiledReportSchema },
  }),
  /** Files the browser downloads. */
  file: perFormat((format) =>
    defineRoute({
      method: 'GET',
      path: `/reporting-periods/:id/report/${format}`,
      policy: 'reporting:read',
      tags,
      summary: `The compiled report as ${format.toUpperCase()}`,
      params: IdParams,
      response: { 200: z.any().describe('the file') },
    }),
  ),
  publicFollowup: defineRoute({
    method: 'GET',
    path: '/public/programme-versions/:id/followup',
    policy: 'public',
    rateLimit: { max: 60, timeWindow: '1 minute' },
    tags: ['public'],
    summary:
      "An adopted or replaced version's follow-up from its latest closed period: per goal the submitted indicators and measures' status, no text (404 for a draft)",
    params: IdParams,
    response: { 200: PublicFollowupSchema },
  }),
};
