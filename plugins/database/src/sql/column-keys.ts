import type { DatabaseSchema, Deferrable, Table } from '../schema/model.js';
import { alterTable, columnList, deferrableClause } from './constraint-ddl.js';
import { defaultObjectName, primaryKeyName, uniqueConstraintName } from './constraint-names.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { indexColumnList, isPartitioned, PARTITIONED_NOTE } from './index-ddl.js';
import { aroundReferencingKeys, foreignKeysReferencing } from './referencing-foreign-keys.js';

/** A PRIMARY KEY or UNIQUE constraint that holds a column. */
export interface HeldKey extends Deferrable {
  name: string;
  kind: 'PRIMARY KEY' | 'UNIQUE';
  columns: string[];
}

/** The keys of a table that hold the column: a DROP COLUMN takes them with it. */
export function keysHolding(table: Table, column: string): HeldKey[] {
  const primary = table.primaryKey?.columns.includes(column)
    ? [{ ...table.primaryKey, name: primaryKeyName(table), kind: 'PRIMARY KEY' as const, columns: table.primaryKey.columns }]
    : [];
  const uniques = table.uniques
    .filter((unique) => unique.columns.includes(column))
    .map((unique) => ({ ...unique, name: uniqueConstraintName(table, unique), kind: 'UNIQUE' as const, columns: unique.columns }));
  return [...primary, ...uniques];
}

/**
 * Moves the keys that hold a column onto the column switched into its place (a type change's contract
 * step, or that step's rollback). While the key stays on the outgoing column, that column cannot drop
 * NOT NULL (PostgreSQL refuses it in a primary key) and dropping it takes the key along. So:
 * `prepare` (before the switch) builds each key's index CONCURRENTLY on the incoming column, still
 * under its own name; `swap` (in the switch's transaction, after the renames) drops the key and
 * attaches the new index under the key's name, with the foreign keys that reference the key dropped
 * before and added again NOT VALID after; `afterCommit` validates them. A primary key's columns must
 * be NOT NULL before the attach, or it scans the table under its lock: the caller sets it first.
 * A partitioned table cannot build CONCURRENTLY nor attach an index as a key: the key is added in place.
 */
export function moveKeys(
  table: Table,
  keys: readonly HeldKey[],
  column: string,
  incoming: string,
  schemas: { from: DatabaseSchema; to: DatabaseSchema },
): { prepare: string[]; swap: string[]; afterCommit: string[] } {
  if (keys.length === 0) return { prepare: [], swap: [], afterCommit: [] };
  const alter = alterTable(table);
  const staged = (key: HeldKey) => defaultObjectName(key.name, [], 'new');
  const partitioned = isPartitioned(table);
  const deferrable = (key: HeldKey) =>
    deferrableClause(key)
      .map((c) => ` ${c}`)
      .join('');
  const prepare = partitioned
    ? [PARTITIONED_NOTE]
    : keys.map(
        (key) =>
          `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdentifier(staged(key))} ON ${quoteQualifiedName(table.schema, table.name)} (${indexColumnList(key.columns.map((c) => (c === column ? incoming : c)))});`,
      );
  const swap = keys.flatMap((key) => [
    `${alter} DROP CONSTRAINT IF EXISTS ${quoteIdentifier(key.name)};`,
    partitioned
      ? `${alter} ADD CONSTRAINT ${quoteIdentifier(key.name)} ${key.kind} (${columnList(key.columns)})${deferrable(key)};`
      : `${alter} ADD CONSTRAINT ${quoteIdentifier(key.name)} ${key.kind} USING INDEX ${quoteIdentifier(staged(key))}${deferrable(key)};`,
  ]);
  const referencing = keys.flatMap((key) => foreignKeysReferencing(schemas.from, table, key.columns));
  const { statements, afterCommit } = aroundReferencingKeys([`-- The keys holding ${column} move onto the switched column.`, ...swap], referencing, schemas.to);
  return { prepare, swap: statements, afterCommit };
}
