import { walksContract as routes } from '../../contracts/walks.contract.js';
import type {
  ChecklistItemCreate,
  ChecklistItemUpdate,
  FollowUpInput,
  ObservationCreate,
  WalkCreate,
} from '../../domain/walks.js';
import { call, routeUrl } from './call.js';

/** Safety walks: checklist, planning, capture, photos and the report's follow-up. */
export const walkEndpoints = {
  checklist: () => call(routes.checklist),
  createChecklistItem: (body: ChecklistItemCreate) => call(routes.createChecklistItem, { body }),
  updateChecklistItem: (id: string, body: ChecklistItemUpdate, version?: number) =>
    call(routes.updateChecklistItem, { params: { id }, body, version }),
  list: () => call(routes.list),
  create: (body: WalkCreate) => call(routes.create, { body }),
  get: (id: string) => call(routes.get, { params: { id } }),
  setStatus: (id: string, status: 'ongoing' | 'finished') =>
    call(routes.setStatus, { params: { id }, body: { status } }),
  observations: (id: string) => call(routes.observations, { params: { id } }),
  addObservation: (id: string, body: ObservationCreate) => call(routes.addObservation, { params: { id }, body }),
  attachPhoto: (id: string, observationId: string, photo: Blob, name: string) => {
    const form = new FormData();
    form.append('photo', photo, name);
    return call(routes.attachPhoto, { params: { id, observationId }, body: form });
  },
  photoUrl: (id: string, observationId: string, size: 'full' | 'thumb') =>
    routeUrl(routes.photo, { params: { id, observationId }, query: { size } }),
  report: (id: string) => call(routes.report, { params: { id } }),
  reportPdfUrl: (id: string) => routeUrl(routes.reportPdf, { params: { id } }),
  earlier: (id: string) => call(routes.earlier, { params: { id } }),
  answerFollowUp: (id: string, observationId: string, body: FollowUpInput) =>
    call(routes.answerFollowUp, { params: { id, observationId }, body }),
  toProblem: (id: string, observationId: string) => call(routes.toProblem, { params: { id, observationId }, body: {} }),
  toInbox: (id: string, observationId: string) => call(routes.toInbox, { params: { id, observationId } }),
};
