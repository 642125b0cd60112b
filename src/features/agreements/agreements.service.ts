import { publicCount } from '../../analysis/stats/disclosure.js';
import { redactedText } from '../../analysis/text/redact.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import type {
  Agreement,
  AgreementCreate,
  AgreementReview,
  AgreementUpdate,
  PublicAgreement,
} from '../../domain/agreements.js';
import { today } from '../../domain/calendar/index.js';
import { AppError } from '../../domain/errors.js';
import type { InboxItem } from '../../domain/meetings.js';
import type { ServiceContext } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { SYSTEM } from '../../domain/auth.js';
import { DEFAULT_CONFIDENTIALITY } from '../../domain/confidentiality.js';
import type { Measure } from '../../domain/measures.js';
import { freeTextGate } from '../auth/free-text.js';
import { assertCoordinatesUnit, tierAccess } from '../../core/policy.js';
import { listMeasures } from '../measures/measures.service.js';
import { findArea, findUnit } from '../../core/tenancy.repo.js';
import { listProblems } from '../problems/problems.service.js';
import { nextReview, reviewOverdue } from './agreement-review.js';
import { indicatorOn, indicatorWhere, recordReview, reviewRecords } from './agreement-reviews.service.js';
import {
  type AgreementRow,
  agreementLinks,
  findAgreement,
  insertAgreement,
  listAgreementRows,
  listReviews,
  replaceAgreementLinks,
  updateAgreementRow,
} from './agreements.repo.js';

const invalid = (path: string, code: string, message: string) =>
  new AppError('VALIDATION_FAILED', { details: [{ path, code, message }] });
/** How far ahead a coming review shows in the district's inbox. */
const INBOX_HORIZON_DAYS = 30;

async function checkRefs(
  ctx: ServiceContext,
  input: {
    district_unit_id?: string;
    partner_unit_id?: string;
    area_ids?: readonly string[] | undefined;
    measure_ids?: readonly string[] | undefined;
  },
) {
  const org = ctx.organisation.id;
  if (input.district_unit_id && (await findUnit(ctx.db, org, input.district_unit_id))?.kind !== 'district')
    throw invalid('district_unit_id', 'not_a_district', 'no such district unit');
  if (input.partner_unit_id && !(await findUnit(ctx.db, org, input.partner_unit_id)))
    throw invalid('partner_unit_id', 'unknown_unit', 'no such unit');
  for (const id of input.area_ids ?? [])
    if (!(await findArea(ctx.db, org, id))) throw invalid('area_ids', 'unknown_area', `no area ${id}`);
  const ids = [...new Set(input.measure_ids ?? [])];
  const found = new Set((await listMeasures(ctx, { ids })).map((m) => m.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', {
      details: missing.map((id) => ({ path: 'measure_ids', code: 'unknown_measure', message: `no measure ${id}` })),
    });
}

/** Records a district's agreement with the police (or a citizen promise); the district's coordinators (and admins) may. */
export async function createAgreement(ctx: ServiceContext, input: AgreementCreate): Promise<Agreement> {
  await checkRefs(ctx, input);
  assertCoordinatesUnit(ctx.principal, input.district_unit_id, 'agreement');
  const id = await inTransaction(ctx.db, async (trx) => {
    const agreementId = await insertAgreement(trx, {
      organisation_id: ctx.organisation.id,
      district_unit_id: input.district_unit_id,
      partner_unit_id: input.partner_unit_id,
      kind: input.kind,
      title: redactedText(input.title),
      summary: input.summary ? redactedText(input.summary) : null,
      period_start: input.period_start,
      period_end: input.period_end,
      last_review: null,
      approved_public_text: null,
      approved_public_by: null,
      created_by: ctx.actor,
      confidentiality: input.confidentiality ?? DEFAULT_CONFIDENTIALITY.agreement,
    });
    await replaceAgreementLinks(trx, ctx.organisation.id, agreementId, {
      areaIds: input.area_ids,
      measureIds: input.measure_ids,
    });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'agreement',
      entityId: agreementId,
      after: { ...input, summary: input.summary ? '[text]' : null },
    });
    return agreementId;
  });
  return getAgreement(ctx, id);
}

async function agreementRow(ctx: ServiceContext, id: string): Promise<AgreementRow> {
  const row = await findAgreement(ctx.db, ctx.organisation.id, id, tierAccess(ctx.principal));
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'agreement', id } });
  return row;
}

/**
 * The agreement, locked for the rest of the caller's transaction, once the caller coordinates its district (or
 * is an admin) and `expectedVersion` (If-Match), when given, is still current.
 */
