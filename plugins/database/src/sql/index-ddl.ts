import type { Index, QualifiedName, Table } from '../schema/model.js';
import { referencedIdentifiers } from './expression.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';

/**
 * PostgreSQL builds and drops indexes of a partitioned table only without CONCURRENTLY (it
 * refuses otherwise). The lock-free way is per partition, then ATTACH; the script takes the simple
 * form and says so.
 */
export function isPartitioned(table: QualifiedName): boolean {
  return (table as Partial<Table>).partitionBy !== undefined;
}

export const PARTITIONED_NOTE =
  "-- Partitioned table: PostgreSQL has no CONCURRENTLY here. This blocks writes for the build; to avoid it, build each partition's index CONCURRENTLY, CREATE INDEX ON ONLY the parent, and ALTER INDEX … ATTACH PARTITION each one.";

/** A column name is quoted; an expression (`lower(email)`, `created_at DESC`) is used as written. */
export function indexColumn(column: string): string {
  return /^[A-Za-z_][\w$]*$/.test(column) ? quoteIdentifier(column) : column;
}

/**
 * An operator class after an index element (`index_id varchar_pattern_ops`, `(lower(x)) text_ops`):
 * a bare, possibly schema-qualified name after a column, a quoted name or a closing parenthesis.
 * An operator ends no element (`a + b` is written in parentheses), and a collation is quoted.
 */
const OPERATOR_CLASS = /^(.*?[\w$")])\s+(?:[A-Za-z_][\w$]*\.)?[A-Za-z_][\w$]*$/;

/** The value an index column indexes, without sort order or operator class: for GROUP BY and comparisons. */
export function indexKeyExpression(column: string): string {
  if (/^[A-Za-z_][\w$]*$/.test(column)) return quoteIdentifier(column);
  const unordered = column.replace(/\s+(asc|desc)?(\s+nulls\s+(first|last))?\s*$/i, '').trim();
  return (OPERATOR_CLASS.exec(unordered)?.[1] ?? unordered).trim();
}

export function indexColumnList(columns: readonly string[]): string {
  return columns.map(indexColumn).join(', ');
}

/**
 * CREATE INDEX; CONCURRENTLY unless the table is new. CONCURRENTLY does not block writes but
 * cannot run inside a transaction block, and a failed build leaves an INVALID index behind.
 */
export function createIndex(table: QualifiedName, index: Index, options: { concurrently: boolean; name?: string }): string {
  const concurrently = options.concurrently && !isPartitioned(table);
  // The note is a line of its own: joined to the statement, it would comment the statement out.
  const note = options.concurrently && !concurrently ? `${PARTITIONED_NOTE}\n` : '';
  return (
    note +
    [
      `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${quoteIdentifier(options.name ?? index.name)}`,
      `ON ${quoteQualifiedName(table.schema, table.name)}${index.method ? ` USING ${index.method}` : ''} (${indexColumnList(index.columns)})`,
      ...(index.include?.length ? [`INCLUDE (${index.include.map(quoteIdentifier).join(', ')})`] : []),
      ...(index.predicate ? [`WHERE ${index.predicate}`] : []),
    ].join(' ') +
    ';'
  );
}

export function dropIndex(table: QualifiedName, indexName: string, options: { concurrently: boolean }): string {
  return `DROP INDEX ${options.concurrently && !isPartitioned(table) ? 'CONCURRENTLY ' : ''}IF EXISTS ${quoteQualifiedName(table.schema, indexName)};`;
}

/**
 * Every column an index reads: its elements, the names its expressions and predicate mention, and
 * its INCLUDE columns (quickwit's `INCLUDE (split_size_bytes)` added in the same change): a script
 * that builds it waits for the scripts that add any of them. Words that are no column are harmless.
 */
export function indexReadColumns(index: Index): string[] {
  const read = new Set<string>();
  for (const element of index.columns) {
    read.add(element);
    for (const name of referencedIdentifiers(element)) read.add(name);
  }
  for (const name of index.include ?? []) read.add(name);
  if (index.predicate) for (const name of referencedIdentifiers(index.predicate)) read.add(name);
  return [...read];
}
