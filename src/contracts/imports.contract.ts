import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  ImportProfileInputSchema,
  ImportProfileSchema,
  ImportReportSchema,
  ImportRequestQuerySchema,
  ImportRunSchema,
} from '../domain/imports.js';
import { defineRoute } from './define-route.js';

const tags = ['imports'];
const policy = 'imports:run';
const IdParams = z.object({ id: UuidSchema });

/** File imports of incidents, their runs, and the column-mapping profiles they use. */
export const importsContract = {
  /** The file is the multipart field "file". */
  run: defineRoute({
    method: 'POST',
    path: '/imports',
    policy,
    tags,
    summary: 'Validate (dry_run=true, default) or import a file of incidents',
    description:
      'multipart/form-data with one field "file": CSV, Excel (.xlsx), GeoJSON or police events JSON, recognised from the content. ' +
      'A commit writes every accepted row in one transaction or nothing; rows with errors refuse the commit (422) unless skip_invalid=true. ' +
      'wait=false answers 202 with the run id at once; poll GET /api/imports/{id}.',
    consumes: ['multipart/form-data'],
    query: ImportRequestQuerySchema,
    response: { 200: ImportReportSchema, 202: z.object({ id: UuidSchema, status: z.literal('running') }) },
  }),
  runs: defineRoute({
    method: 'GET',
    path: '/imports',
    policy,
    tags,
    summary: 'Recent import runs',
    response: { 200: z.array(ImportRunSchema) },
  }),
  getRun: defineRoute({
    method: 'GET',
    path: '/imports/:id',
    policy,
    tags,
    summary: 'A run’s status, progress and report',
    params: IdParams,
    response: { 200: ImportRunSchema },
  }),
  profiles: defineRoute({
    method: 'GET',
    path: '/import-profiles',
    policy,
    tags,
    summary: 'Column-mapping profiles',
    response: { 200: z.array(ImportProfileSchema) },
  }),
  profile: defineRoute({
    method: 'GET',
    path: '/import-profiles/:id',
    policy,
    tags,
    summary: 'One profile',
    params: IdParams,
    response: { 200: ImportProfileSchema },
  }),
  createProfile: defineRoute({
    method: 'POST',
    path: '/import-profiles',
    policy,
    tags,
    summary: 'Save a named profile',
    body: ImportProfileInputSchema,
    response: { 201: ImportProfileSchema },
  }),
  updateProfile: defineRoute({
    method: 'PUT',
    path: '/import-profiles/:id',
    policy,
    tags,
    summary: 'Replace a profile',
    params: IdParams,
    body: ImportProfileInputSchema,
    response: { 200: ImportProfileSchema },
  }),
};
