import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { responsibilityContract as routes } from '../../contracts/responsibility.contract.js';
import { serve } from '../../http/serve-route.js';
import {
  createResponsibilityRule,
  deleteResponsibilityRule,
  getAssignment,
  listResponsibilityRules,
  listServiceLevelRules,
  overrideAssignment,
  serviceLevelCompliance,
  setServiceLevel,
  updateResponsibilityRule,
} from './responsibility.service.js';

/** The responsibility matrix, incident routing and its overrides, service levels and compliance. */
export const responsibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, routes.rules, async ({ ctx }) => listResponsibilityRules(ctx));
  serve(app, routes.createRule, async ({ ctx, body }) => createResponsibilityRule(ctx, body));
  serve(app, routes.updateRule, async ({ ctx, params, body }) => updateResponsibilityRule(ctx, params.id, body));
  serve(app, routes.deleteRule, async ({ ctx, params }) => {
    await deleteResponsibilityRule(ctx, params.id);
    return null;
  });
  serve(app, routes.assignment, async ({ ctx, params }) => getAssignment(ctx, params.id));
  serve(app, routes.overrideAssignment, async ({ ctx, params, body, version }) =>
    overrideAssignment(ctx, params.id, body.unit_id, version),
  );
  serve(app, routes.serviceLevels, async ({ ctx }) => listServiceLevelRules(ctx));
  serve(app, routes.setServiceLevel, async ({ ctx, params, body }) => setServiceLevel(ctx, params.code, body));
  serve(app, routes.compliance, async ({ ctx, query }) => serviceLevelCompliance(ctx, query.unit_id));
};
