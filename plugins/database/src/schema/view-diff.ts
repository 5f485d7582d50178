import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange } from './changes.js';
import type { View } from './model.js';
import { objectIdentity } from './qualified-name.js';

function viewValue(view: View) {
  return { columns: view.columns, definition: view.definition, ...(view.materialized ? { materialized: true } : {}) };
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
    const definitionChanged = !sameDefinition || old.materialized !== next.materialized;
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
