import { z } from 'zod';
import { AnnualQuerySchema, AnnualReportSchema } from '../domain/annual.js';
import { defineRoute, perFormat } from './define-route.js';

const tags = ['programme'];

/** The annual follow-up report per unit or district, as JSON, PDF or Excel. */
export const annualContract = {
  report: defineRoute({
    method: 'GET',
    path: '/reports/annual',
    policy: 'quality:read',
    tags,
    summary: 'Annual follow-up: measures run, problems addressed, indicator change, requests answered',
    query: AnnualQuerySchema,
    response: { 200: AnnualReportSchema },
  }),
  /** Files the browser downloads. */
  file: perFormat((format) =>
    defineRoute({
      method: 'GET',
      path: `/reports/annual/${format}`,
      policy: 'quality:read',
      tags,
      summary: `Annual follow-up as ${format.toUpperCase()}`,
      query: AnnualQuerySchema,
      response: { 200: z.any().describe('the file') },
    }),
  ),
};
