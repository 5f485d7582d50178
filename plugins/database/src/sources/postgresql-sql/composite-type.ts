import type { ColumnDef, CompositeTypeStmt, CreateStmt } from 'libpg-query';
import { objectIdentity } from '../../schema/qualified-name.js';
import { nodeAs, qualifiedNameOf, rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

/**
 * `CREATE TYPE t AS (…)`: the model does not hold composite types (they are counted as not
 * compared), but a typed table (`CREATE TABLE … OF t`) takes its columns from one, so the
 * attributes are kept for it.
 */
export function recordCompositeType(builder: SchemaBuilder, statement: CompositeTypeStmt): void {
  const attributes = (statement.coldeflist ?? []).map((c) => nodeAs(c, 'ColumnDef')).filter((c) => c !== undefined);
  builder.compositeTypes.set(objectIdentity(rangeVarName(statement.typevar)), attributes);
}

/**
 * A typed table's column definitions: the type's attributes in their order, each with what the
 * table says of it (`name WITH OPTIONS NOT NULL DEFAULT …`, which carries no type of its own).
 * Null when the statement is not OF a type the file defined.
 */
export function typedTableColumns(builder: SchemaBuilder, statement: CreateStmt): ColumnDef[] | null {
  if (!statement.ofTypename) return null;
  const attributes = builder.compositeTypes.get(objectIdentity(qualifiedNameOf(stringsOf(statement.ofTypename.names))));
  if (!attributes) return null;
  const options = (statement.tableElts ?? []).map((e) => nodeAs(e, 'ColumnDef')).filter((c) => c !== undefined);
  // The attribute's location points into CREATE TYPE: the column's line is the table's.
  return attributes.map((attribute) => ({
    ...attribute,
    location: undefined,
    constraints: options.find((o) => o.colname === attribute.colname)?.constraints ?? [],
  }));
}
