import type { Table } from '../schema/model.js';
import { columnList } from './constraint-ddl.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';

/** Rows per batch: small enough to keep each transaction and its row locks short. */
export const BATCH_SIZE = 10_000;

/**
 * One batch of a backfill: rows picked by primary key (ctid without one, or when the key is the column being filled), so each statement locks
 * at most BATCH_SIZE rows and replicas and autovacuum can keep up between batches.
 */
export function batchedUpdate(table: Table, set: string, where: string): string {
  const name = quoteQualifiedName(table.schema, table.name);
  // A key over the column being filled (a new serial column the key moves onto) is NULL in every row to fill: `NULL IN (…)` picks none.
  const target = set.split('=')[0]!.trim();
  const byKey = table.primaryKey && !table.primaryKey.columns.some((c) => quoteIdentifier(c) === target);
  const key = byKey ? `(${columnList(table.primaryKey!.columns)})` : 'ctid';
  const keyColumns = byKey ? columnList(table.primaryKey!.columns) : 'ctid';
  return [
    `-- Backfill in batches: repeat until it reports UPDATE 0, pausing between batches.`,
    `UPDATE ${name} SET ${set} WHERE ${key} IN (SELECT ${keyColumns} FROM ${name} WHERE ${where} LIMIT ${BATCH_SIZE});`,
  ].join('\n');
}
