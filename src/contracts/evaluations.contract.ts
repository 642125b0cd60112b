import { z } from 'zod';
import { UuidSchema } from '../domain/common.js';
import {
  ComparisonSuggestionQuerySchema,
  ComparisonSuggestionsSchema,
  EvaluationDesignSchema,
  EvaluationResultsSchema,
  EvaluationSchema,
  PlaceMonthFigureSchema,
  PlaceMonthFiguresUpdateSchema,
} from '../domain/evaluations.js';
import { defineRoute, perFormat } from './define-route.js';

const tags = ['evaluations'];
const IdParams = z.object({ id: UuidSchema });
const PlaceFiguresSchema = z.object({ months: z.array(PlaceMonthFigureSchema), can_edit: z.boolean() });

/** Evaluating a measure: its design, the suggested comparison places, the computed results, and visitor figures. */
export const evaluationsContract = {
  create: defineRoute({
    method: 'POST',
    path: '/measures/:id/evaluations',
    policy: 'evaluations:write',
    tags,
    summary: "Attach an evaluation design to a measure (the measure's unit or its district's coordinators)",
    params: IdParams,
    body: EvaluationDesignSchema,
    response: { 201: EvaluationSchema },
  }),
  listOfMeasure: defineRoute({
    method: 'GET',
    path: '/measures/:id/evaluations',
    policy: 'public',
    tags,
    summary: "A measure's evaluations (the public sees published ones only)",
    params: IdParams,
    response: { 200: z.array(EvaluationSchema) },
  }),
  suggestComparisons: defineRoute({
    method: 'GET',
    path: '/evaluations/comparison-suggestions',
    policy: 'evaluations:read',
    tags,
    summary: 'Places of the same type with a before-period level and trend like the treatment places, with why',
    query: ComparisonSuggestionQuerySchema,
    response: { 200: ComparisonSuggestionsSchema },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/evaluations/:id',
    policy: 'public',
    tags,
    summary: 'One evaluation design (a draft is not found for the public)',
    params: IdParams,
    response: { 200: EvaluationSchema },
  }),
  update: defineRoute({
    method: 'PUT',
    path: '/evaluations/:id',
    policy: 'evaluations:write',
    tags,
    summary: 'Replace the design, status and conclusion of an evaluation',
    params: IdParams,
    ifMatch: true,
    body: EvaluationDesignSchema,
    response: { 200: EvaluationSchema },
  }),
  results: defineRoute({
    method: 'GET',
    path: '/evaluations/:id/results',
    policy: 'public',
    tags,
    summary: 'Effects with interpretation and caveats, displacement, zones and weekly series, computed now',
    params: IdParams,
    response: { 200: EvaluationResultsSchema },
  }),
  /** Files the browser downloads: the same readers as the evaluation itself. */
  file: perFormat((format) =>
    defineRoute({
      method: 'GET',
      path: `/evaluations/:id/${format}`,
      policy: 'public',
      tags,
      summary: `The evaluation as ${format === 'pdf' ? 'a PDF report to read and sign' : 'an Excel workbook'}: design, effects, weekly series`,
      params: IdParams,
      response: { 200: z.any().describe('the file') },
    }),
  ),
  placeFigures: defineRoute({
    method: 'GET',
    path: '/places/:id/figures',
    policy: 'evaluations:read',
    tags,
    summary: "A place's monthly visitors and opening hours",
    params: IdParams,
    response: { 200: PlaceFiguresSchema },
  }),
  savePlaceFigures: defineRoute({
    method: 'PUT',
    path: '/places/:id/figures',
    policy: 'place_figures:write',
    tags,
    summary: "Record or correct a place's monthly visitors and opening hours (the owning unit's editors)",
    params: IdParams,
    body: PlaceMonthFiguresUpdateSchema,
    response: { 200: PlaceFiguresSchema },
  }),
};
