import { measuresContract as measures } from '../../contracts/measures.contract.js';
import { problemsContract as problems } from '../../contracts/problems.contract.js';
import { requestsContract as requests } from '../../contracts/requests.contract.js';
import { viewsContract as views } from '../../contracts/views.contract.js';
import type { FollowupRecord, MeasureCreate, MeasureStatus, MeasureUpdate } from '../../domain/measures.js';
import type { BaselineInput, EvidenceInput, ProblemCreate, ProblemUpdate } from '../../domain/problems.js';
import type { RequestCreate } from '../../domain/requests.js';
import { call } from './call.js';

/** The programme: problems (SARA), measures with components and follow-ups, contribution requests, the district view. */
export const programmeEndpoints = {
  problem: (id: string) => call(problems.get, { params: { id } }),
  problems: () => call(problems.list),
  createProblem: (body: ProblemCreate) => call(problems.create, { body }),
  /** `version`: of the problem the edit was made from; a newer one on the server is a 409. */
  updateProblem: (id: string, body: ProblemUpdate, version?: number) =>
    call(problems.update, { params: { id }, body, version }),
  addEvidence: (id: string, body: EvidenceInput) => call(problems.addEvidence, { params: { id }, body }),
  removeEvidence: (id: string, evidenceId: string) =>
    call(problems.removeEvidence, { params: { id, evidence_id: evidenceId } }),
  setBaseline: (id: string, body: BaselineInput) => call(problems.setBaseline, { params: { id }, body }),

  measure: (id: string) => call(measures.get, { params: { id } }),
  measures: (query: { problem_id?: string } = {}) => call(measures.list, { query }),
  createMeasure: (body: MeasureCreate) => call(measures.create, { body }),
  /** `version`: of the measure the edit was made from; a newer one on the server is a 409. */
  updateMeasure: (id: string, body: MeasureUpdate, version?: number) =>
    call(measures.update, { params: { id }, body, version }),
  changeMeasureStatus: (id: string, status: MeasureStatus) =>
    call(measures.changeStatus, { params: { id }, body: { status } }),
  changeComponentStatus: (id: string, componentId: string, status: MeasureStatus) =>
    call(measures.changeComponentStatus, { params: { id, component_id: componentId }, body: { status } }),
  addFollowup: (id: string, dueDate: string) =>
    call(measures.addFollowup, { params: { id }, body: { due_date: dueDate } }),
  recordFollowup: (id: string, followupId: string, body: FollowupRecord) =>
    call(measures.recordFollowup, { params: { id, followup_id: followupId }, body }),

  requests: (query: { problem_id?: string; unit_id?: string } = {}) => call(requests.list, { query }),
  createRequest: (body: RequestCreate) => call(requests.create, { body }),
  acceptRequest: (id: string, note?: string) => call(requests.accept, { params: { id }, body: note ? { note } : {} }),
  declineRequest: (id: string, reason: string) => call(requests.decline, { params: { id }, body: { reason } }),
  deliverRequest: (id: string, note: string) => call(requests.deliver, { params: { id }, body: { note } }),

  /** Keyed by the district's unit (an area's owner_unit). */
  districtView: (unitId: string) => call(views.district, { params: { unit_id: unitId } }),
};
