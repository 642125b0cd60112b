import { z } from 'zod';
import { IncidentSchema } from '../domain/incidents.js';
import { UuidSchema } from '../domain/common.js';
import {
  ANONYMOUS_REPORT_LIMIT,
  ContactConfirmSchema,
  PublicReportCreateSchema,
  PublicReportReceiptSchema,
  PublicReportReopenSchema,
  PublicReportStatusSchema,
  PhotoSizeQuerySchema,
  PublicUpdateCreateSchema,
  ReceiptCodeSchema,
  ResidentSideSchema,
} from '../domain/public-reports.js';
import { defineRoute } from './define-route.js';

const tags = ['public'];

/** Residents' reports without an account. */
export const publicReportsContract = {
  /** Limited by the server's one report limit, shared with Open311. */
  create: defineRoute({
    method: 'POST',
    path: '/public/reports',
    policy: 'public',
    tags,
    summary: `Report a problem without signing in; returns a receipt code (${ANONYMOUS_REPORT_LIMIT.max} per address in ${ANONYMOUS_REPORT_LIMIT.timeWindow}, Open311 reports included)`,
    body: PublicReportCreateSchema,
    response: { 201: PublicReportReceiptSchema },
  }),
  confirmContact: defineRoute({
    method: 'POST',
    path: '/public/contacts/confirm',
    policy: 'public',
    rateLimit: { max: 20, timeWindow: '10 minutes' },
    tags,
    summary:
      'Confirm the e-mail address given for updates, with the token of the link sent to it (404 when unknown or used)',
    body: ContactConfirmSchema,
    response: { 204: z.null() },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/public/reports/:receipt',
    policy: 'public',
    rateLimit: { max: 60, timeWindow: '1 minute' },
    tags,
    summary: 'Follow a report by its receipt code',
    params: z.object({ receipt: ReceiptCodeSchema }),
    response: { 200: PublicReportStatusSchema },
  }),
  reopen: defineRoute({
    method: 'POST',
    path: '/public/reports/:receipt/reopen',
    policy: 'public',
    rateLimit: { max: 10, timeWindow: '10 minutes' },
    tags,
    summary: 'Reopen a closed report by its receipt code, with a reason (409 INVALID_TRANSITION unless closed)',
    params: z.object({ receipt: ReceiptCodeSchema }),
    body: PublicReportReopenSchema,
    response: { 200: PublicReportStatusSchema },
  }),
  attachPhoto: defineRoute({
    method: 'POST',
    path: '/public/reports/:receipt/photo',
    policy: 'public',
    rateLimit: { max: 10, timeWindow: '10 minutes' },
    tags,
    summary:
      'Add a photo to a report right after filing it (once, within an hour): JPEG, PNG or HEIC up to 10 MB; stored resized, without EXIF or any other metadata',
    description:
      'multipart/form-data with one field "photo". Any other kind of file is refused (415, code not_a_photo).',
    consumes: ['multipart/form-data'],
    params: z.object({ receipt: ReceiptCodeSchema }),
    response: { 201: z.object({ width: z.number().int(), height: z.number().int() }) },
  }),
  photo: defineRoute({
    method: 'GET',
    path: '/public/reports/:receipt/photo',
    policy: 'public',
    rateLimit: { max: 60, timeWindow: '1 minute' },
    tags,
    summary: "A report's photo (JPEG) for the holder of its receipt code; size=thumb for the thumbnail",
    params: z.object({ receipt: ReceiptCodeSchema }),
    query: PhotoSizeQuerySchema,
    response: { 200: z.any().describe('the JPEG image') },
  }),
};

const staffTags = ['incidents'];

/** Staff's side of residents' reports: find one by receipt code, see its photo, answer the reporter. */
export const residentSideContract = {
  byReceipt: defineRoute({
    method: 'GET',
    path: '/incidents/by-receipt/:receipt',
    policy: 'incidents:read',
    tags: staffTags,
    summary: 'The incident a receipt code belongs to (404 when unknown or not visible to the caller)',
    params: z.object({ receipt: ReceiptCodeSchema }),
    response: { 200: IncidentSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/incidents/:id/resident',
    policy: 'incidents:read',
    tags: staffTags,
    summary: "An incident's receipt code, photo size and replies to the reporter",
    params: z.object({ id: UuidSchema }),
    response: { 200: ResidentSideSchema },
  }),
  reply: defineRoute({
    method: 'POST',
    path: '/incidents/:id/public-updates',
    policy: 'incidents:update',
    tags: staffTags,
    summary:
      "Reply to the reporter of a resident's report: redacted, shown on the follow page and e-mailed to a confirmed address",
    params: z.object({ id: UuidSchema }),
    body: PublicUpdateCreateSchema,
    response: { 201: ResidentSideSchema },
  }),
  photo: defineRoute({
    method: 'GET',
    path: '/incidents/:id/photo',
    policy: 'incidents:read',
    tags: staffTags,
    summary: "An incident's photo (JPEG) for staff who read free text; size=thumb for the thumbnail",
    params: z.object({ id: UuidSchema }),
    query: PhotoSizeQuerySchema,
    response: { 200: z.any().describe('the JPEG image') },
  }),
};
