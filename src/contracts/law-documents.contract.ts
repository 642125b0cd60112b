import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  LawDocumentAdoptSchema,
  LawDocumentGenerateSchema,
  LawDocumentListQuerySchema,
  LawDocumentReviseSchema,
  LawDocumentVersionSchema,
  LawDocumentVersionSummarySchema,
} from '../domain/law-documents.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/**
 * The documents of Lag (2023:196): lägesbild, orsaksanalys and åtgärdsplan per district or for the city.
 * Reading is open (the public gets adopted versions only, staff every version); writing is the district's
 * coordinators' and admins' (row rule in law-documents.policy.ts).
 */
export const lawDocumentsContract = {
  list: defineRoute({
    method: 'GET',
    path: '/law-documents',
    policy: 'public',
    tags,
    summary: "A district's (or the city's) law documents, every version the caller may read",
    query: LawDocumentListQuerySchema,
    response: { 200: z.array(LawDocumentVersionSummarySchema) },
  }),
  generate: defineRoute({
    method: 'POST',
    path: '/law-documents',
    policy: 'law_documents:write',
    tags,
    summary: 'Draft a new version from the data as it is now',
    body: LawDocumentGenerateSchema,
    response: { 201: LawDocumentVersionSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/law-document-versions/:id',
    policy: 'public',
    tags,
    summary: 'One version with its numbered sections (the public: adopted versions only)',
    params: IdParams,
    response: { 200: LawDocumentVersionSchema },
  }),
  revise: defineRoute({
    method: 'POST',
    path: '/law-document-versions/:id/revisions',
    policy: 'law_documents:write',
    tags,
    summary: 'Save edited sections as a new draft version',
    params: IdParams,
    body: LawDocumentReviseSchema,
    response: { 201: LawDocumentVersionSchema },
  }),
  adopt: defineRoute({
    method: 'POST',
    path: '/law-document-versions/:id/status',
    policy: 'law_documents:write',
    tags,
    summary:
      'Adopt a draft with its decision; the version in force is replaced (409 INVALID_TRANSITION unless a draft)',
    params: IdParams,
    body: LawDocumentAdoptSchema,
    response: { 200: LawDocumentVersionSchema },
  }),
  pdf: defineRoute({
    method: 'GET',
    path: '/law-document-versions/:id/pdf',
    policy: 'public',
    tags,
    summary: 'The version as a PDF in Swedish',
    params: IdParams,
    response: { 200: z.any().describe('the file') },
  }),
};
