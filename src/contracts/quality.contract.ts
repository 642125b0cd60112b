import { z } from 'zod';
import { QualityExportQuerySchema, QualityReportSchema, ScopeQuerySchema } from '../domain/quality.js';
import { defineRoute, perFormat } from './define-route.js';

const tags = ['programme'];

/** The quality report per district, unit or city, as JSON, PDF or Excel. */
export const qualityContract = {
  report: defineRoute({
    method: 'GET',
    path: '/quality',
    policy: 'quality:read',
    tags,
    summary: 'Quality report: every defect with a link to fix it',
    query: ScopeQuerySchema,
    response: { 200: QualityReportSchema },
  }),
  /** Files the browser downloads. */
  file: perFormat((format) =>
    defineRoute({
      method: 'GET',
      path: `/quality/${format}`,
      policy: 'quality:read',
      tags,
      summary: `Quality report as ${format.toUpperCase()}, in Swedish (default) or English (lang=en)`,
      query: QualityExportQuerySchema,
      response: { 200: z.any().describe('the file') },
    }),
  ),
};
