import { lawDocumentsContract as docs } from '../../contracts/law-documents.contract.js';
import type { LawDocumentAdopt, LawDocumentGenerate, LawDocumentRevise } from '../../domain/law-documents.js';
import { call, routeUrl } from './call.js';

/** The documents of Lag (2023:196): the API answers each reader with what they may read. */
export const lawDocumentEndpoints = {
  list: (districtId: string | null) => call(docs.list, { query: districtId ? { district_id: districtId } : {} }),
  get: (id: string) => call(docs.get, { params: { id } }),
  generate: (body: LawDocumentGenerate) => call(docs.generate, { body }),
  revise: (id: string, body: LawDocumentRevise) => call(docs.revise, { params: { id }, body }),
  adopt: (id: string, body: LawDocumentAdopt) => call(docs.adopt, { params: { id }, body }),
  pdfUrl: (id: string) => routeUrl(docs.pdf, { params: { id } }),
};
