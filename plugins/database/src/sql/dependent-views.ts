import type { DatabaseSchema, QualifiedName, View } from '../schema/model.js';
import { referencedIdentifiers } from './expression.js';
import { createView, dropView } from './view-ddl.js';

const mentions = (view: View, name: string) => referencedIdentifiers(view.definition).includes(name.toLowerCase());

/**
 * Views that use a column, directly or through other views, ordered so each comes after the
 * views it reads from. PostgreSQL refuses ALTER COLUMN … TYPE and DROP COLUMN on a column a view
 * uses, even when the change would not affect the view. Matching is by name, so it may include
 * a view that only mentions a same-named column elsewhere: recreating it is harmless.
 */
export function viewsUsingColumn(schema: DatabaseSchema, table: QualifiedName, column: string): View[] {
  return viewsDependingOn(
    schema,
    schema.views.filter((v) => mentions(v, table.name) && mentions(v, column)),
  );
}

/** The given views and every view over them, directly or through others, each after the views it reads from. */
export function viewsDependingOn(schema: DatabaseSchema, views: readonly View[]): View[] {
  const found = [...new Set(views)];
  for (let i = 0; i < found.length; i++) {
    for (const view of schema.views) {
      if (!found.includes(view) && mentions(view, found[i]!.name)) found.push(view);
    }
  }
  // A view found early may read one found later (both used the column): move readers after what they read.
  const ordered: View[] = [];
  const visit = (view: View, path: Set<View>) => {
    if (ordered.includes(view) || path.has(view)) return;
    path.add(view);
    for (const other of found) if (other !== view && mentions(view, other.name)) visit(other, path);
    ordered.push(view);
  };
  for (const view of found) visit(view, new Set());
  return ordered;
}

/**
 * Wraps statements in one transaction that drops the given views first and recreates them after,
 * so no client sees them missing. Dropping a view also drops its grants; re-apply them.
 */
export function aroundDependentViews(statements: readonly string[], drop: readonly View[], recreate: readonly View[]): string[] {
  if (drop.length === 0 && recreate.length === 0) return [...statements];
  return [
    `-- Views using the column must be dropped and recreated around the change (${drop.map((v) => v.key).join(', ')}); re-apply their grants after.`,
    'BEGIN;',
    ...[...drop].reverse().map(dropView),
    ...statements,
    ...recreate.map((v) => createView(v, { orReplace: false })),
    'COMMIT;',
  ];
}
