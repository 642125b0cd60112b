import { z } from 'zod';
import {
  ANONYMOUS_REPORT_LIMIT,
  ContactConfirmSchema,
  PublicReportCreateSchema,
  PublicReportReceiptSchema,
  PublicReportReopenSchema,
  PublicReportStatusSchema,
  ReceiptCodeSchema,
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
};
