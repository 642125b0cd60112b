import type { ComplianceRow, ResponsibilityRule, ResponsibilityRuleInput, ServiceLevel, ServiceLevelInput } from '../../domain/responsibility.js';
import { api } from './client.js';

const enc = encodeURIComponent;

/** The responsibility matrix and the service levels with their compliance. */
export const responsibilityEndpoints = {
  rules: () => api.get<ResponsibilityRule[]>('/api/responsibility/rules'),
  createRule: (body: ResponsibilityRuleInput) => api.post<ResponsibilityRule>('/api/responsibility/rules', body),
  updateRule: (id: string, body: ResponsibilityRuleInput) => api.put<ResponsibilityRule>(`/api/responsibility/rules/${enc(id)}`, body),
  deleteRule: (id: string) => api.delete<void>(`/api/responsibility/rules/${enc(id)}`),

  serviceLevels: () => api.get<ServiceLevel[]>('/api/service-levels'),
  setServiceLevel: (category: string, body: ServiceLevelInput) => api.put<ServiceLevel>(`/api/service-levels/${enc(category)}`, body),
  compliance: (unitId?: string) => api.get<ComplianceRow[]>('/api/service-levels/compliance', { unit_id: unitId }),
};
