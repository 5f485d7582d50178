import type { QualifiedName } from '../schema/model.js';
import { quoteQualifiedName } from './identifier.js';
import { quoteLiteral } from './literal.js';
import { ifElseBlock } from './rollback-guards.js';

/**
 * The view a declared table rename leaves under the old name, as the rename made it: the columns the
 * table had then (`columns`, under their names after the change) that it has now. Not `SELECT *`,
 * which run again later would also take columns the same change adds, and then stand in the way of
 * their rollback ("cannot drop column … because other objects depend on it").
 */
export function createCompatibilityView(view: QualifiedName, table: QualifiedName, columns: readonly string[]): string {
  const tableName = quoteQualifiedName(table.schema, table.name);
  const list = `(SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) FROM pg_attribute WHERE attrelid = ${quoteLiteral(tableName)}::regclass AND attnum > 0 AND NOT attisdropped AND attname = ANY (ARRAY[${columns.map(quoteLiteral).join(', ')}]::text[]))`;
  return `EXECUTE format('CREATE VIEW ${quoteQualifiedName(view.schema, view.name).replace(/'/g, "''")} AS SELECT %s FROM ${tableName.replace(/'/g, "''")}', ${list});`;
}

/**
 * A table renamed with a declared rename keeps that view until the contract step drops it. It
 * depends on the columns it selects, so PostgreSQL refuses to drop one under it: where the view is
 * still there, it is dropped around the statements and created again over the columns there are
 * then; where the contract step already dropped it, the statements run alone.
 */
export function aroundCompatibilityView(view: QualifiedName, table: QualifiedName, columns: readonly string[], statements: readonly string[]): string {
  const name = quoteQualifiedName(view.schema, view.name);
  return ifElseBlock(
    `EXISTS (SELECT FROM pg_class WHERE oid = to_regclass(${quoteLiteral(name)}) AND relkind = 'v')`,
    [`DROP VIEW ${name};`, ...statements, createCompatibilityView(view, table, columns)],
    statements,
  );
}
