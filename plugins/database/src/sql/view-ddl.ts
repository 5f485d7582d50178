import type { QualifiedName, View } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
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
  return ['DO $replace_view$', ...replaceViewBlock(to), '$replace_view$;'].join('\n');
}

/** The PL/pgSQL block of `replaceView`, to run inside another block (`BEGIN … END`, without the final semicolon). */
export function replaceViewBlock(to: View): string[] {
  const name = quoteQualifiedName(to.schema, to.name);
  const create = `CREATE OR REPLACE VIEW ${name} AS\n${body(to)}`;
  return [
    'BEGIN',
    `  EXECUTE ${quoted(create, 'view')};`,
    'EXCEPTION WHEN invalid_table_definition THEN',
    "  -- A column changes type: drop and create instead (re-apply the view's grants afterwards).",
    `  EXECUTE ${quoted(`DROP VIEW IF EXISTS ${name}`, 'view')};`,
    `  EXECUTE ${quoted(`CREATE VIEW ${name} AS\n${body(to)}`, 'view')};`,
    'END',
  ];
}

/** Words that can follow a relation in FROM where an alias would otherwise be. */
const AFTER_RELATION = new Set(
  'on using left right full inner cross join natural where group having order limit offset fetch window union except intersect for tablesample'.split(' '),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The view as it reads while some of its tables are set aside under another name (a retired
 * table renamed to `<table>_deprecated`, whose retirement is not rolled back yet): each FROM or
 * JOIN of the table names the aside one, and where the table had no alias, the columns it
 * qualifies (`category.name`) name it too. No alias is added: PostgreSQL would print it, and the
 * view, once it follows the table back under its own name, must read as it did. Matched on the
 * text as a catalog prints it (`FROM category c`, `JOIN public.category`).
 */
export function viewReadingAside(view: View, aside: readonly { table: QualifiedName; name: string }[]): View {
  let definition = view.definition;
  for (const { table, name } of aside) {
    const relation = `(?:"?${escapeRegExp(table.schema ?? 'public')}"?\\.)?"?${escapeRegExp(table.name)}"?`;
    const pattern = new RegExp(`\\b(FROM|JOIN)(\\s+)${relation}(?=[\\s),;]|$)(\\s+(?:AS\\s+)?("?[A-Za-z_][\\w$]*"?))?`, 'gi');
    let unaliased = false;
    definition = definition.replace(pattern, (_match, keyword: string, space: string, aliasPart: string | undefined, alias: string | undefined) => {
      if (!alias || AFTER_RELATION.has(alias.toLowerCase())) unaliased = true;
      return `${keyword}${space}${quoteQualifiedName(table.schema, name)}${aliasPart ?? ''}`;
    });
    if (unaliased)
      definition = definition.replace(new RegExp(`(?<![\\w."])"?${escapeRegExp(table.name)}"?\\.(?=["A-Za-z_])`, 'g'), `${quoteIdentifier(name)}.`);
  }
  return { ...view, definition };
}
