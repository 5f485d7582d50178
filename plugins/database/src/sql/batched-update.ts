import type { Table } from '../schema/model.js';
import { columnList } from './constraint-ddl.js';
import { quoteQualifiedName } from './identifier.js';

/** Rows per batch: small enough to keep each transaction and its row locks short. */
export const BATCH_SIZE = 10_000;

/**
 * One batch of a backfill: rows picked by primary key (ctid without one), so each statement locks
 * at most BATCH_SIZE rows and replicas and autovacuum can keep up between batches.
 */
export function batchedUpdate(table: Table, set: string, where: string): string {
  const name = quoteQualifiedName(table.schema, table.name);
  const key = table.primaryKey ? `(${columnList(table.primaryKey.columns)})` : 'ctid';
  const keyColumns = table.primaryKey ? columnList(table.primaryKey.columns) : 'ctid';
  return [
    `-- Backfill in batches: repeat until it reports UPDATE 0, pausing between batches.`,
    `UPDATE ${name} SET ${set} WHERE ${key} IN (SELECT ${keyColumns} FROM ${name} WHERE ${where} LIMIT ${BATCH_SIZE});`,
  ].join('\n');
}
