/**
 * The shape of the database's tables as the Kysely types declare it and as the migrated catalog has it, and the
 * differences between the two: a migration and the types that describe it must not drift apart.
 */

/** A coarse class of a column's type: what a value of it is in JavaScript, as far as the two sides can agree. */
export type TypeClass = 'text' | 'number' | 'boolean' | 'date' | 'json' | 'binary' | 'other';

export interface ColumnShape {
  nullable: boolean;
  type: TypeClass;
}

/** Table name → column name → shape. */
export type SchemaShape = ReadonlyMap<string, ReadonlyMap<string, ColumnShape>>;

/** One row of information_schema.columns, as much of it as the comparison needs. */
export interface CatalogColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  data_type: string;
}

const SQL_TYPE_CLASSES: Record<string, TypeClass> = {
  text: 'text',
  'character varying': 'text',
  character: 'text',
  uuid: 'text',
  citext: 'text',
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  numeric: 'number',
  real: 'number',
  'double precision': 'number',
  boolean: 'boolean',
  date: 'date',
  'timestamp with time zone': 'date',
  'timestamp without time zone': 'date',
  json: 'json',
  jsonb: 'json',
  bytea: 'binary',
};

/** The class of an information_schema `data_type`; connect.ts hands int8 and numeric over as numbers. */
export function sqlTypeClass(dataType: string): TypeClass {
  return SQL_TYPE_CLASSES[dataType] ?? 'other';
}

/** The catalog's columns as a schema shape. */
export function catalogShape(columns: readonly CatalogColumn[]): SchemaShape {
  const tables = new Map<string, Map<string, ColumnShape>>();
  for (const c of columns) {
    const table = tables.get(c.table_name) ?? new Map<string, ColumnShape>();
    table.set(c.column_name, { nullable: c.is_nullable === 'YES', type: sqlTypeClass(c.data_type) });
    tables.set(c.table_name, table);
  }
  return tables;
}

/** Every difference between the declared types and the catalog, one sentence each; none when they agree. */
export function schemaDrift(types: SchemaShape, catalog: SchemaShape): string[] {
  const drift: string[] = [];
  for (const table of [...new Set([...types.keys(), ...catalog.keys()])].sort()) {
    const declared = types.get(table);
    const actual = catalog.get(table);
    if (!declared) {
      drift.push(`table ${table}: in the database, not in the Database type`);
      continue;
    }
    if (!actual) {
      drift.push(`table ${table}: in the Database type, not in the database`);
      continue;
    }
    for (const column of [...new Set([...declared.keys(), ...actual.keys()])].sort()) {
      const d = declared.get(column);
      const a = actual.get(column);
      const at = `${table}.${column}`;
      if (!d) drift.push(`${at}: in the database, not in the types`);
      else if (!a) drift.push(`${at}: in the types, not in the database`);
      else {
        if (d.nullable !== a.nullable) {
          drift.push(
            `${at}: ${a.nullable ? 'nullable' : 'NOT NULL'} in the database, ${d.nullable ? 'nullable' : 'never null'} in the types`,
          );
        }
        if (d.type !== a.type) drift.push(`${at}: ${a.type} in the database, ${d.type} in the types`);
      }
    }
  }
  return drift;
}