async function lockAgreement(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number | undefined,
): Promise<AgreementRow> {
  return lockForChange(ctx.db, 'local_agreements', 'agreement', ctx.organisation.id, id, expectedVersion, async () => {
    const row = await agreementRow(ctx, id);
    assertCoordinatesUnit(ctx.principal, row.district_unit_id, 'agreement');
    return row;
  });
}

/** Edits an agreement's text, period, priority areas or activities. */
export async function updateAgreement(
  ctx: ServiceContext,
  id: string,
  input: AgreementUpdate,
  expectedVersion?: number,
): Promise<Agreement> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    // References are checked once the caller may edit the agreement: others learn nothing from a 422.
    const before = await lockAgreement(tx, id, expectedVersion);
    await checkRefs(tx, input);
    if ((input.period_end ?? before.period_end) < (input.period_start ?? before.period_start))
      throw invalid('period_end', 'before_start', 'period_end before period_start');
    if (input.partner_unit_id === before.district_unit_id)
      throw invalid('partner_unit_id', 'same_party', 'an agreement needs two parties');
    await updateAgreementRow(trx, id, {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.partner_unit_id ? { partner_unit_id: input.partner_unit_id } : {}),
      ...(input.title ? { title: redactedText(input.title) } : {}),
      ...(input.summary !== undefined ? { summary: input.summary ? redactedText(input.summary) : null } : {}),
      ...(input.period_start ? { period_start: input.period_start } : {}),
      ...(input.period_end ? { period_end: input.period_end } : {}),
      ...(input.confidentiality ? { confidentiality: input.confidentiality } : {}),
    });
    await replaceAgreementLinks(trx, ctx.organisation.id, id, {
      areaIds: input.area_ids,
      measureIds: input.measure_ids,
    });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'agreement',
      entityId: id,
      after: { fields: Object.keys(input) },
    });
  });
  return getAgreement(ctx, id);
}

/** Records a six-monthly review with its assessments (see recordReview) and returns the agreement as it now stands. */
export async function reviewAgreement(
  ctx: ServiceContext,
  id: string,
  input: AgreementReview,
  expectedVersion?: number,
): Promise<Agreement> {
  await inTransaction(ctx.db, async (trx) => {
    const tx = { ...ctx, db: trx };
    const row = await lockAgreement(tx, id, expectedVersion);
    const [current] = await toAgreements(tx, [row], undefined, input.reviewed_on);
    await recordReview(tx, current!, input);
  });
  return getAgreement(ctx, id);
}

/** Approves (or, with null, withdraws) the text the public progress page shows; the district's coordinators. */
export async function setAgreementPublicText(
  ctx: ServiceContext,
  id: string,
  text: string | null,
  expectedVersion?: number,
): Promise<Agreement> {
  const approved = text ? redactedText(text) : null;
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockAgreement({ ...ctx, db: trx }, id, expectedVersion);
    await updateAgreementRow(trx, id, {
      approved_public_text: approved,
      approved_public_by: approved ? ctx.actor : null,
    });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'agreement',
      entityId: id,
      before: { approved_public_text: before.approved_public_text },
      after: { approved_public_text: approved },
    });
  });
  return getAgreement(ctx, id);
}

/** One agreement with its priority areas, activities and indicators. */
export async function getAgreement(ctx: ServiceContext, id: string): Promise<Agreement> {
  return (await toAgreements(ctx, [await agreementRow(ctx, id)]))[0]!;
}

/** A district's agreements (or all), newest period first. */
export async function listAgreements(
  ctx: ServiceContext,
  query: { district_unit_id?: string | undefined },
): Promise<Agreement[]> {
  return toAgreements(
    ctx,
    await listAgreementRows(
      ctx.db,
      ctx.organisation.id,
      { districtUnitId: query.district_unit_id },
      tierAccess(ctx.principal),
    ),
  );
}

