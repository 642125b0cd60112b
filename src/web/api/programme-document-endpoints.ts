import { programmesContract as programmes } from '../../contracts/programmes.contract.js';
import { reportingContract as reporting } from '../../contracts/reporting.contract.js';
import type {
  ProgrammeDraftCreate,
  ProgrammeSectionCreate,
  ProgrammeSectionMove,
  ProgrammeSectionUpdate,
  ProgrammeStatusChange,
  ProgrammeVersionUpdate,
} from '../../domain/programmes.js';
import type { ManagementExportFormat } from '../../domain/management-export.js';
import { call, routeUrl } from './call.js';

/** The programme as a governing document: staff read every version, the public the adopted and replaced ones. */
export const programmeDocumentEndpoints = {
  list: (staff: boolean) => (staff ? call(programmes.list) : call(programmes.listPublic)),
  version: (id: string, staff: boolean) =>
    staff ? call(programmes.get, { params: { id } }) : call(programmes.getPublic, { params: { id } }),
  compare: (from: string, to: string, staff: boolean) =>
    staff ? call(programmes.compare, { query: { from, to } }) : call(programmes.comparePublic, { query: { from, to } }),
  createDraft: (id: string, body: ProgrammeDraftCreate) => call(programmes.createDraft, { params: { id }, body }),
  update: (id: string, body: ProgrammeVersionUpdate) => call(programmes.update, { params: { id }, body }),
  changeStatus: (id: string, body: ProgrammeStatusChange) => call(programmes.changeStatus, { params: { id }, body }),
  addSection: (id: string, body: ProgrammeSectionCreate) => call(programmes.addSection, { params: { id }, body }),
  /** `version`: of the section the edit was made from; a newer one on the server is a 409. */
  updateSection: (id: string, body: ProgrammeSectionUpdate, version?: number) =>
    call(programmes.updateSection, { params: { id }, body, version }),
  moveSection: (id: string, body: ProgrammeSectionMove) => call(programmes.moveSection, { params: { id }, body }),
  removeSection: (id: string, version?: number) => call(programmes.removeSection, { params: { id }, version }),
  /** The adopted version's follow-up as the public reads it, for every reader alike. */
  publicFollowup: (id: string) => call(reporting.publicFollowup, { params: { id } }),
  /** A link, not a fetch: the browser downloads the file (the server sets Content-Disposition). */
  managementExportUrl: (id: string, year: number, format: ManagementExportFormat) =>
    routeUrl(programmes.managementExport[format], { params: { id }, query: { year } }),
};
