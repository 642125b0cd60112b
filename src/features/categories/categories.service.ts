import {
  type Category,
  type CategoryCreate,
  type CategoryUpdate,
  DEFAULT_CATEGORIES,
} from '../../domain/categories.js';
import { AppError } from '../../domain/errors.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import {
  findCategoryByCode,
  findCategoryIdByCode,
  insertCategories,
  insertCategory,
  listCategoryRows,
  updateCategoryRow,
} from './categories.repo.js';

/** The organisation's incident taxonomy in display order (inactive ones too, flagged). */
export function listCategories(ctx: ServiceContext): Promise<Category[]> {
  return listCategoryRows(ctx.db, ctx.organisation.id);
}

/** Adds a category; codes are unique per organisation. */
export async function createCategory(ctx: ServiceContext, input: CategoryCreate): Promise<Category> {
  return inTransaction(ctx.db, async (trx) => {
    const exists = await findCategoryIdByCode(trx, ctx.organisation.id, input.code);
    if (exists)
      throw new AppError('CONFLICT', {
        details: [{ path: 'code', code: 'duplicate', message: `category '${input.code}' exists` }],
      });
    const created = await insertCategory(trx, { ...input, organisation_id: ctx.organisation.id });
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'incident_category',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** Relabels, regroups, reorders or (de)activates a category. Codes never change: imports map onto them. */
export async function updateCategory(ctx: ServiceContext, code: string, update: CategoryUpdate): Promise<Category> {
  return inTransaction(ctx.db, async (trx) => {
    const before = await findCategoryByCode(trx, ctx.organisation.id, code);
    if (!before) throw new AppError('NOT_FOUND', { details: { entity: 'incident_category', code } });
    const after = await updateCategoryRow(trx, before.id, { ...update, updated_at: new Date() });
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'incident_category',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/** Gives a new organisation the default taxonomy. */
export async function insertDefaultCategories(db: Db, organisationId: string): Promise<number> {
  await insertCategories(
    db,
    DEFAULT_CATEGORIES.map((c, i) => ({ ...c, organisation_id: organisationId, sort_order: (i + 1) * 10 })),
  );
  return DEFAULT_CATEGORIES.length;
}