/** The public progress page: structured facts and approved text only (not even the title, which staff typed). */
export async function listPublicAgreements(
  ctx: ServiceContext,
  query: { district_unit_id?: string | undefined },
): Promise<PublicAgreement[]> {
  // Public agreements only; their activities are shown as structured facts (type, status, unit — never text),
  // so they are read whatever their tier, except restricted ones, whose very existence is confidential.
  const rows = await listAgreementRows(
    ctx.db,
    ctx.organisation.id,
    { districtUnitId: query.district_unit_id },
    tierAccess(ctx.principal),
  );
  return (await toAgreements({ ...ctx, principal: SYSTEM }, rows, (m) => m.confidentiality !== 'restricted')).map(
    (a) => ({
      id: a.id,
      kind: a.kind,
      district: a.district_unit.name,
      partner: a.partner_unit.name,
      period_start: a.period_start,
      period_end: a.period_end,
      last_review: a.last_review,
      next_review: a.next_review,
      review_overdue: a.review_overdue,
      public_text: a.approved_public_text,
      priority_areas: a.areas.map((x) => x.name),
      activities: a.activities.map((m) => ({
        type: m.type,
        status: m.status,
        responsible_unit: m.responsible_unit.name,
      })),
      indicators: a.indicators.map(({ problem_id: _, ...i }) => ({
        ...i,
        baseline: { ...i.baseline, value: publicCount(i.baseline.value) },
        current: { ...i.current, value: publicCount(i.current.value) },
      })),
    }),
  );
}

/** Inbox source: the district's running agreements whose review is due within a month or overdue. */
export async function agreementInboxItems(ctx: ServiceContext, unitId: string, day: string): Promise<InboxItem[]> {
  const rows = await listAgreementRows(ctx.db, ctx.organisation.id, { districtUnitId: unitId });
  return rows.flatMap((r) => {
    const due = nextReview(r.last_review, r.period_start);
    const daysLeft = Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
    if (daysLeft > INBOX_HORIZON_DAYS || due > r.period_end) return [];
    return [
      {
        kind: 'agreement_review' as const,
        id: r.id,
        title: r.title,
        due_date: due,
        days_left: daysLeft,
        overdue: daysLeft < 0,
      },
    ];
  });
}

/** Agreements as the caller sees them; `countedOn` is the day their indicators are counted on (a review's day), today unless given. */
async function toAgreements(
  ctx: ServiceContext,
  rows: readonly AgreementRow[],
  activityShown: (m: Measure) => boolean = () => true,
  countedOn?: string,
): Promise<Agreement[]> {
  const [links, stored] = await Promise.all([
    agreementLinks(
      ctx.db,
      rows.map((r) => r.id),
    ),
    listReviews(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  const measureIds = [...links.measures.map((l) => l.measure_id), ...stored.items.flatMap((i) => i.measure_id ?? [])];
  const measures = new Map(
    (await listMeasures(ctx, { ids: [...new Set(measureIds)] })).filter(activityShown).map((m) => [m.id, m]),
  );
  const linked = links.measures.flatMap((l) => measures.get(l.measure_id) ?? []);
  const problemIds = [
    ...linked.flatMap((m) => m.problems.map((p) => p.id)),
    ...stored.items.flatMap((i) => i.problem_id ?? []),
  ];
  const problems = new Map((await listProblems(ctx, { ids: [...new Set(problemIds)] })).map((p) => [p.id, p]));
  const day = today(ctx.organisation.timeZone);
  const indicators = new Map(
    await Promise.all(
      [...problems.values()]
        .filter((p) => p.baseline && linked.some((m) => m.problems.some((x) => x.id === p.id)))
        .map(
          async (p) =>
            [
              p.id,
              {
                problem_id: p.id,
                categories: p.categories,
                where: indicatorWhere(p),
                baseline: p.baseline!,
                current: await indicatorOn(ctx, p, countedOn ?? day),
                target_value: p.target_value,
              },
            ] as const,
        ),
    ),
  );
  const { readable, shown } = freeTextGate(ctx.principal);
  return rows.map((r): Agreement => {
    const activities = [...measures.values()].filter((m) =>
      links.measures.some((l) => l.agreement_id === r.id && l.measure_id === m.id),
    );
    const activityProblems = [...new Set(activities.flatMap((m) => m.problems.map((p) => p.id)))];
    const next = nextReview(r.last_review, r.period_start);
    return shown('agreement', {
      id: r.id,
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      approved_public_text: r.approved_public_text,
      district_unit: { id: r.district_unit_id, name: r.district_name },
      partner_unit: { id: r.partner_unit_id, name: r.partner_name },
      period_start: r.period_start,
      period_end: r.period_end,
      last_review: r.last_review,
      next_review: next,
      review_overdue: reviewOverdue(next, r.period_end, day),
      areas: links.areas.filter((a) => a.agreement_id === r.id).map((a) => ({ id: a.id, name: a.name })),
      activities: activities.map((m) => ({
        id: m.id,
        title: m.title,
        type: m.type,
        status: m.status,
        responsible_unit: m.responsible_unit,
      })),
      indicators: activityProblems.flatMap((id) => indicators.get(id) ?? []),
      confidentiality: r.confidentiality,
      version: r.version,
      reviews: reviewRecords(r.id, stored, measures, problems, readable),
    });
  });
}
