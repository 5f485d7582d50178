import type { CheckConstraint, Index, Table } from '../schema/model.js';
import { addConstraintNotValid, dropConstraint } from './constraint-ddl.js';
import { checkName } from './constraint-names.js';
import { referencedIdentifiers } from './expression.js';
import { createIndex, dropIndex } from './index-ddl.js';

/** The checks and indexes of a table that read one column: DROP COLUMN takes them with it. */
function dependentsOf(table: Table, column: string): { checks: CheckConstraint[]; indexes: Index[] } {
  const reads = (sql: string | null) => sql !== null && referencedIdentifiers(sql).includes(column);
  return {
    checks: table.checks.filter((check) => reads(check.expression)),
    indexes: table.indexes.filter(
      (index) => index.columns.some((element) => element === column || reads(element)) || (index.include ?? []).includes(column) || reads(index.predicate),
    ),
  };
}

/**
 * Re-creates, on a column switched into place, the checks and indexes the table has on it: the
 * column it replaced was dropped with its own (a contract step's DROP COLUMN, or its rollback).
 */
export function recreateColumnDependents(table: Table, column: string): string[] {
  const { checks, indexes } = dependentsOf(table, column);
  return [
    ...checks.flatMap((check) => addConstraintNotValid(table, checkName(table, check), `CHECK (${check.expression})`, check)),
    ...indexes.map((index) => createIndex(table, index, { concurrently: true })),
  ];
}

/** Drops them, so that the names are free for the column that comes back. */
export function dropColumnDependents(table: Table, column: string): string[] {
  const { checks, indexes } = dependentsOf(table, column);
  return [
    ...checks.map((check) => dropConstraint(table, checkName(table, check))),
    ...indexes.map((index) => dropIndex(table, index.name, { concurrently: true })),
  ];
}

/** Indexes whose expression or predicate reads the column (plain column indexes are rebuilt as they are). */
function expressionIndexesOn(table: Table, column: string): Index[] {
  const reads = (sql: string | null) => sql !== null && referencedIdentifiers(sql).includes(column);
  return table.indexes.filter((index) => reads(index.predicate) || index.columns.some((element) => element !== column && reads(element)));
}

/**
 * Wraps an in-place `ALTER COLUMN … TYPE` in one transaction that drops the indexes whose
 * expression reads the column and creates them again as `to` has them. PostgreSQL rebuilds them
 * itself, but keeps the implicit cast the old type needed (`normalize_crate_name((name)::character
 * varying)` once the column is text, docs.rs), so the catalog would not match the schema either way.
 */
export function aroundExpressionIndexes(statements: readonly string[], from: Table, to: Table, column: string): string[] {
  const dropped = expressionIndexesOn(from, column).filter((index) => to.indexes.some((i) => i.name === index.name));
  if (dropped.length === 0) return [...statements];
  const created = expressionIndexesOn(to, column).filter((index) => dropped.some((i) => i.name === index.name));
  return [
    `-- Indexes on expressions of the column are re-created as the schema has them (${dropped.map((i) => i.name).join(', ')}).`,
    'BEGIN;',
    ...dropped.map((index) => dropIndex(from, index.name, { concurrently: false })),
    ...statements.filter((s) => s !== 'BEGIN;' && s !== 'COMMIT;'),
    ...created.map((index) => createIndex(to, index, { concurrently: false })),
    'COMMIT;',
  ];
}
