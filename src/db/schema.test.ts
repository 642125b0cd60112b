import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../tests/setup/test-db.js';
import {
  type CatalogColumn,
  type ColumnShape,
  catalogShape,
  type SchemaShape,
  schemaDrift,
} from '../../tests/support/schema-drift.js';
import { readSchemaTypes } from '../../tests/support/schema-types.js';

let declared: SchemaShape;
beforeAll(() => {
  declared = readSchemaTypes(
    new URL('./schema.ts', import.meta.url).pathname,
    new URL('../../tsconfig.json', import.meta.url).pathname,
  );
}, 60_000);

/** A copy of a shape with one table's columns changed by `edit`. */
function edited(shape: SchemaShape, table: string, edit: (columns: Map<string, ColumnShape>) => void): SchemaShape {
  const copy = new Map([...shape].map(([t, columns]) => [t, new Map(columns)]));
  edit(copy.get(table)!);
  return copy;
}

describe('schema drift', () => {
  it('reads the declared types as Kysely selects them', () => {
    const areas = declared.get('areas');
    expect(areas?.get('id')).toEqual({ nullable: false, type: 'text' }); // Generated<string>
    expect(areas?.get('valid_to')).toEqual({ nullable: true, type: 'date' }); // DateString | null
    expect(areas?.get('geometry')).toEqual({ nullable: false, type: 'json' }); // Json<…>
    expect(declared.get('places')?.get('geometry')).toEqual({ nullable: true, type: 'json' }); // Json<…> | null
    expect(declared.get('incidents')?.get('closed_at')).toEqual({ nullable: true, type: 'date' }); // ColumnType<Date | null, …>
  });

  it('finds nothing between a shape and itself', () => {
    expect(schemaDrift(declared, declared)).toEqual([]);
  });

  it('reports a column a migration added without its type, and a type without its column', () => {
    const migrated = edited(declared, 'areas', (c) => c.set('note', { nullable: true, type: 'text' }));
    expect(schemaDrift(declared, migrated)).toEqual(['areas.note: in the database, not in the types']);
    const typed = edited(declared, 'areas', (c) => c.set('note', { nullable: true, type: 'text' }));
    expect(schemaDrift(typed, declared)).toEqual(['areas.note: in the types, not in the database']);
  });

  it('reports a nullability or a type class that differs', () => {
    const migrated = edited(declared, 'incidents', (c) => {
      c.set('description', { nullable: false, type: 'text' });
      c.set('lon', { nullable: false, type: 'text' });
    });
    expect(schemaDrift(declared, migrated)).toEqual([
      'incidents.description: NOT NULL in the database, nullable in the types',
      'incidents.lon: text in the database, number in the types',
    ]);
  });

  it('reports a table on one side only', () => {
    const migrated = new Map([...declared, ['notes', new Map([['id', { nullable: false, type: 'text' } as const]])]]);
    expect(schemaDrift(declared, migrated)).toEqual(['table notes: in the database, not in the Database type']);
    const withoutAreas = new Map(declared);
    withoutAreas.delete('areas');
    expect(schemaDrift(declared, withoutAreas)).toEqual(['table areas: in the Database type, not in the database']);
  });
});

describeEachEngine('schema types and migrations', (getDb) => {
  it('declare the same tables, columns, nullability and type classes', async () => {
    const { rows } = await sql<CatalogColumn>`
      SELECT c.table_name, c.column_name, c.is_nullable, c.data_type
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND c.table_name NOT IN ('kysely_migration', 'kysely_migration_lock')`.execute(getDb().db);
    expect(schemaDrift(declared, catalogShape(rows))).toEqual([]);
  });
});
