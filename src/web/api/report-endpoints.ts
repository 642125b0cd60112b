import { agreementsContract as agreements } from '../../contracts/agreements.contract.js';
import { annualContract as annual } from '../../contracts/annual.contract.js';
import type { ExportFormat } from '../../contracts/define-route.js';
import { qualityContract as quality } from '../../contracts/quality.contract.js';
import { viewsContract as views } from '../../contracts/views.contract.js';
import type { AgreementCreate, AgreementReview, AgreementUpdate } from '../../domain/agreements.js';
import type { AnnualQuery } from '../../domain/annual.js';
import type { ExportLanguage, ScopeQuery } from '../../domain/quality.js';
import { call, routeUrl } from './call.js';

/** The programme's follow-up: quality report, unit and city views, local agreements, annual report. */
export const reportEndpoints = {
  quality: (query: ScopeQuery) => call(quality.report, { query }),
  /** Links, not fetches: the browser downloads the file (the server sets Content-Disposition). */
  /** Swedish unless the reader uses the app in English. */
  qualityFileUrl: (q: ScopeQuery, format: ExportFormat, lang: ExportLanguage) =>
    routeUrl(quality.file[format], { query: lang === 'sv' ? q : { ...q, lang } }),

  unitView: (unitId: string) => call(views.unit, { params: { unit_id: unitId } }),
  cityView: () => call(views.city),

  agreements: (districtUnitId: string) => call(agreements.list, { query: { district_unit_id: districtUnitId } }),
  setAgreementPublicText: (id: string, text: string | null) =>
    call(agreements.setPublicText, { params: { id }, body: { text } }),
  agreement: (id: string) => call(agreements.get, { params: { id } }),
  createAgreement: (body: AgreementCreate) => call(agreements.create, { body }),
  /** `version`: of the agreement the edit was made from; a newer one on the server is a 409. */
  updateAgreement: (id: string, body: AgreementUpdate, version?: number) =>
    call(agreements.update, { params: { id }, body, version }),
  reviewAgreement: (id: string, body: AgreementReview) => call(agreements.review, { params: { id }, body }),
  /** No sign-in: structured facts and the text a coordinator approved, nothing else. */
  publicAgreements: (districtUnitId?: string) =>
    call(agreements.listPublic, { query: { district_unit_id: districtUnitId } }),

  annual: (query: AnnualQuery) => call(annual.report, { query }),
  annualFileUrl: (query: AnnualQuery, format: ExportFormat) => routeUrl(annual.file[format], { query }),
};
