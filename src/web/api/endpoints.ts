import type { z } from 'zod';
import { auditContract } from '../../contracts/audit.contract.js';
import { authContract } from '../../contracts/auth.contract.js';
import { categoriesContract } from '../../contracts/categories.contract.js';
import type { QueryOf, RouteResult } from '../../contracts/define-route.js';
import { gdprContract } from '../../contracts/gdpr.contract.js';
import { incidentsContract } from '../../contracts/incidents.contract.js';
import { orgContract } from '../../contracts/org.contract.js';
import { placesContract } from '../../contracts/places.contract.js';
import { publicReportsContract } from '../../contracts/public-reports.contract.js';
import { responsibilityContract } from '../../contracts/responsibility.contract.js';
import type { AuditPageSchema, AuditQuery } from '../../domain/audit.js';
import type { Login, PasswordChange } from '../../domain/auth.js';
import type {
  HexbinSchema,
  Incident,
  IncidentConfidentialityUpdate,
  IncidentCreateInput,
  IncidentStatusUpdate,
  Precision,
  Source,
  Status,
} from '../../domain/incidents.js';
import type { AreaDetailSchema, AreaSummary, PlaceDetailSchema, PolygonalGeometrySchema } from '../../domain/org.js';
import type { PublicReportCreateInput, PublicReportReceiptSchema } from '../../domain/public-reports.js';
import type { AssignmentSchema } from '../../domain/responsibility.js';
import { call, routeUrl } from './call.js';

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
export type AreaFeatureCollection = FeatureCollection<
  PolygonalGeometry,
  AreaSummary & { owner_unit_name?: string | null }
>;
/** A page of incidents: the JSON (not GeoJSON) answer of the incident list. */
export type IncidentPage = Extract<RouteResult<typeof incidentsContract.list>, { items: unknown }>;
/** Coarse incidents (area, municipality precision) come with geometry null. */
export type IncidentFeatureCollection = FeatureCollection<
  { type: 'Point'; coordinates: [number, number] } | null,
  Incident
>;

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
  areasGeojson: (q: AreaQuery) =>
    call(orgContract.areas, { query: { ...q, format: 'geojson' } }) as Promise<AreaFeatureCollection>,
  area: (id: string) => call(orgContract.area, { params: { id } }),

  places: (query: QueryOf<typeof placesContract.list> = {}) => call(placesContract.list, { query }),
  place: (id: string) => call(placesContract.get, { params: { id } }),

  incidents: (f: IncidentFilter & { limit?: number; cursor?: string }) =>
    call(incidentsContract.list, { query: { ...f, bbox: bboxParam(f.bbox), format: 'json' } }) as Promise<IncidentPage>,
  incidentsGeojson: (f: IncidentFilter & { limit?: number }) =>
    call(incidentsContract.list, {
      query: { ...f, bbox: bboxParam(f.bbox), format: 'geojson' },
    }) as Promise<IncidentFeatureCollection>,
  hexbins: (query: QueryOf<typeof incidentsContract.hexbins>) => call(incidentsContract.hexbins, { query }),
  incident: (id: string) => call(incidentsContract.get, { params: { id } }),
  createIncident: (body: IncidentCreateInput) => call(incidentsContract.create, { body }),
  updateIncidentStatus: (id: string, body: IncidentStatusUpdate, version?: number) =>
    call(incidentsContract.updateStatus, { params: { id }, body, version }),
  updateIncidentConfidentiality: (id: string, body: IncidentConfidentialityUpdate) =>
    call(incidentsContract.updateConfidentiality, { params: { id }, body }),
  /** The unit an incident is routed to; 404 when nobody is. */
  incidentAssignment: (id: string) => call(responsibilityContract.assignment, { params: { id } }),
  /** Routes the incident to another unit by hand (overriding the responsibility matrix). */
  overrideIncidentAssignment: (id: string, unitId: string) =>
    call(responsibilityContract.overrideAssignment, { params: { id }, body: { unit_id: unitId } }),

  /** The record of processing (GDPR art. 30): public. */
  processingRecord: () => call(gdprContract.processingRecord),
  /** The audit log, newest first; `before_id` is the previous page's `next_before_id`. */
  audit: (query: QueryOf<typeof auditContract.search>) => call(auditContract.search, { query }),
  /** A link, not a fetch: the browser downloads the file (the server sets Content-Disposition). */
  auditExportUrl: (q: AuditFilter, format: 'csv' | 'json' = 'csv') =>
    routeUrl(auditContract.export, { query: { format, ...q } }),

  /** Residents' reports: no account, a receipt code to follow the report by. */
  createPublicReport: (body: PublicReportCreateInput) => call(publicReportsContract.create, { body }),
  confirmContact: (token: string) => call(publicReportsContract.confirmContact, { body: { token } }),
  publicReport: (receipt: string) => call(publicReportsContract.get, { params: { receipt } }),

  me: () => call(authContract.me),
  login: (body: Login) => call(authContract.login, { body }),
  logout: () => call(authContract.logout),
  changePassword: (body: PasswordChange) => call(authContract.changePassword, { body }),
  providers: () => call(authContract.providers),
};
