import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CategoryCodeSchema } from '../../domain/categories.js';
import { UuidSchema } from '../../domain/common.js';
import {
  AssignmentOverrideSchema, AssignmentSchema, ComplianceQuerySchema, ComplianceRowSchema, ResponsibilityRuleInputSchema, ResponsibilityRuleSchema,
  ServiceLevelInputSchema, ServiceLevelSchema,
} from '../../domain/responsibility.js';
import { ifMatch, serviceContext } from '../../server/request-context.js';
import {
  createResponsibilityRule, deleteResponsibilityRule, getAssignment, listResponsibilityRules, listServiceLevelRules, overrideAssignment,
  serviceLevelCompliance, setServiceLevel, updateResponsibilityRule,
} from './responsibility.service.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** The responsibility matrix, incident routing and its overrides, service levels and compliance. */
export const responsibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/responsibility/rules', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'The responsibility matrix (place type × category → unit)', response: { 200: z.array(ResponsibilityRuleSchema) } },
  }, async (request) => listResponsibilityRules(await serviceContext(request)));

  app.post('/responsibility/rules', {
    config: { policy: 'responsibility:manage' },
    schema: { tags, summary: 'Add a rule (admins)', body: ResponsibilityRuleInputSchema, response: { 201: ResponsibilityRuleSchema } },
  }, async (request, reply) => reply.status(201).send(await createResponsibilityRule(await serviceContext(request), request.body)));

  app.put('/responsibility/rules/:id', {
    config: { policy: 'responsibility:manage' },
    schema: { tags, summary: 'Replace a rule (admins)', params: IdParams, body: ResponsibilityRuleInputSchema, response: { 200: ResponsibilityRuleSchema } },
  }, async (request) => updateResponsibilityRule(await serviceContext(request), request.params.id, request.body));

  app.delete('/responsibility/rules/:id', {
    config: { policy: 'responsibility:manage' },
    schema: { tags, summary: 'Remove a rule (admins)', params: IdParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteResponsibilityRule(await serviceContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/incidents/:id/assignment', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'The unit an incident is routed to', params: IdParams, response: { 200: AssignmentSchema } },
  }, async (request) => getAssignment(await serviceContext(request), request.params.id));

  app.put('/incidents/:id/assignment', {
    config: { policy: 'assignments:override' },
    schema: { tags, summary: 'Route an incident to another unit by hand (its assigned or reporting unit, its district\'s coordinators, admins); If-Match: the incident\'s ETag', params: IdParams, body: AssignmentOverrideSchema, response: { 200: AssignmentSchema } },
  }, async (request) => overrideAssignment(await serviceContext(request), request.params.id, request.body.unit_id, ifMatch(request)));

  app.get('/service-levels', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'Response rules per category', response: { 200: z.array(ServiceLevelSchema) } },
  }, async (request) => listServiceLevelRules(await serviceContext(request)));

  app.put('/service-levels/:code', {
    config: { policy: 'responsibility:manage' },
    schema: { tags, summary: "Set a category's response rule (admins)", params: z.object({ code: CategoryCodeSchema }), body: ServiceLevelInputSchema, response: { 200: ServiceLevelSchema } },
  }, async (request) => setServiceLevel(await serviceContext(request), request.params.code, request.body));

  app.get('/service-levels/compliance', {
    config: { policy: 'programme:read' },
    schema: { tags, summary: 'Share closed within the service level, per unit and category', querystring: ComplianceQuerySchema, response: { 200: z.array(ComplianceRowSchema) } },
  }, async (request) => serviceLevelCompliance(await serviceContext(request), request.query.unit_id));
};
