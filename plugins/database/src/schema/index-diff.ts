import { formatPath } from '@migration-architect/core';
import { normalizeExpression } from '../sql/expression.js';
import { change, type DatabaseChange, type TablePair } from './changes.js';
import type { Index } from './model.js';

export function sameIndex(a: Index, b: Index): boolean {
  return (
    a.unique === b.unique && a.method === b.method && (a.canonical !== undefined && b.canonical !== undefined ? a.canonical === b.canonical : sameText(a, b))
  );
}

function sameText(a: Index, b: Index): boolean {
  const norm = (columns: string[]) => columns.map(normalizeExpression).join(',');
  return (
    norm(a.columns) === norm(b.columns) &&
    (a.predicate === null ? b.predicate === null : b.predicate !== null && normalizeExpression(a.predicate) === normalizeExpression(b.predicate))
  );
}

/** Indexes are matched by name: one with the same name but another definition has changed. */
export function diffIndexes(tables: TablePair): DatabaseChange[] {
  const path = (name: string) => formatPath(['tables', tables.after.key, 'indexes', name]);
  const subject = (name: string) => `${tables.after.key}.${name}`;
  const afterByName = new Map(tables.after.indexes.map((i) => [i.name, i]));
  const beforeByName = new Map(tables.before.indexes.map((i) => [i.name, i]));
  return [
    ...tables.before.indexes
      .filter((i) => !afterByName.has(i.name))
      .map((index) => change('index.removed', path(index.name), subject(index.name), { before: index }, { tables, index })),
    ...tables.after.indexes
      .filter((i) => !beforeByName.has(i.name))
      .map((index) => change('index.added', path(index.name), subject(index.name), { after: index }, { tables, index })),
    ...tables.before.indexes.flatMap((before) => {
      const after = afterByName.get(before.name);
      return after && !sameIndex(before, after)
        ? [change('index.changed', path(after.name), subject(after.name), { before, after }, { tables, before, after })]
        : [];
    }),
  ];
}
