import type { Index, QualifiedName } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';

/** A column name is quoted; an expression (`lower(email)`, `created_at DESC`) is used as written. */
export function indexColumn(column: string): string {
  return /^[A-Za-z_][\w$]*$/.test(column) ? quoteIdentifier(column) : column;
}

/** The value an index column indexes, without sort order or operator class: for GROUP BY and comparisons. */
export function indexKeyExpression(column: string): string {
  if (/^[A-Za-z_][\w$]*$/.test(column)) return quoteIdentifier(column);
  return column.replace(/\s+(asc|desc)?(\s+nulls\s+(first|last))?\s*$/i, '').trim();
}

export function indexColumnList(columns: readonly string[]): string {
  return columns.map(indexColumn).join(', ');
}

/**
 * CREATE INDEX; CONCURRENTLY unless the table is new. CONCURRENTLY does not block writes but
 * cannot run inside a transaction block, and a failed build leaves an INVALID index behind.
 */
export function createIndex(table: QualifiedName, index: Index, options: { concurrently: boolean; name?: string }): string {
  return [
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${options.concurrently ? 'CONCURRENTLY ' : ''}IF NOT EXISTS ${quoteIdentifier(options.name ?? index.name)}`,
    `ON ${quoteQualifiedName(table.schema, table.name)}${index.method ? ` USING ${index.method}` : ''} (${indexColumnList(index.columns)})`,
    ...(index.predicate ? [`WHERE ${index.predicate}`] : []),
  ].join(' ') + ';';
}

export function dropIndex(table: QualifiedName, indexName: string, options: { concurrently: boolean }): string {
  return `DROP INDEX ${options.concurrently ? 'CONCURRENTLY ' : ''}IF EXISTS ${quoteQualifiedName(table.schema, indexName)};`;
}
