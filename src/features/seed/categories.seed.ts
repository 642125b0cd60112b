import { DEFAULT_CATEGORIES } from '../../domain/categories.js';
import type { Db } from '../../core/context.js';
import { insertCategories } from './seed.repo.js';

/**
 * The default taxonomy, in its listed order (sort_order 10, 20, … leaves room for an admin to slot a
 * new category between two existing ones without renumbering). Returns category ids by code.
 */
export async function seedCategories(db: Db, organisationId: string): Promise<Map<string, string>> {
  const rows = DEFAULT_CATEGORIES.map((c, i) => ({ organisation_id: organisationId, ...c, sort_order: (i + 1) * 10 }));
  const inserted = await insertCategories(db, rows);
  return new Map(inserted.map((r) => [r.code, r.id]));
}
