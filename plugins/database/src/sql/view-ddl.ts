import type { View } from '../schema/model.js';
import { quoteQualifiedName } from './identifier.js';

function body(view: View): string {
  return view.definition.trim().replace(/;\s*$/, '');
}

/**
 * CREATE OR REPLACE keeps grants and dependent views, but PostgreSQL only accepts it when the
 * existing columns stay as they are and new ones are appended; otherwise the view is recreated.
 */
export function createView(view: View, options: { orReplace: boolean }): string {
  const name = quoteQualifiedName(view.schema, view.name);
  if (view.materialized) return `CREATE MATERIALIZED VIEW ${name} AS\n${body(view)};`;
  return `CREATE ${options.orReplace ? 'OR REPLACE ' : ''}VIEW ${name} AS\n${body(view)};`;
}

export function dropView(view: View): string {
  return `DROP ${view.materialized ? 'MATERIALIZED ' : ''}VIEW IF EXISTS ${quoteQualifiedName(view.schema, view.name)};`;
}

/** Drop and create in one transaction, so no client sees the view missing. Dependent views must be recreated too. */
export function recreateView(before: View, after: View): string {
  return ['BEGIN;', dropView(before), createView(after, { orReplace: false }), 'COMMIT;'].join('\n');
}
