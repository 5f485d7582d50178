import type { CreateStmt } from 'libpg-query';
import type { Table } from '../../schema/model.js';
import { readColumn } from './column-definition.js';
import { addTableConstraint } from './constraint-definitions.js';
import { nodeAs, rangeVarName } from './parse-tree.js';
import { partitionBoundText, partitionKeyText } from './partitions.js';
import type { SchemaBuilder } from './schema-builder.js';

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
  if (statement.partspec) table.partitionBy = partitionKeyText(statement.partspec, builder);
  for (const constraint of constraints) addTableConstraint(builder, table, constraint);
  builder.upsert(builder.model.tables, table);
}
