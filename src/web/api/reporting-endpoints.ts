import { reportingContract as c } from '../../contracts/reporting.contract.js';
import type { FollowupDraft, PeriodOpen } from '../../domain/reporting.js';
import { call, routeUrl } from './call.js';

/** The reporting cycle: the office opens and closes periods, units write their follow-ups, all read the report. */
export const reportingEndpoints = {
  list: () => call(c.list),
  open: (body: PeriodOpen) => call(c.open, { body }),
  get: (id: string) => call(c.get, { params: { id } }),
  close: (id: string) => call(c.close, { params: { id } }),
  followup: (id: string, unitId: string) => call(c.followup, { params: { id, unit_id: unitId } }),
  /** `version`: of the follow-up the text was written from (0 before its first save); a newer one is a 409. */
  saveDraft: (id: string, unitId: string, body: FollowupDraft, version: number) =>
    call(c.saveDraft, { params: { id, unit_id: unitId }, body, version }),
  submit: (id: string, unitId: string) => call(c.submit, { params: { id, unit_id: unitId } }),
  report: (id: string) => call(c.report, { params: { id } }),
  fileUrl: (id: string, format: 'pdf' | 'xlsx') => routeUrl(c.file[format], { params: { id } }),
};
