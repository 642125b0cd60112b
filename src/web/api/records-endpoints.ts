import { recordsContract as routes } from '../../contracts/records.contract.js';
import type { RecordsExport } from '../../domain/records.js';
import type { DraftReview, ReleaseDraft } from '../../domain/release-review.js';
import { call, callForFile } from './call.js';

/** Records requests (begäran om allmän handling): a draft to review, its release (a file to save), and the release log. */
export const recordsEndpoints = {
  createDraft: (body: RecordsExport) => call(routes.createDraft, { body }),
  draft: (id: string) => call(routes.draft, { params: { id } }),
  review: (id: string, body: Partial<DraftReview>) => call(routes.review, { params: { id }, body }),
  discard: (id: string) => call(routes.discard, { params: { id } }),
  /** A JSON release has no file name from the server: it is named like the server names its xlsx and pdf files. */
  release: (draft: ReleaseDraft) =>
    callForFile(routes.release, `utlamnande-${draft.request_ref.replace(/[^\w.-]+/g, '_')}.json`, {
      body: { draft_id: draft.id },
    }),
  releases: (requestRef?: string) => call(routes.releases, { query: { request_ref: requestRef } }),
};
