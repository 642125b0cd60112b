import type { Db } from '../../core/context.js';
import { listColumns, listForeignKeys, listPrimaryKeyColumns } from './backup.repo.js';

export interface TableInfo {
  name: string;
  columns: Array<{ name: string; type: string; identity: boolean }>;
  primaryKey: string[];
  /** Tables this one references (other than itself): they must be restored first. */
  dependsOn: string[];
  /** A column referencing this same table (areas.parent_id): its rows need parents first. */
  selfReference: string | null;
}

/**
 * Tables that are the schema's own bookkeeping, short-lived secrets or derived from other rows (the weekly
 * incident counts and week versions, recounted by restoreFrom), never backed up.
 */
const EXCLUDED = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'sessions',
  'incident_weekly_counts',
  'incident_week_versions',
]);

/** The application's tables in the current schema, ordered so that every table comes after those it references. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await listColumns(db);
  const keys = await listPrimaryKeyColumns(db);
  const references = await listForeignKeys(db);

  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    if (EXCLUDED.has(c.table_name)) continue;
    const t = tables.get(c.table_name) ?? {
      name: c.table_name,
      columns: [],
      primaryKey: [],
      dependsOn: [],
      selfReference: null,
    };
    t.columns.push({ name: c.column_name, type: c.data_type, identity: c.is_identity === 'YES' });
    tables.set(c.table_name, t);
  }
  for (const k of keys) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  for (const r of references) {
    const t = tables.get(r.table_name);
    if (!t) continue;
    if (r.referenced === r.table_name) t.selfReference = r.column_name;
    else if (!t.dependsOn.includes(r.referenced)) t.dependsOn.push(r.referenced);
  }
  return topologicalOrder([...tables.values()]);
}

function topologicalOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name)) return;
    if (path.has(t.name)) throw new Error(`foreign keys form a cycle through ${t.name}`);
    path.add(t.name);
    for (const d of t.dependsOn) {
      const dep = byName.get(d);
      if (dep) visit(dep, path);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return ordered;
}

/** Orders rows so that a row's parent (by the self-referencing column) comes before it. */
export function parentsFirst<T extends Record<string, unknown>>(
  rows: T[],
  keyColumn: string,
  parentColumn: string,
): T[] {
  const pending = new Map(rows.map((r) => [String(r[keyColumn]), r]));
  const out: T[] = [];
  const placed = new Set<string>();
  const place = (r: T) => {
    const key = String(r[keyColumn]);
    if (placed.has(key)) return;
    const parent = r[parentColumn];
    if (parent !== null && parent !== undefined && pending.has(String(parent))) place(pending.get(String(parent))!);
    placed.add(key);
    out.push(r);
  };
  for (const r of rows) place(r);
  return out;
}
