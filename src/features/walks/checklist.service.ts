import { auditChange } from '../../core/audit.repo.js';
import type { Db, ServiceContext } from '../../core/context.js';
import { lockForChange } from '../../db/row-version.repo.js';
import { inTransaction } from '../../db/transaction.js';
import { AppError } from '../../domain/errors.js';
import {
  type ChecklistItem,
  type ChecklistItemCreate,
  type ChecklistItemUpdate,
  DEFAULT_CHECKLIST,
} from '../../domain/walks.js';
import {
  type ChecklistRow,
  findCategoryIdsByCode,
  insertChecklistItems,
  listChecklistRows,
  maxChecklistOrder,
  updateChecklistItem as updateItemRow,
} from './walks.repo.js';

const toItem = (r: ChecklistRow): ChecklistItem => ({
  id: r.id,
  code: r.code,
  label: r.label,
  label_en: r.label_en,
  setting: r.setting,
  category: r.category,
  sort_order: r.sort_order,
  active: r.active,
  version: r.version,
});

/** The organisation's walk checklist, items taken out of use included (marked inactive). */
export async function getChecklist(ctx: ServiceContext): Promise<{ items: ChecklistItem[] }> {
  return { items: (await listChecklistRows(ctx.db, ctx.organisation.id)).map(toItem) };
}

async function categoryId(db: Db, organisationId: string, code: string | null | undefined) {
  if (!code) return null;
  const [c] = await findCategoryIdsByCode(db, organisationId, [code]);
  if (!c)
    throw new AppError('UNKNOWN_CATEGORY', {
      details: [{ path: 'category', code: 'unknown_category', message: `unknown category '${code}'` }],
    });
  return c.id;
}

const codeTaken = (e: unknown) => {
  if ((e as { code?: string }).code === '23505')
    throw new AppError('CONFLICT', {
      details: [{ path: 'code', code: 'already_in_checklist', message: 'an item with this code exists' }],
    });
  throw e;
};

/** Adds an item at the end of the checklist (or at `sort_order`). */
export async function createChecklistItem(ctx: ServiceContext, input: ChecklistItemCreate): Promise<ChecklistItem> {
  const org = ctx.organisation.id;
  const category_id = await categoryId(ctx.db, org, input.category);
  const id = await inTransaction(ctx.db, async (trx) => {
    const sort_order = input.sort_order ?? (await maxChecklistOrder(trx, org)) + 10;
    const [itemId] = await insertChecklistItems(trx, [
      {
        organisation_id: org,
        code: input.code,
        label: input.label,
        label_en: input.label_en,
        setting: input.setting,
        category_id,
        sort_order,
      },
    ]).catch(codeTaken);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'walk_checklist_item',
      entityId: itemId!,
      after: input,
    });
    return itemId!;
  });
  return (await getChecklist(ctx)).items.find((i) => i.id === id)!;
}

/**
 * Rewords, reorders, recategorises or takes an item out of use; observations keep pointing at it (and read
 * its current wording). With `expectedVersion` (If-Match), an edit made from an outdated list is refused
 * with CONFLICT instead of overwriting what someone else saved in between.
 */
export async function updateChecklistItem(
  ctx: ServiceContext,
  id: string,
  input: ChecklistItemUpdate,
  expectedVersion?: number,
): Promise<ChecklistItem> {
  const org = ctx.organisation.id;
  const { category, ...rest } = input;
  const changes = {
    ...rest,
    ...(category !== undefined ? { category_id: await categoryId(ctx.db, org, category) } : {}),
  };
  await inTransaction(ctx.db, async (trx) => {
    const before = await lockForChange(
      trx,
      'walk_checklist_items',
      'walk_checklist_item',
      org,
      id,
      expectedVersion,
      async () => toItem((await listChecklistRows(trx, org)).find((r) => r.id === id)!),
    );
    await updateItemRow(trx, org, id, changes);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'walk_checklist_item',
      entityId: id,
      before,
      after: input,
    });
  });
  return (await getChecklist(ctx)).items.find((i) => i.id === id)!;
}

/** The CPTED items Swedish walks start from, for a new organisation (the seed); categories it lacks stay empty. */
export async function seedDefaultChecklist(db: Db, organisationId: string): Promise<number> {
  const categories = new Map(
    (
      await findCategoryIdsByCode(
        db,
        organisationId,
        DEFAULT_CHECKLIST.flatMap((i) => (i.category ? [i.category] : [])),
      )
    ).map((c) => [c.code, c.id]),
  );
  const ids = await insertChecklistItems(
    db,
    DEFAULT_CHECKLIST.map((item, i) => ({
      organisation_id: organisationId,
      code: item.code,
      label: item.label,
      label_en: item.label_en,
      setting: item.setting,
      category_id: (item.category && categories.get(item.category)) || null,
      sort_order: (i + 1) * 10,
    })),
  );
  return ids.length;
}
