import { z } from 'zod';
import { CategoryCodeSchema } from '../domain/categories.js';
import { UuidSchema } from '../domain/common.js';
import {
  AssignmentOverrideSchema,
  AssignmentSchema,
  ComplianceQuerySchema,
  ComplianceRowSchema,
  ResponsibilityRuleInputSchema,
  ResponsibilityRuleSchema,
  ServiceLevelInputSchema,
  ServiceLevelSchema,
} from '../domain/responsibility.js';
import { defineRoute } from './define-route.js';

const tags = ['programme'];
const IdParams = z.object({ id: UuidSchema });

/** The responsibility matrix, incident routing and its overrides, service levels and compliance. */
export const responsibilityContract = {
  rules: defineRoute({
    method: 'GET',
    path: '/responsibility/rules',
    policy: 'programme:read',
    tags,
    summary: 'The responsibility matrix (place type × category → unit)',
    response: { 200: z.array(ResponsibilityRuleSchema) },
  }),
  createRule: defineRoute({
    method: 'POST',
    path: '/responsibility/rules',
    policy: 'responsibility:manage',
    tags,
    summary: 'Add a rule (admins)',
    body: ResponsibilityRuleInputSchema,
    response: { 201: ResponsibilityRuleSchema },
  }),
  updateRule: defineRoute({
    method: 'PUT',
    path: '/responsibility/rules/:id',
    policy: 'responsibility:manage',
    tags,
    summary: 'Replace a rule (admins)',
    params: IdParams,
    body: ResponsibilityRuleInputSchema,
    response: { 200: ResponsibilityRuleSchema },
  }),
  deleteRule: defineRoute({
    method: 'DELETE',
    path: '/responsibility/rules/:id',
    policy: 'responsibility:manage',
    tags,
    summary: 'Remove a rule (admins)',
    params: IdParams,
    response: { 204: z.null() },
  }),
  assignment: defineRoute({
    method: 'GET',
    path: '/incidents/:id/assignment',
    policy: 'programme:read',
    tags,
    summary: 'The unit an incident is routed to',
    params: IdParams,
    response: { 200: AssignmentSchema },
  }),
  overrideAssignment: defineRoute({
    method: 'PUT',
    path: '/incidents/:id/assignment',
    policy: 'assignments:override',
    tags,
    ifMatch: true,
    summary:
      "Route an incident to another unit by hand (its assigned or reporting unit, its district's coordinators, admins); If-Match: the incident's ETag",
    params: IdParams,
    body: AssignmentOverrideSchema,
    response: { 200: AssignmentSchema },
  }),
  serviceLevels: defineRoute({
    method: 'GET',
    path: '/service-levels',
    policy: 'programme:read',
    tags,
    summary: 'Response rules per category',
    response: { 200: z.array(ServiceLevelSchema) },
  }),
  setServiceLevel: defineRoute({
    method: 'PUT',
    path: '/service-levels/:code',
    policy: 'responsibility:manage',
    tags,
    summary: "Set a category's response rule (admins)",
    params: z.object({ code: CategoryCodeSchema }),
    body: ServiceLevelInputSchema,
    response: { 200: ServiceLevelSchema },
  }),
  compliance: defineRoute({
    method: 'GET',
    path: '/service-levels/compliance',
    policy: 'programme:read',
    tags,
    summary: 'Share closed within the service level, per unit and category',
    query: ComplianceQuerySchema,
    response: { 200: z.array(ComplianceRowSchema) },
  }),
};
