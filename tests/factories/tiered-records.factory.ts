import type { FastifyInstance } from 'fastify';
import { addWeeks, DEFAULT_TIME_ZONE, isoWeekOfDate, weekBounds } from '../../src/domain/calendar/index.js';
import { CONFIDENTIALITY_TIERS, type Confidentiality } from '../../src/domain/confidentiality.js';

/** Record kinds the read matrix plants, one per tier; `meeting` and `annotation` are one each (see below). */
export type MarkedKind =
  | 'incident'
  | 'problem'
  | 'measure'
  | 'request'
  | 'agreement'
  | 'meeting_action'
  | 'meeting'
  | 'annotation';

/**
 * A planted record: its id (when callers may not see it, neither may they see the id), its tier, and marker
 * words in its fields. `freeText` markers are free text no analyst may read; `label` markers are not free text.
 */
export interface Planted {
  kind: MarkedKind;
  tier: Confidentiality;
  id: string;
  freeText: string[];
}

const TIER_CODE: Record<Confidentiality, string> = {
  public: 'pub',
  partner: 'par',
  municipal: 'mun',
  restricted: 'res',
};

/** A marker word: letters only, so the personal-data redactor (plates, phone numbers) leaves it alone. */
export const marker = (tier: Confidentiality, kind: string, field: string) =>
  `zq${TIER_CODE[tier]}${kind.replace(/_/g, '')}${field}`;

async function post(
  app: FastifyInstance,
  headers: Record<string, string>,
  url: string,
  payload: object,
): Promise<{ id: string }> {
  const res = await app.inject({ method: 'POST', url, headers, payload });
  if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The ISO week seven days ago (the report week of the matrix) and the week after it. */
export function matrixWeeks(now = new Date()) {
  const d = new Date(now.getTime() - 7 * 86_400_000);
  const week = isoWeekOfDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return { week, next: addWeeks(week, 1), start: weekBounds(week, DEFAULT_TIME_ZONE).start };
}

/**
 * Creates, as `admin` (an admin account), one incident, problem, measure (with a component and an overdue
 * follow-up), contribution request and local agreement at every tier, all owned by `owner` (with `other`
 * as the asked unit and `partner` as the agreement's partner); a frozen city report of the matrix week
 * with a meeting (tier partner, notes marked) deciding one action per tier; and one annotation.
 */
export async function plantTieredRecords(
  app: FastifyInstance,
  admin: Record<string, string>,
  units: { owner: string; other: string; partner: string; area: string },
): Promise<Planted[]> {
  const planted: Planted[] = [];
  const { week, start } = matrixWeeks();
  const day = (offsetDays: number) =>
    new Date(start.getTime() + offsetDays * 86_400_000 + 12 * 3_600_000).toISOString().slice(0, 10);
  for (const tier of CONFIDENTIALITY_TIERS) {
    const m = (kind: string, field: string) => marker(tier, kind, field);
    const incident = await post(app, admin, '/api/incidents', {
      occurred_at: new Date(start.getTime() + 36 * 3_600_000).toISOString(),
      category: 'klotter',
      lon: 18.021,
      lat: 59.271,
      description: m('inc', 'des'),
      reporting_unit_id: units.owner,
      confidentiality: tier,
    });
    planted.push({ kind: 'incident', tier, id: incident.id, freeText: [m('inc', 'des')] });
    const problem = await post(app, admin, '/api/problems', {
      owner_unit_id: units.owner,
      area_id: units.area,
      title: m('pro', 'tit'),
      statement: m('pro', 'sta'),
      time_pattern: m('pro', 'tim'),
      categories: ['klotter'],
      confidentiality: tier,
    });
    planted.push({
      kind: 'problem',
      tier,
      id: problem.id,
      freeText: [m('pro', 'tit'), m('pro', 'sta'), m('pro', 'tim')],
    });
    const measure = await post(app, admin, '/api/measures', {
      problem_ids: [problem.id],
      responsible_unit_id: units.owner,
      title: m('mea', 'tit'),
      description: m('mea', 'des'),
      type: 'situational',
      period_start: day(-30),
      followup_dates: [day(-2)],
      components: [{ title: m('mea', 'com'), type: 'social' }],
      confidentiality: tier,
    });
    await post(app, admin, `/api/measures/${measure.id}/status`, { status: 'ongoing' });
    planted.push({
      kind: 'measure',
      tier,
      id: measure.id,
      freeText: [m('mea', 'tit'), m('mea', 'des'), m('mea', 'com')],
    });
    const request = await post(app, admin, '/api/requests', {
      from_unit_id: units.owner,
      to_unit_id: units.other,
      problem_id: problem.id,
      what: m('req', 'wha'),
      due_date: day(-1),
      confidentiality: tier,
    });
    planted.push({ kind: 'request', tier, id: request.id, freeText: [m('req', 'wha')] });
    const agreement = await post(app, admin, '/api/agreements', {
      district_unit_id: units.owner,
      partner_unit_id: units.partner,
      kind: 'collaboration_agreement',
      title: m('agr', 'tit'),
      summary: m('agr', 'sum'),
      period_start: '2024-01-01',
      period_end: '2030-12-31',
      area_ids: [units.area],
      confidentiality: tier,
    });
    planted.push({ kind: 'agreement', tier, id: agreement.id, freeText: [m('agr', 'tit'), m('agr', 'sum')] });
  }
  const report = await post(app, admin, '/api/situation/reports', { area_id: null, week });
  const reportId = (report as unknown as { report: { id: string } }).report.id;
  const meeting = (await post(app, admin, `/api/situation/reports/${reportId}/meeting`, {
    held_at: new Date(start.getTime() + 7 * 86_400_000 + 9 * 3_600_000).toISOString(),
    participants: [units.owner],
    notes: marker('partner', 'mtg', 'not'),
    actions: CONFIDENTIALITY_TIERS.map((tier) => ({
      unit_id: units.owner,
      title: marker(tier, 'act', 'tit'),
      due_date: day(1),
      confidentiality: tier,
    })),
    confidentiality: 'partner',
  })) as unknown as { id: string; actions: Array<{ id: string; title: string; confidentiality: Confidentiality }> };
  planted.push({ kind: 'meeting', tier: 'partner', id: meeting.id, freeText: [marker('partner', 'mtg', 'not')] });
  for (const a of meeting.actions)
    planted.push({ kind: 'meeting_action', tier: a.confidentiality, id: a.id, freeText: [a.title] });
  const annotation = await post(app, admin, '/api/situation/annotations', {
    date: day(2),
    kind: 'campaign',
    text: marker('public', 'ann', 'txt'),
  });
  planted.push({ kind: 'annotation', tier: 'public', id: annotation.id, freeText: [marker('public', 'ann', 'txt')] });
  return planted;
}
