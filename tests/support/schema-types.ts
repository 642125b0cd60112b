import ts from 'typescript';
import type { ColumnShape, SchemaShape, TypeClass } from './schema-drift.js';

/**
 * Reads the tables of the `Database` interface in `schemaFile` with the TypeScript compiler: each column's type as
 * Kysely selects it (Generated<T> and ColumnType<S, …> give S, distributed over `| null`), whether that type
 * admits null, and its coarse class. `DateString` is an alias of string, invisible to the checker once resolved,
 * so a column declared with it is recognised by name as a SQL date.
 */
export function readSchemaTypes(schemaFile: string, tsconfigFile: string): SchemaShape {
  const config = ts.getParsedCommandLineOfConfigFile(
    tsconfigFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${tsconfigFile}`);
  // Only the schema's own imports matter: without the DOM and the ambient types (node, vite) it reads in under half the time.
  const program = ts.createProgram([schemaFile], {
    ...config.options,
    noEmit: true,
    types: [],
    lib: ['lib.es2023.d.ts'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(schemaFile);
  const database = source?.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Database',
  );
  if (!database) throw new Error(`no interface Database in ${schemaFile}`);

  const tables = new Map<string, Map<string, ColumnShape>>();
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(database))) {
    const columns = new Map<string, ColumnShape>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table))) {
      const declared = column.valueDeclaration;
      const typeNode = declared && ts.isPropertySignature(declared) ? declared.type : undefined;
      columns.set(column.name, columnShape(checker, checker.getTypeOfSymbol(column), mentions(typeNode, 'DateString')));
    }
    tables.set(table.name, columns);
  }
  return tables;
}

function columnShape(checker: ts.TypeChecker, type: ts.Type, dateString: boolean): ColumnShape {
  const selected = members(type).flatMap((m) => {
    const select = m.getProperty('__select__');
    return select ? members(checker.getTypeOfSymbol(select)) : [m];
  });
  const values = selected.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  const classes = new Set(values.map((t) => typeClass(checker, t)));
  const only = classes.size === 1 ? [...classes][0]! : 'other';
  return {
    nullable: values.length < selected.length,
    type: only === 'text' && dateString ? 'date' : only,
  };
}

function members(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

function typeClass(checker: ts.TypeChecker, type: ts.Type): TypeClass {
  const f = type.flags;
  if (f & ts.TypeFlags.StringLike) return 'text';
  if (f & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) return 'number';
  if (f & ts.TypeFlags.BooleanLike) return 'boolean';
  if (type.getSymbol()?.name === 'Date') return 'date';
  if (type.getSymbol()?.name === 'Uint8Array') return 'binary';
  // jsonb holds objects (connect.ts: never top-level arrays); `unknown` is JSON whose shape the code checks itself.
  if (f & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) return 'json';
  if (f & ts.TypeFlags.Object && !checker.isArrayLikeType(type)) return 'json';
  return 'other';
}

/** Whether a type annotation refers to the type named `name` anywhere inside it. */
function mentions(node: ts.Node | undefined, name: string): boolean {
  if (!node) return false;
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === name) return true;
  return ts.forEachChild(node, (child) => mentions(child, name) || undefined) ?? false;
}
