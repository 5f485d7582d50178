import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange } from './changes.js';
import { sameIndex } from './index-diff.js';
import type { View } from './model.js';
import { objectIdentity } from './qualified-name.js';

function viewValue(view: View) {
  return {
    columns: view.columns,
    definition: view.definition,
    ...(view.materialized ? { materialized: true } : {}),
    ...(view.indexes?.length ? { indexes: view.indexes.map((i) => i.name) } : {}),
  };
}

/** Same indexes by name and shape; a source that cannot tell (no `indexes`) is not compared. */
function sameIndexes(a: View, b: View): boolean {
  if (!a.indexes || !b.indexes) return true;
  const other = b.indexes;
  return a.indexes.length === other.length && a.indexes.every((i) => other.some((j) => j.name === i.name && sameIndex(i, j)));
}

export function diffViews(before: readonly View[], after: readonly View[]): DatabaseChange[] {
  const afterByKey = new Map(after.map((v) => [objectIdentity(v), v]));
  const beforeByKey = new Map(before.map((v) => [objectIdentity(v), v]));
  const path = (key: string) => formatPath(['views', key]);
  const out: DatabaseChange[] = [
    ...before
      .filter((v) => !afterByKey.has(objectIdentity(v)))
      .map((view) => change('view.removed', path(view.key), view.key, { before: viewValue(view) }, { view })),
    ...after
      .filter((v) => !beforeByKey.has(objectIdentity(v)))
      .map((view) => change('view.added', path(view.key), view.key, { after: viewValue(view) }, { view })),
  ];
  for (const old of before) {
    const next = afterByKey.get(objectIdentity(old));
    if (!next) continue;
    const oldColumns = old.columns ?? [];
    const newColumns = next.columns ?? [];
    const columnsChanged = old.columns !== null && next.columns !== null && oldColumns.join('\0') !== newColumns.join('\0');
    const sameDefinition =
      old.canonical !== undefined && next.canonical !== undefined
        ? old.canonical === next.canonical
        : normalizeExpression(old.definition) === normalizeExpression(next.definition);
    // A materialized view is re-created to change its indexes too: the scripts create them with it.
    const definitionChanged = !sameDefinition || old.materialized !== next.materialized || !sameIndexes(old, next);
    if (!columnsChanged && !definitionChanged) continue;
    const removedColumns = columnsChanged ? oldColumns.filter((c) => !newColumns.includes(c)) : [];
    const addedColumns = columnsChanged ? newColumns.filter((c) => !oldColumns.includes(c)) : [];
    // CREATE OR REPLACE VIEW accepts only new columns appended after the existing ones, in place.
    const reordered = columnsChanged && removedColumns.length === 0 && !oldColumns.every((c, i) => newColumns[i] === c);
    out.push(
      change(
        'view.changed',
        path(next.key),
        next.key,
        { before: viewValue(old), after: viewValue(next) },
        { before: old, after: next, addedColumns, removedColumns, reordered },
      ),
    );
  }
  return out;
}
