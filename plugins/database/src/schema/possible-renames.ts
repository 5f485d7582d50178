import { formatPath } from '@migration-architect/core';
import { change, type DatabaseChange, type TablePair } from './changes.js';
import { describeColumnType, sameColumnType } from './column-type.js';
import type { Table } from './model.js';

const shape = (table: Table) =>
  table.columns
    .map((c) => `${c.name}:${describeColumnType(c.type)}`)
    .sort()
    .join(',');

/**
 * Drops that look like renames: in a kept table, a column dropped and one of the same type added;
 * a table dropped and one with the same columns added. Reported besides the drop and the add,
 * which stay: only the user knows, and `--rename` says it.
 */
export function possibleRenames(removedTables: readonly Table[], addedTables: readonly Table[], kept: readonly TablePair[]): DatabaseChange[] {
  const out: DatabaseChange[] = [];
  for (const old of removedTables) {
    const next = addedTables.find((t) => t.columns.length > 0 && shape(t) === shape(old));
    if (next)
      out.push(
        change(
          'table.possibly_renamed',
          formatPath(['tables', next.key]),
          `${old.key} → ${next.key}`,
          { before: old.key, after: next.key },
          { before: old, after: next },
        ),
      );
  }
  for (const tables of kept) {
    const afterNames = new Set(tables.after.columns.map((c) => c.name));
    const beforeNames = new Set(tables.before.columns.map((c) => c.name));
    const removed = tables.before.columns.filter((c) => !afterNames.has(c.name));
    const added = tables.after.columns.filter((c) => !beforeNames.has(c.name));
    for (const old of removed) {
      const candidates = added.filter((c) => sameColumnType(c.type, old.type));
      // Only an unambiguous pair: with two candidates a guess would mislead.
      if (candidates.length !== 1 || removed.filter((r) => sameColumnType(r.type, old.type)).length !== 1) continue;
      const next = candidates[0]!;
      out.push(
        change(
          'column.possibly_renamed',
          formatPath(['tables', tables.after.key, 'columns', next.name]),
          `${tables.after.key}.${old.name} → ${next.name}`,
          { before: old.name, after: next.name },
          { tables, before: old, after: next },
        ),
      );
    }
  }
  return out;
}
