import type { CreateStmt, Node } from 'libpg-query';
import type { Column, Table } from '../../schema/model.js';
import { objectIdentity } from '../../schema/qualified-name.js';
import { readColumn } from './column-definition.js';
import { addTableConstraint } from './constraint-definitions.js';
import { nodeAs, rangeVarName } from './parse-tree.js';
import { partitionBoundText, partitionKeyText } from './partitions.js';
import type { SchemaBuilder } from './schema-builder.js';

/**
 * INHERITS (parents): the table has its parents' columns first, merged with its own of the same
 * name (NOT NULL if either says so, its own default first), then its own; and its parents' CHECK
 * constraints. That is what the catalog holds, while a pg_dump writes only the child's own.
 */
function inherit(builder: SchemaBuilder, table: Table, relations: Node[]): void {
  const parents = relations.map((r) => builder.table(rangeVarName(nodeAs(r, 'RangeVar')))).filter((p) => p !== undefined);
  builder.inheritance.set(objectIdentity(table), parents.map(objectIdentity));
  const columns: Column[] = [];
  const merge = (column: Column, own: boolean) => {
    const same = columns.find((c) => c.name === column.name);
    if (!same) return void columns.push(own ? column : { ...structuredClone(column), identity: null, line: table.line });
    same.nullable &&= column.nullable;
    if (own && column.default) same.default = column.default;
    else same.default ??= column.default;
  };
  for (const parent of parents) for (const column of parent.columns) merge(column, false);
  for (const column of table.columns) merge(column, true);
  table.columns = columns;
  for (const parent of parents)
    for (const check of parent.checks) if (!table.checks.some((c) => c.name !== null && c.name === check.name)) table.checks.push({ ...check });
}

export function createTable(builder: SchemaBuilder, statement: CreateStmt, length?: number): void {
  const name = rangeVarName(statement.relation);
  if (statement.if_not_exists && builder.table(name)) return;
  const table: Table = {
    ...name,
    key: builder.key(name),
    columns: [],
    primaryKey: null,
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
    line: builder.statementLine,
  };
  const constraints = [];
  for (const element of statement.tableElts ?? []) {
    const column = nodeAs(element, 'ColumnDef');
    if (column) readColumn(builder, table, column);
    const constraint = nodeAs(element, 'Constraint');
    // Table constraints may name columns declared after them: apply once every column is known.
    if (constraint) constraints.push(constraint);
  }
  // PARTITION OF lists no columns: the partition has its parent's (pg_dump writes them out).
  const parent = statement.partbound ? builder.table(rangeVarName(nodeAs(statement.inhRelations?.[0], 'RangeVar'))) : undefined;
  if (parent && table.columns.length === 0) table.columns = structuredClone(parent.columns);
  if (parent && statement.partbound)
    table.partitionOf = { schema: parent.schema, name: parent.name, bound: partitionBoundText(statement.partbound, builder, length) };
  if (!statement.partbound && statement.inhRelations?.length) inherit(builder, table, statement.inhRelations);
  if (statement.partspec) table.partitionBy = partitionKeyText(statement.partspec, builder);
  for (const constraint of constraints) addTableConstraint(builder, table, constraint);
  builder.upsert(builder.model.tables, table);
}
