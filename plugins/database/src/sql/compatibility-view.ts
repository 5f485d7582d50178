import type { QualifiedName } from '../schema/model.js';
import { quoteQualifiedName } from './identifier.js';
import { quoteLiteral } from './literal.js';
import { ifElseBlock } from './rollback-guards.js';

/**
 * A table renamed with a declared rename keeps a view under its old name (`SELECT *`, see the rename
 * rule) until the contract step drops it. That view depends on every column, so PostgreSQL refuses
 * to drop one under it: where the view is still there, it is dropped around the statements and
 * re-created over the table's columns as they then are; where the contract step already dropped
 * it, the statements run alone.
 */
export function aroundCompatibilityView(view: QualifiedName, table: QualifiedName, statements: readonly string[]): string {
  const name = quoteQualifiedName(view.schema, view.name);
  return ifElseBlock(
    `EXISTS (SELECT FROM pg_class WHERE oid = to_regclass(${quoteLiteral(name)}) AND relkind = 'v')`,
    [`DROP VIEW ${name};`, ...statements, `CREATE VIEW ${name} AS SELECT * FROM ${quoteQualifiedName(table.schema, table.name)};`],
    statements,
  );
}
