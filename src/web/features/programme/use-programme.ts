import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowupRecord, Measure, MeasureCreate, MeasureStatus, MeasureUpdate } from '../../../domain/measures.js';
import type { BaselineInput, EvidenceInput, Problem, ProblemCreate, ProblemUpdate } from '../../../domain/problems.js';
import type { RequestCreate } from '../../../domain/requests.js';
import { programmeEndpoints as api } from '../../api/programme-endpoints.js';

/** Everything that shows programme data: refreshed together after any change. */
const refresh = (qc: ReturnType<typeof useQueryClient>) =>
  Promise.all(
    ['problem', 'problems', 'measure', 'measures', 'requests', 'district-view', 'inbox'].map((k) =>
      qc.invalidateQueries({ queryKey: [k] }),
    ),
  );

export function useProblem(id: string | undefined) {
  return useQuery({ queryKey: ['problem', id], queryFn: () => api.problem(id!), enabled: Boolean(id) });
}
export function useProblems(enabled = true) {
  return useQuery({ queryKey: ['problems'], queryFn: api.problems, enabled });
}
export function useMeasure(id: string | undefined) {
  return useQuery({ queryKey: ['measure', id], queryFn: () => api.measure(id!), enabled: Boolean(id) });
}
export function useMeasuresOf(problemId: string | undefined) {
  return useQuery({
    queryKey: ['measures', { problem_id: problemId }],
    queryFn: () => api.measures({ problem_id: problemId! }),
    enabled: Boolean(problemId),
  });
}
export function useRequestsOf(problemId: string | undefined) {
  return useQuery({
    queryKey: ['requests', { problem_id: problemId }],
    queryFn: () => api.requests({ problem_id: problemId! }),
    enabled: Boolean(problemId),
  });
}
export function useDistrictView(unitId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['district-view', unitId],
    queryFn: () => api.districtView(unitId!),
    enabled: Boolean(unitId) && enabled,
  });
}

export function useCreateProblem() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ProblemCreate) => api.createProblem(body), onSuccess: () => refresh(qc) });
}
export function useUpdateProblem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProblemUpdate) => api.updateProblem(id, body),
    onSuccess: (p: Problem) => {
      qc.setQueryData(['problem', id], p);
      return refresh(qc);
    },
    // A refused step (409) usually means the page was stale: show the stage as it is now.
    onError: () => qc.invalidateQueries({ queryKey: ['problem', id] }),
  });
}
type ProblemChange =
  /** `version`: of the problem the edit was made from (a newer one on the server is a 409). */
  | { kind: 'update'; body: ProblemUpdate; version?: number }
  | { kind: 'add_evidence'; body: EvidenceInput }
  | { kind: 'remove_evidence'; evidenceId: string }
  | { kind: 'baseline'; body: BaselineInput };

/** Edits, evidence and the baseline: each answers with the problem as it is now (the baseline value computed). */
export function useChangeProblem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: ProblemChange): Promise<Problem> => {
      switch (change.kind) {
        case 'update':
          return api.updateProblem(id, change.body, change.version);
        case 'add_evidence':
          return api.addEvidence(id, change.body);
        case 'remove_evidence':
          return api.removeEvidence(id, change.evidenceId);
        case 'baseline':
          return api.setBaseline(id, change.body);
      }
    },
    onSuccess: (p) => {
      qc.setQueryData(['problem', id], p);
      return refresh(qc);
    },
  });
}

/** Evidence for a problem chosen at the time of the call (from outside its page, e.g. a hotspot of the situation report). */
export function useAddEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ problemId, body }: { problemId: string; body: EvidenceInput }) => api.addEvidence(problemId, body),
    onSuccess: (p) => {
      qc.setQueryData(['problem', p.id], p);
      return refresh(qc);
    },
  });
}

export function useCreateMeasure() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: MeasureCreate) => api.createMeasure(body), onSuccess: () => refresh(qc) });
}

type MeasureChange =
  /** `version`: of the measure the edit was made from (a newer one on the server is a 409). */
  | { kind: 'update'; body: MeasureUpdate; version?: number }
  | { kind: 'status'; status: MeasureStatus }
  | { kind: 'component'; componentId: string; status: MeasureStatus }
  | { kind: 'add_followup'; dueDate: string }
  | { kind: 'record_followup'; followupId: string; body: FollowupRecord };

/** Every change to a measure answers with the measure as it is now. */
export function useChangeMeasure(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: MeasureChange): Promise<Measure> => {
      switch (change.kind) {
        case 'update':
          return api.updateMeasure(id, change.body, change.version);
        case 'status':
          return api.changeMeasureStatus(id, change.status);
        case 'component':
          return api.changeComponentStatus(id, change.componentId, change.status);
        case 'add_followup':
          return api.addFollowup(id, change.dueDate);
        case 'record_followup':
          return api.recordFollowup(id, change.followupId, change.body);
      }
    },
    onSuccess: (m) => {
      qc.setQueryData(['measure', id], m);
      return refresh(qc);
    },
    onError: () => qc.invalidateQueries({ queryKey: ['measure', id] }),
  });
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: RequestCreate) => api.createRequest(body), onSuccess: () => refresh(qc) });
}

export type RequestAnswer =
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string }
  | { kind: 'deliver'; note: string };
export function useAnswerRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: RequestAnswer }) =>
      answer.kind === 'accept'
        ? api.acceptRequest(id)
        : answer.kind === 'decline'
          ? api.declineRequest(id, answer.reason)
          : api.deliverRequest(id, answer.note),
    onSuccess: () => refresh(qc),
  });
}
