import type { z } from 'zod';
import type { AuditPageSchema, AuditQuery } from '../../domain/audit.js';
import type { Login, Me, PasswordChange, PasswordChanged } from '../../domain/auth.js';
import type { ProcessingRecord } from '../../domain/gdpr.js';
import type {
  HexbinSchema, Incident, IncidentConfidentialityUpdate, IncidentCreateInput, IncidentStatusUpdate, Precision, Source, Status,
} from '../../domain/incidents.js';
import type { AreaDetailSchema, AreaSummary, PlaceDetailSchema, PolygonalGeometrySchema } from '../../domain/org.js';
import type { PublicReportCreateInput, PublicReportReceiptSchema, PublicReportStatus } from '../../domain/public-reports.js';
import type { AssignmentSchema } from '../../domain/responsibility.js';
import { categoriesContract } from '../../contracts/categories.contract.js';
import type { QueryOf } from '../../contracts/define-route.js';
import { orgContract } from '../../contracts/org.contract.js';
import { placesContract } from '../../contracts/places.contract.js';
import { call } from './call.js';
import { api, apiPath } from './client.js';

export type Hexbin = z.infer<typeof HexbinSchema>;
export type AreaDetail = z.infer<typeof AreaDetailSchema>;
export type PlaceDetail = z.infer<typeof PlaceDetailSchema>;
export type PolygonalGeometry = z.infer<typeof PolygonalGeometrySchema>;
export type PublicReportReceipt = z.infer<typeof PublicReportReceiptSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type Assignment = z.infer<typeof AssignmentSchema>;
/** The audit log's search filters (paging is separate). */
export type AuditFilter = Omit<AuditQuery, 'limit' | 'before_id'>;

export interface Feature<G, P> {
  type: 'Feature';
  id?: string | number;
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Array<Feature<G, P>>;
}
export type AreaFeatureCollection = FeatureCollection<PolygonalGeometry, AreaSummary & { owner_unit_name?: string | null }>;
/** Coarse incidents (area, municipality precision) come with geometry null. */
export type IncidentFeatureCollection = FeatureCollection<{ type: 'Point'; coordinates: [number, number] } | null, Incident>;

export interface IncidentFilter {
  area_id?: string | undefined;
  category?: readonly string[] | undefined;
  source?: readonly Source[] | undefined;
  status?: readonly Status[] | undefined;
  precision?: readonly Precision[] | undefined;
  place_id?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
}

type AreaQuery = Omit<QueryOf<typeof orgContract.areas>, 'format'>;

const bboxParam = (b: IncidentFilter['bbox']) => (b ? b.join(',') : undefined);

export const endpoints = {
  organisation: () => call(orgContract.organisation),
  categories: () => call(categoriesContract.list),
  units: (query: QueryOf<typeof orgContract.units> = {}) => call(orgContract.units, { query }),

  // One route answers both shapes; the format asked for says which.
  areas: (q: AreaQuery) => call(orgContract.areas, { query: { ...q, format: 'json' } }) as Promise<AreaSummary[]>,
  areasGeojson: (q: AreaQuery) => call(orgContract.areas, { query: { ...q, format: 'geojson' } }) as Promise<AreaFeatureCollection>,
  area: (id: string) => call(orgContract.area, { params: { id } }),

  places: (query: QueryOf<typeof placesContract.list> = {}) => call(placesContract.list, { query }),
  place: (id: string) => call(placesContract.get, { params: { id } }),

  incidents: (f: IncidentFilter & { limit?: number; cursor?: string }) =>
    api.get<{ items: Incident[]; next_cursor: string | null }>('/api/incidents', { ...f, bbox: bboxParam(f.bbox), format: 'json' }),
  incidentsGeojson: (f: IncidentFilter & { limit?: number }) =>
    api.get<IncidentFeatureCollection>('/api/incidents', { ...f, bbox: bboxParam(f.bbox), format: 'geojson' }),
  hexbins: (f: Omit<IncidentFilter, 'precision' | 'bbox' | 'place_id' | 'status'> & { resolution: number }) =>
    api.get<Hexbin[]>('/api/incidents/hexbins', f),
  incident: (id: string) => api.get<Incident>(`/api/incidents/${encodeURIComponent(id)}`),
  createIncident: (body: IncidentCreateInput) => api.post<Incident>('/api/incidents', body),
  updateIncidentStatus: (id: string, body: IncidentStatusUpdate, version?: number) => api.patch<Incident>(`/api/incidents/${encodeURIComponent(id)}/status`, body, version),
  updateIncidentConfidentiality: (id: string, body: IncidentConfidentialityUpdate) =>
    api.patch<Incident>(`/api/incidents/${encodeURIComponent(id)}/confidentiality`, body),
  /** The unit an incident is routed to; 404 when nobody is. */
  incidentAssignment: (id: string) => api.get<Assignment>(`/api/incidents/${encodeURIComponent(id)}/assignment`),
  /** Routes the incident to another unit by hand (overriding the responsibility matrix). */
  overrideIncidentAssignment: (id: string, unitId: string) => api.put<Assignment>(`/api/incidents/${encodeURIComponent(id)}/assignment`, { unit_id: unitId }),

  /** The record of processing (GDPR art. 30): public. */
  processingRecord: () => api.get<ProcessingRecord>('/api/gdpr/processing-record'),
  /** The audit log, newest first; `before_id` is the previous page's `next_before_id`. */
  audit: (q: AuditFilter & { limit?: number; before_id?: number }) => api.get<AuditPage>('/api/audit', q),
  /** A link, not a fetch: the browser downloads the file (the server sets Content-Disposition). */
  auditExportUrl: (q: AuditFilter, format: 'csv' | 'json' = 'csv') => apiPath('/api/audit/export', { format, ...q }),

  /** Residents' reports: no account, a receipt code to follow the report by. */
  createPublicReport: (body: PublicReportCreateInput) => api.post<PublicReportReceipt>('/api/public/reports', body),
  confirmContact: (token: string) => api.post<null>('/api/public/contacts/confirm', { token }),
  publicReport: (receipt: string) => api.get<PublicReportStatus>(`/api/public/reports/${encodeURIComponent(receipt)}`),

  me: () => api.get<Me>('/api/auth/me'),
  login: (body: Login) => api.post<Me>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  changePassword: (body: PasswordChange) => api.post<PasswordChanged>('/api/auth/password', body),
  providers: () => api.get<{ password: true; oidc: boolean }>('/api/auth/providers'),
};
