import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import { type ManagementExportFormat, ManagementExportQuerySchema } from '../domain/management-export.js';
import {
  ProgrammeCompareQuerySchema,
  ProgrammeCreateSchema,
  ProgrammeDiffSchema,
  ProgrammeDraftCreateSchema,
  ProgrammeSchema,
  ProgrammeSectionCreateSchema,
  ProgrammeSectionMoveSchema,
  ProgrammeSectionUpdateSchema,
  ProgrammeStatusChangeSchema,
  ProgrammeVersionSchema,
  ProgrammeVersionUpdateSchema,
} from '../domain/programmes.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });
const publicLimit = { max: 60, timeWindow: '1 minute' };

/** The follow-up for the city's management system, one route per file (docs/management-export.md). */
const managementExport = (format: ManagementExportFormat) =>
  defineRoute({
    method: 'GET',
    path: `/programme-versions/:id/management-export/${format}`,
    policy: 'programmes:read',
    tags,
    summary: `A year's goal → committee → indicator follow-up with assessment, as ${format.toUpperCase()} for the management system`,
    params: IdParams,
    query: ManagementExportQuerySchema,
    response: { 200: z.any().describe('the file') },
  });

/** The safety programme as a governing document: versions, numbered sections, status and comparison. */
export const programmesContract = {
  list: defineRoute({
    method: 'GET',
    path: '/programmes',
    policy: 'programmes:read',
    tags,
    summary: 'Programmes with all their versions, newest period first',
    response: { 200: z.array(ProgrammeSchema) },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/programmes',
    policy: 'programmes:manage',
    tags,
    summary: 'Start a programme with an empty draft',
    body: ProgrammeCreateSchema,
    response: { 201: ProgrammeVersionSchema },
  }),
  compare: defineRoute({
    method: 'GET',
    path: '/programme-versions/compare',
    policy: 'programmes:read',
    tags,
    summary: 'Two versions compared section by section, word by word',
    query: ProgrammeCompareQuerySchema,
    response: { 200: ProgrammeDiffSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/programme-versions/:id',
    policy: 'programmes:read',
    tags,
    summary: 'One version: goal, sub-goals with their indicators, responsibilities, definitions',
    params: IdParams,
    response: { 200: ProgrammeVersionSchema },
  }),
  /** Files the browser downloads. */
  managementExport: { csv: managementExport('csv'), xlsx: managementExport('xlsx') },
  createDraft: defineRoute({
    method: 'POST',
    path: '/programme-versions/:id/drafts',
    policy: 'programmes:manage',
    tags,
    summary: 'A new draft copied from this version, which it replaces once adopted',
    params: IdParams,
    body: ProgrammeDraftCreateSchema,
    response: { 201: ProgrammeVersionSchema },
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/programme-versions/:id',
    policy: 'programmes:manage',
    tags,
    summary: "A draft's title or period (409 INVALID_TRANSITION unless a draft)",
    params: IdParams,
    body: ProgrammeVersionUpdateSchema,
    response: { 200: ProgrammeVersionSchema },
  }),
  changeStatus: defineRoute({
    method: 'POST',
    path: '/programme-versions/:id/status',
    policy: 'programmes:manage',
    tags,
    summary:
      'Consultation, back to draft, adoption with its decision, or replaced (409 INVALID_TRANSITION for any other move)',
    params: IdParams,
    body: ProgrammeStatusChangeSchema,
    response: { 200: ProgrammeVersionSchema },
  }),
  addSection: defineRoute({
    method: 'POST',
    path: '/programme-versions/:id/sections',
    policy: 'programmes:manage',
    tags,
    summary: 'Add a section at the end of its chapter of a draft',
    params: IdParams,
    body: ProgrammeSectionCreateSchema,
    response: { 201: ProgrammeVersionSchema },
  }),
  updateSection: defineRoute({
    method: 'PATCH',
    path: '/programme-sections/:id',
    policy: 'programmes:manage',
    tags,
    summary:
      "Change a draft section's heading, text or indicators (If-Match: the section's version; 409 CONFLICT when someone changed it since)",
    params: IdParams,
    ifMatch: true,
    body: ProgrammeSectionUpdateSchema,
    response: { 200: ProgrammeVersionSchema },
  }),
  moveSection: defineRoute({
    method: 'POST',
    path: '/programme-sections/:id/move',
    policy: 'programmes:manage',
    tags,
    summary:
      'Move a draft section one place up or down in its chapter (400 when already first or last; 409 INVALID_TRANSITION unless a draft)',
    params: IdParams,
    body: ProgrammeSectionMoveSchema,
    response: { 200: ProgrammeVersionSchema },
  }),
  removeSection: defineRoute({
    method: 'DELETE',
    path: '/programme-sections/:id',
    policy: 'programmes:manage',
    tags,
    summary: "Remove a section from a draft (If-Match: the section's version; 409 CONFLICT when stale)",
    params: IdParams,
    ifMatch: true,
    response: { 200: ProgrammeVersionSchema },
  }),
  listPublic: defineRoute({
    method: 'GET',
    path: '/public/programmes',
    policy: 'public',
    rateLimit: publicLimit,
    tags: ['public'],
    summary: 'Programmes with their adopted and replaced versions (never drafts)',
    response: { 200: z.array(ProgrammeSchema) },
  }),
  comparePublic: defineRoute({
    method: 'GET',
    path: '/public/programme-versions/compare',
    policy: 'public',
    rateLimit: publicLimit,
    tags: ['public'],
    summary: 'Two adopted or replaced versions compared',
    query: ProgrammeCompareQuerySchema,
    response: { 200: ProgrammeDiffSchema },
  }),
  getPublic: defineRoute({
    method: 'GET',
    path: '/public/programme-versions/:id',
    policy: 'public',
    rateLimit: publicLimit,
    tags: ['public'],
    summary: 'An adopted or replaced version (404 for a draft or one on consultation)',
    params: IdParams,
    response: { 200: ProgrammeVersionSchema },
  }),
};
