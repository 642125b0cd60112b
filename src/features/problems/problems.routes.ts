import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemsContract as routes } from '../../contracts/problems.contract.js';
import { serve } from '../../http/serve-route.js';
import {
  addEvidence,
  createProblem,
  getProblem,
  listProblems,
  removeEvidence,
  setBaseline,
  updateProblem,
} from './problems.service.js';

/** Identified problems (SARA): record, list, edit, move through stages, link and unlink evidence, set the baseline. */
export const problemsRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.create, async ({ ctx, body }) => createProblem(ctx, body));
  serve(app, routes.list, async ({ ctx, query }) => listProblems(ctx, query));
  serve(app, routes.get, async ({ ctx, params }) => getProblem(ctx, params.id));
  serve(app, routes.update, async ({ ctx, params, body, version }) => updateProblem(ctx, params.id, body, version));
  serve(app, routes.addEvidence, async ({ ctx, params, body, version }) => addEvidence(ctx, params.id, body, version));
  serve(app, routes.removeEvidence, async ({ ctx, params, version }) =>
    removeEvidence(ctx, params.id, params.evidence_id, version),
  );
  serve(app, routes.setBaseline, async ({ ctx, params, body, version }) => setBaseline(ctx, params.id, body, version));
};
