import type { Agreement, AgreementCreate, AgreementReview, AgreementUpdate, PublicAgreement } from '../../domain/agreements.js';
import type { AnnualQuery, AnnualReport } from '../../domain/annual.js';
import type { ExportLanguage, QualityReport, ScopeQuery } from '../../domain/quality.js';
import type { CityView, UnitView } from '../../domain/views.js';
import { api, apiPath } from './client.js';

const enc = encodeURIComponent;
type ExportFormat = 'pdf' | 'xlsx';

/** The programme's follow-up: quality report, unit and city views, local agreements, annual report. */
export const reportEndpoints = {
  quality: (q: ScopeQuery) => api.get<QualityReport>('/api/quality', q),
  /** Links, not fetches: the browser downloads the file (the server sets Content-Disposition). */
  /** Swedish unless the reader uses the app in English. */
  qualityFileUrl: (q: ScopeQuery, format: ExportFormat, lang: ExportLanguage) => apiPath(`/api/quality/${format}`, lang === 'sv' ? q : { ...q, lang }),

  unitView: (unitId: string) => api.get<UnitView>(`/api/views/units/${enc(unitId)}`),
  cityView: () => api.get<CityView>('/api/views/city'),

  agreements: (districtUnitId: string) => api.get<Agreement[]>('/api/agreements', { district_unit_id: districtUnitId }),
  setAgreementPublicText: (id: string, text: string | null) => api.put<Agreement>(`/api/agreements/${enc(id)}/public-text`, { text }),
  agreement: (id: string) => api.get<Agreement>(`/api/agreements/${enc(id)}`),
  createAgreement: (body: AgreementCreate) => api.post<Agreement>('/api/agreements', body),
  /** `version`: of the agreement the edit was made from; a newer one on the server is a 409. */
  updateAgreement: (id: string, body: AgreementUpdate, version?: number) => api.patch<Agreement>(`/api/agreements/${enc(id)}`, body, version),
  reviewAgreement: (id: string, body: AgreementReview) => api.post<Agreement>(`/api/agreements/${enc(id)}/review`, body),
  /** No sign-in: structured facts and the text a coordinator approved, nothing else. */
  publicAgreements: (districtUnitId?: string) => api.get<PublicAgreement[]>('/api/public/agreements', { district_unit_id: districtUnitId }),

  annual: (q: AnnualQuery) => api.get<AnnualReport>('/api/reports/annual', q),
  annualFileUrl: (q: AnnualQuery, format: ExportFormat) => apiPath(`/api/reports/annual/${format}`, q),
};
