import type { FollowupRecord, Measure, MeasureCreate, MeasureStatus, MeasureUpdate } from '../../domain/measures.js';
import type { BaselineInput, EvidenceInput, Problem, ProblemCreate, ProblemUpdate } from '../../domain/problems.js';
import type { ContributionRequest, RequestCreate } from '../../domain/requests.js';
import type { DistrictView } from '../../domain/views.js';
import { api } from './client.js';

const enc = encodeURIComponent;

/** The programme: problems (SARA), measures with components and follow-ups, contribution requests, the district view. */
export const programmeEndpoints = {
  problem: (id: string) => api.get<Problem>(`/api/problems/${enc(id)}`),
  problems: () => api.get<Problem[]>('/api/problems'),
  createProblem: (body: ProblemCreate) => api.post<Problem>('/api/problems', body),
  /** `version`: of the problem the edit was made from; a newer one on the server is a 409. */
  updateProblem: (id: string, body: ProblemUpdate, version?: number) => api.patch<Problem>(`/api/problems/${enc(id)}`, body, version),
  addEvidence: (id: string, body: EvidenceInput) => api.post<Problem>(`/api/problems/${enc(id)}/evidence`, body),
  removeEvidence: (id: string, evidenceId: string) => api.delete<Problem>(`/api/problems/${enc(id)}/evidence/${enc(evidenceId)}`),
  setBaseline: (id: string, body: BaselineInput) => api.put<Problem>(`/api/problems/${enc(id)}/baseline`, body),

  measure: (id: string) => api.get<Measure>(`/api/measures/${enc(id)}`),
  measures: (q: { problem_id?: string } = {}) => api.get<Measure[]>('/api/measures', q),
  createMeasure: (body: MeasureCreate) => api.post<Measure>('/api/measures', body),
  /** `version`: of the measure the edit was made from; a newer one on the server is a 409. */
  updateMeasure: (id: string, body: MeasureUpdate, version?: number) => api.patch<Measure>(`/api/measures/${enc(id)}`, body, version),
  changeMeasureStatus: (id: string, status: MeasureStatus) => api.post<Measure>(`/api/measures/${enc(id)}/status`, { status }),
  changeComponentStatus: (id: string, componentId: string, status: MeasureStatus) =>
    api.post<Measure>(`/api/measures/${enc(id)}/components/${enc(componentId)}/status`, { status }),
  addFollowup: (id: string, dueDate: string) => api.post<Measure>(`/api/measures/${enc(id)}/followups`, { due_date: dueDate }),
  recordFollowup: (id: string, followupId: string, body: FollowupRecord) => api.post<Measure>(`/api/measures/${enc(id)}/followups/${enc(followupId)}`, body),

  requests: (q: { problem_id?: string; unit_id?: string } = {}) => api.get<ContributionRequest[]>('/api/requests', q),
  createRequest: (body: RequestCreate) => api.post<ContributionRequest>('/api/requests', body),
  acceptRequest: (id: string, note?: string) => api.post<ContributionRequest>(`/api/requests/${enc(id)}/accept`, note ? { note } : {}),
  declineRequest: (id: string, reason: string) => api.post<ContributionRequest>(`/api/requests/${enc(id)}/decline`, { reason }),
  deliverRequest: (id: string, note: string) => api.post<ContributionRequest>(`/api/requests/${enc(id)}/deliver`, { note }),

  /** Keyed by the district's unit (an area's owner_unit). */
  districtView: (unitId: string) => api.get<DistrictView>(`/api/views/districts/${enc(unitId)}`),
};
