import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  RecordsExportResultSchema,
  RecordsExportSchema,
  RecordsReleaseSchema,
  ReleaseListQuerySchema,
} from '../domain/records.js';
import { DraftReviewSchema, ReleaseDraftSchema, ReleaseFromDraftSchema } from '../domain/release-review.js';
import { defineRoute } from './define-route.js';

const tags = ['records'];
const IdParams = z.object({ id: UuidSchema });

/**
 * Records requests (begäran om allmän handling): a draft release is reviewed, then released and logged.
 * The draft routes are open to any account but answer 404 to anyone who may not release (`records:export`).
 */
export const recordsContract = {
  createDraft: defineRoute({
    method: 'POST',
    path: '/records/drafts',
    policy: 'records:export',
    tags,
    summary:
      'Start the review of a records request: the records as they would be released, with candidate personal data marked',
    body: RecordsExportSchema,
    response: { 201: ReleaseDraftSchema },
  }),
  draft: defineRoute({
    method: 'GET',
    path: '/records/drafts/:id',
    policy: 'records:export',
    tags,
    summary: 'A draft release under review (404 unless the caller may release records)',
    params: IdParams,
    response: { 200: ReleaseDraftSchema },
  }),
  review: defineRoute({
    method: 'PATCH',
    path: '/records/drafts/:id',
    policy: 'records:export',
    tags,
    summary: 'Mask (under a ground) or approve marks, mask a selection, or undo one; all or nothing',
    params: IdParams,
    body: DraftReviewSchema,
    response: { 200: ReleaseDraftSchema },
  }),
  discard: defineRoute({
    method: 'DELETE',
    path: '/records/drafts/:id',
    policy: 'records:export',
    tags,
    summary: 'Discard a draft release',
    params: IdParams,
    status: 204,
  }),
  /** JSON (201) or, for xlsx and pdf releases, the file itself (200). */
  release: defineRoute({
    method: 'POST',
    path: '/records/releases',
    policy: 'records:export',
    tags,
    summary: 'Release a reviewed draft (409 REVIEW_INCOMPLETE while a mark is undecided); logged and audited',
    body: ReleaseFromDraftSchema,
    response: { 201: RecordsExportResultSchema, 200: z.any().describe('the release as xlsx or pdf') },
  }),
  releases: defineRoute({
    method: 'GET',
    path: '/records/releases',
    policy: 'records:export',
    tags,
    summary: 'The release log of records requests, newest first',
    query: ReleaseListQuerySchema,
    response: { 200: z.array(RecordsReleaseSchema) },
  }),
};
