import { AuditExportQuerySchema, AuditPageSchema, AuditQuerySchema } from '../domain/audit.js';
import { defineRoute } from './define-route.js';

const tags = ['audit'];

export const auditContract = {
  search: defineRoute({
    method: 'GET',
    path: '/audit',
    policy: 'audit:read',
    tags,
    summary: 'Search the audit log',
    query: AuditQuerySchema,
    response: { 200: AuditPageSchema },
  }),
  /** A file (CSV or JSON) the browser downloads. */
  export: defineRoute({
    method: 'GET',
    path: '/audit/export',
    policy: 'audit:read',
    tags,
    summary: 'Export the audit log (CSV or JSON) for the data-protection officer',
    query: AuditExportQuerySchema,
  }),
};
