/**
 * The table the row-ownership test walks (src/server/row-ownership.test.ts): each write route, and how to call it against
 * a record of the south district and its units, or why it owns no such record.
 */
export type Ids = Record<
  | 'incident'
  | 'problem'
  | 'evidence'
  | 'measure'
  | 'component'
  | 'followup'
  | 'request'
  | 'agreement'
  | 'lawDocument'
  | 'report'
  | 'meeting'
  | 'action'
  | 'annotation'
  | 'district'
  | 'area'
  | 'traffic'
  | 'library'
  | 'consultation'
  | 'period'
  | 'evaluation'
  | 'place'
  | 'walk'
  | 'laterWalk'
  | 'walkItem'
  | 'observation',
  string
>;
type Call = { url: string; payload?: object };
export const evaluationDesign = (i: Ids) => ({
  title: 'Utvärdering',
  treatment: { place_ids: [i.place] },
  comparison: { area_ids: [i.area] },
  before: { from: '2025-01-01', to: '2025-06-30' },
  after: { from: '2025-09-01', to: '2026-02-28' },
  categories: ['klotter'],
});
export const walkPlan = (i: Ids) => ({
  title: 'Trygghetsvandring',
  unit_id: i.district,
  area_id: i.area,
  walk_date: '2026-10-01',
  invited_unit_ids: [i.traffic],
});
type Entry = { owned: (ids: Ids) => Call } | { notOwned: string };

