import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { evaluationsContract as routes } from '../../contracts/evaluations.contract.js';
import { serve, serveHttp } from '../../http/serve-route.js';
import { suggestComparisons } from './comparison-suggestions.service.js';
import { exportEvaluation } from './evaluation-export.js';
import { evaluationResults } from './evaluation-results.service.js';
import { createEvaluation, getEvaluation, listEvaluations, updateEvaluation } from './evaluations.service.js';
import { getPlaceFigures, savePlaceFigures } from './place-figures.service.js';

/** Evaluating a measure: design, comparison suggestions, results as JSON, PDF or Excel; a place's monthly visitor figures. */
export const evaluationsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, params, body }) => createEvaluation(ctx, params.id, body));
  serve(app, routes.listOfMeasure, async ({ ctx, params }) => listEvaluations(ctx, params.id));
  serve(app, routes.suggestComparisons, async ({ ctx, query }) => suggestComparisons(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getEvaluation(ctx, params.id));
  serve(app, routes.update, async ({ ctx, params, body, version }) => updateEvaluation(ctx, params.id, body, version));
  serve(app, routes.results, async ({ ctx, params }) => evaluationResults(ctx, params.id));
  for (const format of ['pdf', 'xlsx'] as const) {
    serveHttp(app, routes.file[format], async ({ context, params, reply }) => {
      const file = await exportEvaluation(await context(), params.id, format);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.body);
    });
  }
  serve(app, routes.placeFigures, async ({ ctx, params }) => getPlaceFigures(ctx, params.id));
  serve(app, routes.savePlaceFigures, async ({ ctx, params, body }) => savePlaceFigures(ctx, params.id, body.months));
};
