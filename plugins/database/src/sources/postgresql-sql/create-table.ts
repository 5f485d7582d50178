import type { CreateStmt, Node } from 'libpg-query';
import type { Column, Table } from '../../schema/model.js';
import { parseDefault } from '../../schema/default-value.js';
import { objectIdentity } from '../../schema/qualified-name.js';
import { typedTableColumns } from './composite-type.js';
import { generatedIndexName, indexTextNamePart } from './generated-names.js';
import { readColumn } from './column-definition.js';
import { addTableConstraint, dropRedundantKeys } from './constraint-definitions.js';
import { nodeAs, type NodeOf, rangeVarName } from './parse-tree.js';
import { partitionBoundText, partitionKeyText } from './partitions.js';
import type { SchemaBuilder } from './schema-builder.js';

/**
 * INHERITS (parents): the table has its parents' columns first, merged with its own of the same
 * name (NOT NULL if either says so, its own default first), then its own; and its parents' CHECK
 * constraints, except those declared NO INHERIT. That is what the catalog holds, while a pg_dump writes only the child's own.
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
}

/**
 * The parents' CHECKs, once the table's own constraints are in: PostgreSQL merges an inherited
 * CHECK into the child's own of the same name (pg_dump writes such a merged one in the child's
 * CREATE TABLE as well as in the parent's), so one of that name is not copied again.
 */
function inheritChecks(builder: SchemaBuilder, table: Table, relations: Node[]): void {
  const parents = relations.map((r) => builder.table(rangeVarName(nodeAs(r, 'RangeVar')))).filter((p) => p !== undefined);
  for (const parent of parents)
    for (const check of parent.checks)
      if (!builder.noInheritChecks.has(check) && !table.checks.some((c) => c.name !== null && c.name === check.name)) table.checks.push({ ...check });
}

/** The sequence a serial column owns: `<table>_<column>_seq`, in the table's schema. */
function serialSequence(table: Table, column: string): string {
  const name = `${table.name}_${column}_seq`;
  return table.schema && table.schema !== 'public' ? `${table.schema}.${name}` : name;
}

/** TableLikeOption bits (PostgreSQL's parsenodes.h). */
const LIKE_CONSTRAINTS = 1 << 2;
const LIKE_DEFAULTS = 1 << 3;
const LIKE_IDENTITY = 1 << 5;
const LIKE_INDEXES = 1 << 6;

/**
 * `LIKE source [INCLUDING …]`: the source's columns with their NOT NULL, and what the options ask
 * for: defaults, identity, CHECK constraints, and keys and indexes under the names PostgreSQL gives
 * them (`<table>_pkey`, `<table>_<columns>_key` for constraints, `<table>_<columns>_idx`). Never
 * foreign keys.
 */
function copyLike(builder: SchemaBuilder, table: Table, like: NodeOf<'TableLikeClause'>): void {
  const source = builder.table(rangeVarName(like.relation));
  if (!source) return;
  const options = like.options ?? 0;
  for (const column of source.columns) {
    if (table.columns.some((c) => c.name === column.name)) continue;
    const copy = structuredClone(column);
    if (!(options & LIKE_DEFAULTS)) copy.default = null;
    // A serial's default is copied as a plain nextval() of the source's sequence, which the copy does not own.
    if (copy.identity === 'serial' && options & LIKE_DEFAULTS)
      copy.default = parseDefault(`nextval('${serialSequence(source, column.name)}'::regclass)`, copy.type).default;
    if (copy.identity === 'serial' || !(options & LIKE_IDENTITY)) copy.identity = null;
    copy.comment = null;
    copy.line = builder.statementLine;
    table.columns.push(copy);
  }
  if (options & LIKE_CONSTRAINTS) table.checks.push(...structuredClone(source.checks));
  if (!(options & LIKE_INDEXES)) return;
  if (source.primaryKey) table.primaryKey = { ...structuredClone(source.primaryKey), name: `${table.name}_pkey` };
  for (const unique of source.uniques) table.uniques.push({ ...structuredClone(unique), name: [table.name, ...unique.columns, 'key'].join('_') });
  for (const index of source.indexes) {
    const name = generatedIndexName(
      [...builder.model.tables, table],
      table,
      index.columns.map((c) => indexTextNamePart(source, c)),
    );
    if (name) table.indexes.push({ ...structuredClone(index), name });
  }
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
  if (statement.relation?.relpersistence === 't') builder.temporaryTables.add(table);
  const constraints = [];
  const typed = typedTableColumns(builder, statement);
  for (const column of typed ?? []) readColumn(builder, table, column);
  for (const element of statement.tableElts ?? []) {
    const column = nodeAs(element, 'ColumnDef');
    if (column && !typed) readColumn(builder, table, column);
    const like = nodeAs(element, 'TableLikeClause');
    if (like) copyLike(builder, table, like);
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
  if (!statement.partbound && statement.inhRelations?.length) inheritChecks(builder, table, statement.inhRelations);
  dropRedundantKeys(builder, table);
  builder.upsert(builder.model.tables, table);
}
