import type { Policy } from '../domain/policies.js';

/**
 * A page of the web app: the policy of the server's table (domain/policies.ts) its visitor needs — the API
 * routes it calls answer 403 to anyone else — and, where the page has one, the i18n key of the sentence that
 * says who may use it instead.
 */
export interface PageAccess {
  policy: Policy;
  /** i18n key of the page's name: the heading of the access message, so the visitor knows where they are. */
  title?: string;
  noAccess?: string;
}

/**
 * Every page of the web app by its route path (relative to `/`; '' is the start page). The router is built
 * from this table, so a page cannot exist without saying who may use it, and the route × role test visits
 * every entry.
 */
export const PAGES = {
  '': { policy: 'public' },
  'districts/:id': { policy: 'public' },
  'districts/:id/situation': { policy: 'situation:read', title: 'situation.link', noAccess: 'situation.noAccess' },
  situation: { policy: 'situation:read', title: 'situation.cityTitle', noAccess: 'situation.noAccess' },
  'situation/reports/:id': { policy: 'meetings:read', title: 'situation.link' },
  inbox: { policy: 'inbox:read', title: 'inbox.title' },
  'districts/:id/programme': {
    policy: 'programme:read',
    title: 'programme.district.link',
    noAccess: 'programme.noAccess',
  },
  'districts/:id/problems': {
    policy: 'programme:read',
    title: 'programme.problem.title',
    noAccess: 'programme.noAccess',
  },
  'districts/:id/problems/new': { policy: 'programme:write', title: 'programme.problem.title' },
  'problems/:id': { policy: 'programme:read', title: 'programme.problem.title', noAccess: 'programme.noAccess' },
  'problems/:id/edit': { policy: 'programme:write', title: 'programme.problem.title' },
  'measures/new': { policy: 'programme:write', title: 'programme.measure.title' },
  'measures/:id': { policy: 'programme:read', title: 'programme.measure.title', noAccess: 'programme.noAccess' },
  'measures/:id/edit': { policy: 'programme:write', title: 'programme.measure.title' },
  // A published evaluation is public; a draft is not found for those outside the staff (the server decides).
  'evaluations/:id': { policy: 'public' },
  'measures/:id/evaluations/new': { policy: 'evaluations:write', title: 'evaluationForm.newTitle' },
  'evaluations/:id/edit': { policy: 'evaluations:write', title: 'evaluationForm.editTitle' },
  places: { policy: 'public' },
  'places/:id': { policy: 'public' },
  report: { policy: 'public' },
  // CONFIRM_CONTACT_PATH (domain/web-paths.ts), the link in the mail to a reporter; pages.test.ts keeps them equal.
  'report/confirm': { policy: 'public' },
  follow: { policy: 'public' },
  'follow/:code': { policy: 'public' },
  'incidents/:id': { policy: 'incidents:read', title: 'incident.title' },
  tillganglighet: { policy: 'public' },
  personuppgifter: { policy: 'public' },
  'admin/audit': { policy: 'audit:read', title: 'audit.title', noAccess: 'audit.noAccess' },
  'admin/records': { policy: 'records:export', title: 'records.title', noAccess: 'records.noAccess' },
  'admin/users': { policy: 'users:manage', title: 'users.title', noAccess: 'users.noAccess' },
  'admin/retention': { policy: 'gdpr:manage', title: 'retention.title', noAccess: 'retention.noAccess' },
  'admin/jobs': { policy: 'jobs:read', title: 'jobs.title', noAccess: 'jobs.noAccess' },
  city: { policy: 'programme:read', title: 'city.title', noAccess: 'reports.noAccess' },
  quality: { policy: 'quality:read', title: 'quality.title', noAccess: 'reports.noAccess' },
  annual: { policy: 'quality:read', title: 'annual.title', noAccess: 'reports.noAccess' },
  units: { policy: 'programme:read', title: 'city.title', noAccess: 'reports.noAccess' },
  'units/:id': { policy: 'programme:read', title: 'city.title', noAccess: 'reports.noAccess' },
  agreements: { policy: 'programme:read', title: 'agreements.title', noAccess: 'reports.noAccess' },
  'agreements/new': { policy: 'agreements:write', title: 'agreements.title', noAccess: 'agreementForm.noAccess' },
  'agreements/:id/edit': { policy: 'agreements:write', title: 'agreements.title', noAccess: 'agreementForm.noAccess' },
  'agreements/:id/review': {
    policy: 'agreements:write',
    title: 'agreements.title',
    noAccess: 'agreementForm.noAccess',
  },
  overenskommelser: { policy: 'public' },
  // The programme: staff read every version, the public the adopted and replaced ones (the API decides).
  programmes: { policy: 'public' },
  'programmes/compare': { policy: 'public' },
  'programmes/versions/:id': { policy: 'public' },
  'programmes/versions/:id/edit': {
    policy: 'programmes:manage',
    title: 'programmes.title',
    noAccess: 'programmes.noAccess',
  },
  // Consultation rounds: the office sends and reads the answers, the units consulted answer (never public).
  'programmes/versions/:id/consultation': {
    policy: 'programmes:manage',
    title: 'consultations.title',
    noAccess: 'consultations.noAccess',
  },
  'programmes/consultations/:id': {
    policy: 'programmes:manage',
    title: 'consultations.title',
    noAccess: 'consultations.noAccess',
  },
  'programmes/responses': {
    policy: 'consultations:respond',
    title: 'consultations.mineTitle',
    noAccess: 'consultations.noAccess',
  },
  'programmes/responses/:id': {
    policy: 'consultations:read',
    title: 'consultations.title',
    noAccess: 'consultations.noAccess',
  },
  // The reporting cycle: staff who report or read the programme's follow-up (the API decides per unit).
  'programmes/reporting': { policy: 'reporting:read', title: 'reporting.title', noAccess: 'reporting.noAccess' },
  'programmes/reporting/:id': { policy: 'reporting:read', title: 'reporting.title', noAccess: 'reporting.noAccess' },
  'programmes/reporting/:id/report': {
    policy: 'reporting:read',
    title: 'reporting.title',
    noAccess: 'reporting.noAccess',
  },
  'programmes/reporting/:id/units/:unitId': {
    policy: 'reporting:read',
    title: 'reporting.title',
    noAccess: 'reporting.noAccess',
  },
  // The law's documents: staff read every version, everyone else the adopted ones (the API decides).
  'law-documents': { policy: 'public' },
  'districts/:id/law-documents': { policy: 'public' },
  'law-documents/:id': { policy: 'public' },
  responsibility: { policy: 'programme:read', title: 'responsibility.title', noAccess: 'reports.noAccess' },
  'service-levels': { policy: 'programme:read', title: 'serviceLevels.title', noAccess: 'reports.noAccess' },
  imports: { policy: 'imports:run', title: 'imports.title', noAccess: 'imports.noAccess' },
  // Safety surveys: published aggregates for staff and partners; importing is the importers'.
  surveys: { policy: 'surveys:read', title: 'surveys.title', noAccess: 'surveys.noAccess' },
  'surveys/import': { policy: 'surveys:import', title: 'surveys.import.title', noAccess: 'imports.noAccess' },
  'survey-areas/:id': { policy: 'surveys:read', title: 'surveys.title', noAccess: 'surveys.noAccess' },
  // Safety walks: staff and invited partners; the API decides per walk (organising or invited unit).
  walks: { policy: 'walks:read', title: 'walks.title', noAccess: 'walks.noAccess' },
  'walks/checklist': { policy: 'walks:checklist', title: 'walks.checklist.title', noAccess: 'walks.noAccess' },
  'walks/:id/capture': { policy: 'walks:read', title: 'walks.captureTitle', noAccess: 'walks.noAccess' },
  'walks/:id/report': { policy: 'walks:read', title: 'walks.reportTitle', noAccess: 'walks.noAccess' },
  login: { policy: 'public' },
  'account/password': { policy: 'signed_in' },
} as const satisfies Record<string, PageAccess>;

export type PagePath = keyof typeof PAGES;
