import type { RecordsExport, RecordsRelease } from '../../domain/records.js';
import type { DraftReview, ReleaseDraft } from '../../domain/release-review.js';
import { api } from './client.js';

/** Records requests (begäran om allmän handling): a draft to review, its release (a file to save), and the release log. */
export const recordsEndpoints = {
  createDraft: (body: RecordsExport) => api.post<ReleaseDraft>('/api/records/drafts', body),
  draft: (id: string) => api.get<ReleaseDraft>(`/api/records/drafts/${encodeURIComponent(id)}`),
  review: (id: string, body: Partial<DraftReview>) => api.patch<ReleaseDraft>(`/api/records/drafts/${encodeURIComponent(id)}`, body),
  discard: (id: string) => api.delete<void>(`/api/records/drafts/${encodeURIComponent(id)}`),
  /** A JSON release has no file name from the server: it is named like the server names its xlsx and pdf files. */
  release: (draft: ReleaseDraft) =>
    api.postForFile('/api/records/releases', { draft_id: draft.id }, `utlamnande-${draft.request_ref.replace(/[^\w.-]+/g, '_')}.json`),
  releases: (requestRef?: string) => api.get<RecordsRelease[]>('/api/records/releases', { request_ref: requestRef }),
};
