import { redactPersonalData } from '../../analysis/text/redact.js';
import { AppError, type FieldIssue } from '../../domain/errors.js';
import {
  type ImportProfile,
  type ImportProfileInput,
  ImportOptionsSchema,
  ImportProfileInputSchema,
} from '../../domain/imports.js';
import { inTransaction } from '../../db/transaction.js';
import type { ServiceContext, Db } from '../../core/context.js';
import { auditChange } from '../../core/audit.repo.js';
import { listCategoriesForImport } from './imports.repo.js';
import {
  findProfileRow,
  insertProfileRow,
  listCategoryMappings,
  listProfileRows,
  type ProfileRow,
  replaceCategoryMappings,
  updateProfileRow,
} from './profiles.repo.js';

function toProfile(row: ProfileRow, mappings: Array<{ source_value: string; code: string }>): ImportProfile {
  return {
    id: row.id,
    name: row.name,
    source_label: row.source_label,
    format: row.format,
    columns: row.columns,
    options: ImportOptionsSchema.parse(row.options),
    category_map: Object.fromEntries(mappings.map((m) => [m.source_value, m.code])),
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

async function withMappings(db: Db, rows: ProfileRow[]): Promise<ImportProfile[]> {
  const mappings = await listCategoryMappings(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    toProfile(
      r,
      mappings.filter((m) => m.profile_id === r.id),
    ),
  );
}

/** The organisation's import profiles, by name. */
export async function listImportProfiles(ctx: ServiceContext): Promise<ImportProfile[]> {
  return withMappings(ctx.db, await listProfileRows(ctx.db, ctx.organisation.id));
}

/** One profile by id or name, or NOT_FOUND. */
export async function getImportProfile(
  ctx: ServiceContext,
  ref: { id: string } | { name: string },
  db: Db = ctx.db,
): Promise<ImportProfile> {
  const row = await findProfileRow(db, ctx.organisation.id, ref);
  if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'import_profile', ...ref } });
  return (await withMappings(db, [row]))[0]!;
}

/** Category codes of the mapping → ids; an unknown code is refused at its key, like any other field. */
async function mappingRows(db: Db, organisationId: string, map: Record<string, string>) {
  const byCode = new Map((await listCategoriesForImport(db, organisationId)).map((c) => [c.code, c.id]));
  const issues: FieldIssue[] = [];
  const rows = Object.entries(map).flatMap(([source_value, code]) => {
    const id = byCode.get(code);
    if (!id) {
      issues.push({
        path: `category_map.${source_value}`,
        code: 'unknown_category',
        message: `unknown category '${code}'`,
      });
      return [];
    }
    return [{ source_value, category_id: id }];
  });
  if (issues.length) throw new AppError('UNKNOWN_CATEGORY', { details: issues });
  return rows;
}

/**
 * A profile's words come from outside and are kept and shown to everyone who imports: one holding personal
 * data is refused, not redacted — a name or column is looked up as given, and '[personnummer]' would match another's.
 */
function refusePersonalData(input: ImportProfileInput): void {
  const strings: Record<string, string[]> = {
    name: [input.name],
    source_label: [input.source_label],
    columns: Object.values(input.columns).filter((c): c is string => c !== undefined),
    // A category word is not quoted in the answer's path: the table is named as a whole.
    category_map: Object.keys(input.category_map),
    'options.ignore_columns': input.options.ignore_columns,
    'options.police_location': input.options.police_location ? [input.options.police_location] : [],
  };
  const issues: FieldIssue[] = Object.entries(strings)
    .filter(([, texts]) => texts.some((t) => redactPersonalData(t).count > 0))
    .map(([path]) => ({
      path,
      code: 'personal_data',
      message: 'contains personal data (an identity number, phone number, e-mail address or licence plate)',
    }));
  if (issues.length) throw new AppError('VALIDATION_FAILED', { details: issues });
}

function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', {
    details: [{ path: 'name', code: 'duplicate', message: `a profile named '${name}' exists` }],
  });
}

/** Saves a new named profile; names are unique per organisation. */
export async function createImportProfile(ctx: ServiceContext, input: ImportProfileInput): Promise<ImportProfile> {
  const parsed = ImportProfileInputSchema.parse(input);
  refusePersonalData(parsed);
  return inTransaction(ctx.db, async (trx) => {
    if (await findProfileRow(trx, ctx.organisation.id, { name: parsed.name })) throw nameTaken(parsed.name);
    const mappings = await mappingRows(trx, ctx.organisation.id, parsed.category_map);
    const row = await insertProfileRow(trx, {
      organisation_id: ctx.organisation.id,
      name: parsed.name,
      source_label: parsed.source_label,
      format: parsed.format,
      columns: parsed.columns as Record<string, string>,
      options: parsed.options,
    });
    await replaceCategoryMappings(trx, ctx.organisation.id, row.id, mappings);
    const created = await getImportProfile(ctx, { id: row.id }, trx);
    await auditChange(trx, ctx, {
      action: 'create',
      entityType: 'import_profile',
      entityId: row.id,
      after: created,
    });
    return created;
  });
}

/** Replaces a profile's settings and category table (PUT semantics). */
export async function updateImportProfile(
  ctx: ServiceContext,
  id: string,
  input: ImportProfileInput,
): Promise<ImportProfile> {
  const parsed = ImportProfileInputSchema.parse(input);
  refusePersonalData(parsed);
  return inTransaction(ctx.db, async (trx) => {
    const before = await getImportProfile(ctx, { id }, trx);
    const clash = await findProfileRow(trx, ctx.organisation.id, { name: parsed.name });
    if (clash && clash.id !== id) throw nameTaken(parsed.name);
    const mappings = await mappingRows(trx, ctx.organisation.id, parsed.category_map);
    await updateProfileRow(trx, id, {
      name: parsed.name,
      source_label: parsed.source_label,
      format: parsed.format,
      columns: parsed.columns as Record<string, string>,
      options: parsed.options,
    });
    await replaceCategoryMappings(trx, ctx.organisation.id, id, mappings);
    const after = await getImportProfile(ctx, { id }, trx);
    await auditChange(trx, ctx, {
      action: 'update',
      entityType: 'import_profile',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