export const WRITES: Record<string, Entry> = {
  'POST /api/auth/login': { notOwned: 'public: signs the caller in' },
  'POST /api/auth/logout': { notOwned: "the caller's own session" },
  'POST /api/auth/password': { notOwned: "the caller's own password" },
  'POST /api/auth/tokens': { notOwned: "the caller's own API tokens" },
  'DELETE /api/auth/tokens/:id': { notOwned: "the caller's own API tokens (another's id is not found)" },
  'POST /api/public/reports': { notOwned: 'public: anyone may report' },
  'POST /api/public/contacts/confirm': { notOwned: 'public: the token from the confirmation mail is the key' },
  'POST /api/public/reports/:receipt/reopen': { notOwned: 'public: the receipt code is the key' },
  'POST /api/public/reports/:receipt/photo': {
    notOwned: 'public: the receipt code is the key, once, right after the report',
  },
  'POST /open311/v2/requests.:format': { notOwned: 'public: anyone may report (Open311)' },
  'POST /api/incidents': { notOwned: "reporting an incident anywhere in the city is every unit's right" },
  'POST /api/imports': { notOwned: 'organisation-wide data load by coordinators and admins (imports:run)' },
  'POST /api/import-profiles': { notOwned: 'organisation-wide column mappings shared by everyone who imports' },
  'PUT /api/import-profiles/:id': { notOwned: 'organisation-wide column mappings shared by everyone who imports' },
  'POST /api/surveys': {
    notOwned: 'the organisation-wide survey catalogue, kept by those who import (surveys:import)',
  },
  'POST /api/surveys/areas': {
    notOwned: 'the organisation-wide survey catalogue, kept by those who import (surveys:import)',
  },
  'POST /api/surveys/questions': {
    notOwned: 'the organisation-wide survey catalogue, kept by those who import (surveys:import)',
  },
  'POST /api/surveys/results/import': {
    notOwned: 'published survey figures for the whole organisation, loaded like incidents (surveys:import)',
  },

  'PATCH /api/incidents/:id/status': {
    owned: (i) => ({
      url: `/api/incidents/${i.incident}/status`,
      payload: { status: 'closed', closure_reason: 'wont_fix' },
    }),
  },
  'PATCH /api/incidents/:id/confidentiality': {
    owned: (i) => ({
      url: `/api/incidents/${i.incident}/confidentiality`,
      payload: { from: 'municipal', confidentiality: 'partner' },
    }),
  },
  'POST /api/incidents/:id/public-updates': {
    owned: (i) => ({ url: `/api/incidents/${i.incident}/public-updates`, payload: { body: 'Vi tittar på det.' } }),
  },
  'PUT /api/incidents/:id/assignment': {
    owned: (i) => ({ url: `/api/incidents/${i.incident}/assignment`, payload: { unit_id: i.library } }),
  },

  'POST /api/problems': {
    owned: (i) => ({
      url: '/api/problems',
      payload: {
        owner_unit_id: i.district,
        area_id: i.area,
        title: 'Klotter',
        categories: ['klotter'],
        statement: 'Klotter vid entrén.',
        affected: ['staff'],
        evidence: [{ kind: 'note', note: 'x' }],
      },
    }),
  },
  'PATCH /api/problems/:id': { owned: (i) => ({ url: `/api/problems/${i.problem}`, payload: { title: 'Ändrad' } }) },
  'POST /api/problems/:id/evidence': {
    owned: (i) => ({ url: `/api/problems/${i.problem}/evidence`, payload: { kind: 'note', note: 'mer' } }),
  },
  'DELETE /api/problems/:id/evidence/:evidence_id': {
    owned: (i) => ({ url: `/api/problems/${i.problem}/evidence/${i.evidence}` }),
  },
  'PUT /api/problems/:id/baseline': {
    owned: (i) => ({ url: `/api/problems/${i.problem}/baseline`, payload: { from: '2026-02-01', to: '2026-02-28' } }),
  },

  'POST /api/measures': {
    owned: (i) => ({
      url: '/api/measures',
      payload: { problem_ids: [i.problem], responsible_unit_id: i.district, title: 'Belysning', type: 'situational' },
    }),
  },
  'PATCH /api/measures/:id': { owned: (i) => ({ url: `/api/measures/${i.measure}`, payload: { title: 'Ändrad' } }) },
  'POST /api/measures/:id/status': {
    owned: (i) => ({ url: `/api/measures/${i.measure}/status`, payload: { status: 'ongoing' } }),
  },
  'POST /api/measures/:id/components/:component_id/status': {
    owned: (i) => ({
      url: `/api/measures/${i.measure}/components/${i.component}/status`,
      payload: { status: 'ongoing' },
    }),
  },
  'POST /api/measures/:id/followups': {
    owned: (i) => ({ url: `/api/measures/${i.measure}/followups`, payload: { due_date: '2099-01-31' } }),
  },
  'POST /api/measures/:id/followups/:followup_id': {
    owned: (i) => ({
      url: `/api/measures/${i.measure}/followups/${i.followup}`,
      payload: { what_was_done: 'Inget', assessment: 'unclear' },
    }),
  },

  'POST /api/requests': {
    owned: (i) => ({
      url: '/api/requests',
      payload: {
        from_unit_id: i.district,
        to_unit_id: i.traffic,
        problem_id: i.problem,
        what: 'Laga lampan',
        due_date: '2099-01-01',
      },
    }),
  },
  'POST /api/requests/:id/accept': { owned: (i) => ({ url: `/api/requests/${i.request}/accept`, payload: {} }) },
  'POST /api/requests/:id/decline': {
    owned: (i) => ({ url: `/api/requests/${i.request}/decline`, payload: { reason: 'nej' } }),
  },
  'POST /api/requests/:id/deliver': {
    owned: (i) => ({ url: `/api/requests/${i.request}/deliver`, payload: { note: 'klart' } }),
  },

  'POST /api/agreements': {
    owned: (i) => ({
      url: '/api/agreements',
      payload: {
        district_unit_id: i.district,
        partner_unit_id: i.traffic,
        kind: 'citizen_promise',
        title: 'Löfte',
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        area_ids: [i.area],
      },
    }),
  },
  'PATCH /api/agreements/:id': {
    owned: (i) => ({ url: `/api/agreements/${i.agreement}`, payload: { title: 'Ändrad' } }),
  },
  'POST /api/agreements/:id/review': {
    owned: (i) => ({ url: `/api/agreements/${i.agreement}/review`, payload: { reviewed_on: '2026-06-30' } }),
  },
  'PUT /api/agreements/:id/public-text': {
    owned: (i) => ({ url: `/api/agreements/${i.agreement}/public-text`, payload: { text: 'Vi lovar' } }),
  },

  'POST /api/law-documents': {
    owned: (i) => ({ url: '/api/law-documents', payload: { kind: 'cause_analysis', district_id: i.district } }),
  },
  'POST /api/law-document-versions/:id/revisions': {
    owned: (i) => ({
      url: `/api/law-document-versions/${i.lawDocument}/revisions`,
      payload: { sections: [{ position: 0, body: 'Ändrad' }] },
    }),
  },
  'POST /api/law-document-versions/:id/status': {
    owned: (i) => ({
      url: `/api/law-document-versions/${i.lawDocument}/status`,
      payload: { status: 'adopted', decision_ref: 'SDN 2026/1', adopted_on: '2026-12-01' },
    }),
  },

  'POST /api/measures/:id/evaluations': {
    owned: (i) => ({ url: `/api/measures/${i.measure}/evaluations`, payload: evaluationDesign(i) }),
  },
  'PUT /api/evaluations/:id': {
    owned: (i) => ({
      url: `/api/evaluations/${i.evaluation}`,
      payload: { ...evaluationDesign(i), status: 'published' },
    }),
  },
  'PUT /api/places/:id/figures': {
    owned: (i) => ({
      url: `/api/places/${i.place}/figures`,
      payload: { months: [{ month: '2026-01', visitors: 100, opening_hours: null }] },
    }),
  },

  'POST /api/walks/checklist': {
    notOwned: 'the organisation-wide walk checklist, kept by coordinators and admins (walks:checklist)',
  },
  'PATCH /api/walks/checklist/:id': {
    notOwned: 'the organisation-wide walk checklist, kept by coordinators and admins (walks:checklist)',
  },
  'POST /api/walks': { owned: (i) => ({ url: '/api/walks', payload: walkPlan(i) }) },
  'POST /api/walks/:id/status': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/status`, payload: { status: 'finished' } }),
  },
  'POST /api/walks/:id/observations': {
    owned: (i) => ({
      url: `/api/walks/${i.walk}/observations`,
      payload: {
        id: '0b9c5a52-3f55-4d7e-9d0a-6f1f2f3c4d5e',
        item_id: i.walkItem,
        lon: 18.02,
        lat: 59.27,
        severity: 'high',
      },
    }),
  },
  'PUT /api/walks/:id/observations/:observationId/photo': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/observations/${i.observation}/photo` }),
  },
  'PUT /api/walks/:id/followups/:observationId': {
    owned: (i) => ({ url: `/api/walks/${i.laterWalk}/followups/${i.observation}`, payload: { outcome: 'fixed' } }),
  },
  'POST /api/walks/:id/observations/:observationId/problem': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/observations/${i.observation}/problem`, payload: {} }),
  },
  'POST /api/walks/:id/observations/:observationId/route': {
    owned: (i) => ({ url: `/api/walks/${i.walk}/observations/${i.observation}/route` }),
  },

  'PUT /api/situation/districts/:area_id/thresholds': {
    owned: (i) => ({
      url: `/api/situation/districts/${i.area}/thresholds`,
      payload: { viss_oro_from: 1, oroligt_from: 2, allvarligt_from: 3, violence_weight: 2, rise_raises_level: false },
    }),
  },
  'PUT /api/situation/districts/:area_id/ratings': {
    owned: (i) => ({
      url: `/api/situation/districts/${i.area}/ratings`,
      payload: { week: '2026-W40', ratings: [{ neighbourhood_code: 'south', level: 2 }] },
    }),
  },
  'POST /api/situation/annotations': {
    owned: (i) => ({
      url: '/api/situation/annotations',
      payload: { date: '2026-09-29', kind: 'campaign', text: 'x', area_id: i.area },
    }),
  },
  'PATCH /api/consultation-responses/:id': {
    owned: (i) => ({ url: `/api/consultation-responses/${i.consultation}`, payload: { summary: 'Ändrad' } }),
  },
  'POST /api/consultation-responses/:id/submit': {
    owned: (i) => ({ url: `/api/consultation-responses/${i.consultation}/submit` }),
  },
  'PUT /api/reporting-periods/:id/units/:unit_id': {
    owned: (i) => ({ url: `/api/reporting-periods/${i.period}/units/${i.district}`, payload: { summary: 'Ändrad' } }),
  },
  'POST /api/reporting-periods/:id/units/:unit_id/submit': {
    owned: (i) => ({ url: `/api/reporting-periods/${i.period}/units/${i.district}/submit` }),
  },
  'PATCH /api/situation/annotations/:id': {
    owned: (i) => ({ url: `/api/situation/annotations/${i.annotation}`, payload: { text: 'Ändrad' } }),
  },
  'DELETE /api/situation/annotations/:id': { owned: (i) => ({ url: `/api/situation/annotations/${i.annotation}` }) },
  'POST /api/situation/reports': {
    owned: (i) => ({ url: '/api/situation/reports', payload: { area_id: i.area, week: '2026-W41' } }),
  },
  'POST /api/situation/reports/:id/meeting': {
    owned: (i) => ({
      url: `/api/situation/reports/${i.report}/meeting`,
      payload: { held_at: '2026-10-06T09:00:00+02:00', participants: [i.district] },
    }),
  },
  'PATCH /api/situation/meetings/:id': {
    owned: (i) => ({ url: `/api/situation/meetings/${i.meeting}`, payload: { notes: 'Ändrad' } }),
  },
  'POST /api/situation/meetings/:id/actions': {
    owned: (i) => ({
      url: `/api/situation/meetings/${i.meeting}/actions`,
      payload: { unit_id: i.library, title: 'Gör något', due_date: '2099-01-01' },
    }),
  },
  'PATCH /api/situation/actions/:id': {
    owned: (i) => ({ url: `/api/situation/actions/${i.action}`, payload: { status: 'done' } }),
  },
};
