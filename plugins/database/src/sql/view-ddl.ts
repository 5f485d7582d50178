import type { View } from '../schema/model.js';
import { quoteQualifiedName } from './identifier.js';
import { createIndex } from './index-ddl.js';

/** `$tag$…$tag$` with a tag the text does not contain. */
function quoted(text: string, base: string): string {
  let tag = base;
  for (let i = 1; text.includes(`$${tag}$`); i++) tag = `${base}${i}`;
  return `$${tag}$${text}$${tag}$`;
}

function body(view: View): string {
  return view.definition.trim().replace(/;\s*$/, '');
}

/**
 * CREATE OR REPLACE keeps grants and dependent views, but PostgreSQL only accepts it when the
 * existing columns stay as they are and new ones are appended; otherwise the view is recreated.
 */
export function createView(view: View, options: { orReplace: boolean }): string {
  const name = quoteQualifiedName(view.schema, view.name);
  if (view.materialized) {
    // Its indexes go with it: without the unique one, REFRESH MATERIALIZED VIEW CONCURRENTLY fails.
    const indexes = (view.indexes ?? []).map((index) => createIndex(view, index, { concurrently: false }));
    return [`CREATE MATERIALIZED VIEW ${name} AS\n${body(view)};`, ...indexes].join('\n');
  }
  return `CREATE ${options.orReplace ? 'OR REPLACE ' : ''}VIEW ${name} AS\n${body(view)};`;
}

export function dropView(view: View): string {
  return `DROP ${view.materialized ? 'MATERIALIZED ' : ''}VIEW IF EXISTS ${quoteQualifiedName(view.schema, view.name)};`;
}

/** Drop and create in one transaction, so no client sees the view missing. Dependent views must be recreated too. */
export function recreateView(before: View, after: View): string {
  return ['BEGIN;', dropView(before), createView(after, { orReplace: false }), 'COMMIT;'].join('\n');
}

/**
 * CREATE OR REPLACE VIEW keeps grants and dependent views, but PostgreSQL refuses it when a column
 * changes type (42P16, "cannot change data type of view column"), which the schema alone cannot
 * tell (a cast in the query, a column retyped underneath). So: try it, and on that error drop and
 * create the view in the same transaction (grants must then be re-applied; dependent views still
 * make the DROP fail, as they should).
 */
export function replaceView(to: View): string {
  const name = quoteQualifiedName(to.schema, to.name);
  const create = `CREATE OR REPLACE VIEW ${name} AS\n${body(to)}`;
  return [
    'DO $replace_view$',
    'BEGIN',
    `  EXECUTE ${quoted(create, 'view')};`,
    'EXCEPTION WHEN invalid_table_definition THEN',
    "  -- A column changes type: drop and create instead (re-apply the view's grants afterwards).",
    `  EXECUTE ${quoted(`DROP VIEW IF EXISTS ${name}`, 'view')};`,
    `  EXECUTE ${quoted(`CREATE VIEW ${name} AS\n${body(to)}`, 'view')};`,
    'END',
    '$replace_view$;',
  ].join('\n');
}
