import type { z } from 'zod';
import type { AuditPageSchema, AuditQuery } from '../../domain/audit.js';
import type { Login, Me, PasswordChange, PasswordChanged } from '../../domain/auth.js';
import type { Category } from '../../domain/categories.js';
import type { ProcessingRecord } from '../../domain/gdpr.js';
import type {
  HexbinSchema, Incident, IncidentConfidentialityUpdate, IncidentCreateInput, IncidentStatusUpdate, Precision, Source, Status,
} from '../../domain/incidents.js';
import type {
  AreaDetailSchema, AreaLevel, AreaSummary, Organisation, PlaceDetailSchema, PlaceSetting, PlaceSummary,
  PolygonalGeometrySchema, Unit, UnitKind,
} from '../../domain/org.js';
import type { PublicReportCreateInput, PublicReportReceiptSchema, PublicReportStatus } from '../../domain/public-reports.js';
import type { AssignmentSchema } from '../../domain/responsibility.js';
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

const bboxParam = (b: IncidentFilter['bbox']) => (b ? b.join(',') : undefined);

export const endpoints = {
  organisation: () => api.get<Organisation>('/api/organisation'),
  categories: () => api.get<Category[]>('/api/categories'),
  units: (q: { kind?: UnitKind; at?: string } = {}) => api.get<Unit[]>('/api/units', q),

  areas: (q: { level?: AreaLevel; at?: string; parent_id?: string }) => api.get<AreaSummary[]>('/api/areas', { ...q, format: 'json' }),
  areasGeojson: (q: { level?: AreaLevel; at?: string; parent_id?: string }) =>
    api.get<AreaFeatureCollection>('/api/areas', { ...q, format: 'geojson' }),
  area: (id: string) => api.get<AreaDetail>(`/api/areas/${encodeURIComponent(id)}`),

  places: (q: { setting?: PlaceSetting | undefined; type?: string | undefined; area_id?: string | undefined; q?: string | undefined } = {}) =>
    api.get<PlaceSummary[]>('/api/places', q),
  place: (id: string) => api.get<PlaceDetail>(`/api/places/${encodeURIComponent(id)}`),

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
