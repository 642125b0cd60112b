import { type Category, type CategoryCreate, type CategoryUpdate, DEFAULT_CATEGORIES } from '../../domain/categories.js';
import { AppError } from '../../domain/errors.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { recordAudit } from '../../core/audit.repo.js';

const columns = ['id', 'code', 'label_sv', 'label_en', 'group_code', 'sort_order', 'active'] as const;

/** The organisation's incident taxonomy in display order (inactive ones too, flagged). */
export function listCategories(ctx: ServiceContext): Promise<Category[]> {
  return ctx.db.selectFrom('incident_categories').select(columns).where('organisation_id', '=', ctx.organisation.id)
    .orderBy('sort_order').orderBy('code').execute();
}

/** Adds a category; codes are unique per organisation. */
export async function createCategory(ctx: ServiceContext, input: CategoryCreate): Promise<Category> {
  return inTransaction(ctx.db, async (trx) => {
    const exists = await trx.selectFrom('incident_categories').select('id')
      .where('organisation_id', '=', ctx.organisation.id).where('code', '=', input.code).executeTakeFirst();
    if (exists) throw new AppError('CONFLICT', { details: [{ path: 'code', code: 'duplicate', message: `category '${input.code}' exists` }] });
    const created = await trx.insertInto('incident_categories').values({ ...input, organisation_id: ctx.organisation.id })
      .returning(columns).executeTakeFirstOrThrow();
    await recordAudit(trx, { organisationId: ctx.organisation.id, actor: ctx.actor, action: 'create', entityType: 'incident_category', entityId: created.id, after: created, remoteAddress: ctx.remoteAddress });
    return created;
  });
}

/** Relabels, regroups, reorders or (de)activates a category. Codes never change: imports map onto them. */
export async function updateCategory(ctx: ServiceContext, code: string, update: CategoryUpdate): Promise<Category> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await trx.selectFrom('incident_categories').select(columns)
      .where('organisation_id', '=', ctx.organisation.id).where('code', '=', code).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { details: { entity: 'incident_category', code } });
    const after = await trx.updateTable('incident_categories').set({ ...update, updated_at: new Date() })
      .where('id', '=', before.id).returning(columns).executeTakeFirstOrThrow();
    await recordAudit(trx, { organisationId: ctx.organisation.id, actor: ctx.actor, action: 'update', entityType: 'incident_category', entityId: before.id, before, after, remoteAddress: ctx.remoteAddress });
    return after;
  });
}

/** Gives a new organisation the default taxonomy. */
export async function insertDefaultCategories(db: Db, organisationId: string): Promise<number> {
  await db.insertInto('incident_categories')
    .values(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, organisation_id: organisationId, sort_order: (i + 1) * 10 })))
    .execute();
  return DEFAULT_CATEGORIES.length;
}
