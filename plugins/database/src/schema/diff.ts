import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange } from './changes.js';
import { diffColumnAdditionsAndChanges, diffColumnRemovals } from './column-diff.js';
import { diffConstraints } from './constraint-diff.js';
import { diffIndexes } from './index-diff.js';
import type { DatabaseSchema, Table } from './model.js';
import { diffRoutines } from './routine-diff.js';
import { diffViews } from './view-diff.js';

function tableValue(table: Table) {
  return { columns: table.columns.map((c) => c.name), primary_key: table.primaryKey?.columns ?? [] };
}

/**
 * Every difference between two schemas, in the order their scripts can run (and, reversed, roll
 * back): expand first (new tables; new and changed columns, constraints and indexes of kept
 * tables), then views and routines, then contract (dropped columns, dropped tables). So a view
 * stops using a column before the column is dropped, and on rollback the column is back before
 * the old view is. A new table's columns, constraints and indexes belong to its `table.added`.
 */
export function diffDatabaseSchemas(before: DatabaseSchema, after: DatabaseSchema): DatabaseChange[] {
  const afterByKey = new Map(after.tables.map((t) => [t.key, t]));
  const beforeByKey = new Map(before.tables.map((t) => [t.key, t]));
  const path = (t: Table) => formatPath(['tables', t.key]);
  const kept = before.tables.flatMap((old) => {
    const next = afterByKey.get(old.key);
    return next ? [{ before: old, after: next }] : [];
  });
  return [
    ...after.tables.filter((t) => !beforeByKey.has(t.key)).map((table) => change('table.added', path(table), table.key, { after: tableValue(table) }, { table })),
    ...kept.flatMap((tables) => [...diffColumnAdditionsAndChanges(tables), ...diffConstraints(tables), ...diffIndexes(tables)]),
    ...diffViews(before.views, after.views),
    ...diffRoutines(before.routines, after.routines),
    ...kept.flatMap(diffColumnRemovals),
    ...before.tables.filter((t) => !afterByKey.has(t.key)).map((table) => change('table.removed', path(table), table.key, { before: tableValue(table) }, { table })),
  ];
}
