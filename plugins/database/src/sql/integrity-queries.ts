import type { CheckConstraint, ForeignKey, QualifiedName } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { indexKeyExpression } from './index-ddl.js';

/**
 * Queries that find the rows a new constraint would reject: run before adding it, and expect 0
 * (or no rows). They are what VALIDATE CONSTRAINT or the index build would trip over.
 */

export function checkViolationsQuery(table: QualifiedName, check: CheckConstraint): string {
  // A CHECK passes when its expression is NULL, so only rows where it is false violate it.
  return `SELECT count(*) AS violating_rows FROM ${quoteQualifiedName(table.schema, table.name)} WHERE NOT (${check.expression});`;
}

export function duplicatesQuery(table: QualifiedName, columns: readonly string[]): string {
  const keys = columns.map(indexKeyExpression);
  const list = keys.join(', ');
  // Rows with a NULL in the key never conflict under a unique constraint.
  const notNull = keys.map((k) => `${/^[\w"]+$/.test(k) ? k : `(${k})`} IS NOT NULL`).join(' AND ');
  return `SELECT ${list}, count(*) AS copies FROM ${quoteQualifiedName(table.schema, table.name)} WHERE ${notNull} GROUP BY ${list} HAVING count(*) > 1 LIMIT 10;`;
}

export function orphansQuery(table: QualifiedName, fk: ForeignKey): string {
  const child = 'c';
  const parent = 'p';
  const notNull = fk.columns.map((c) => `${child}.${quoteIdentifier(c)} IS NOT NULL`).join(' AND ');
  const join = fk.columns.map((c, i) => `${parent}.${quoteIdentifier(fk.references.columns[i]!)} = ${child}.${quoteIdentifier(c)}`).join(' AND ');
  return `SELECT count(*) AS orphan_rows FROM ${quoteQualifiedName(table.schema, table.name)} AS ${child} WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${quoteQualifiedName(fk.references.schema, fk.references.name)} AS ${parent} WHERE ${join});`;
}
