import { responsibilityContract as routes } from '../../contracts/responsibility.contract.js';
import type { ResponsibilityRuleInput, ServiceLevelInput } from '../../domain/responsibility.js';
import { call } from './call.js';

/** The responsibility matrix and the service levels with their compliance. */
export const responsibilityEndpoints = {
  rules: () => call(routes.rules),
  createRule: (body: ResponsibilityRuleInput) => call(routes.createRule, { body }),
  updateRule: (id: string, body: ResponsibilityRuleInput) => call(routes.updateRule, { params: { id }, body }),
  deleteRule: (id: string) => call(routes.deleteRule, { params: { id } }),

  serviceLevels: () => call(routes.serviceLevels),
  setServiceLevel: (code: string, body: ServiceLevelInput) => call(routes.setServiceLevel, { params: { code }, body }),
  compliance: (unitId?: string) => call(routes.compliance, { query: { unit_id: unitId } }),
};
