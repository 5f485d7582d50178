import type { QualifiedName } from '../schema/model.js';
import { quoteQualifiedName, regclass } from './identifier.js';
import { quoteLiteral } from './literal.js';

/**
 * Validation queries that read PostgreSQL's catalogs, so they answer for the object the script
 * touched (schema included) rather than for any table of that name (information_schema by
 * table_name alone matches every schema).
 */

export function tableExistsQuery(table: QualifiedName): string {
  return `SELECT to_regclass(${quoteLiteral(quoteQualifiedName(table.schema, table.name))}) IS NOT NULL AS table_exists;`;
}

export function columnQuery(table: QualifiedName, column: string): string {
  return `SELECT attname, format_type(atttypid, atttypmod) AS column_type, attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS column_default FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE a.attrelid = ${regclass(table)} AND a.attname = ${quoteLiteral(column)} AND NOT a.attisdropped;`;
}

export function constraintQuery(table: QualifiedName, name: string): string {
  return `SELECT conname, contype, convalidated, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = ${regclass(table)} AND conname = ${quoteLiteral(name)};`;
}

export function indexValidQuery(table: QualifiedName, indexName: string): string {
  return `SELECT indexrelid::regclass AS index_name, indisvalid, indisunique FROM pg_index WHERE indexrelid = to_regclass(${quoteLiteral(quoteQualifiedName(table.schema, indexName))});`;
}

export function viewColumnsQuery(view: QualifiedName): string {
  return `SELECT attname FROM pg_attribute WHERE attrelid = ${regclass(view)} AND attnum > 0 AND NOT attisdropped ORDER BY attnum;`;
}

export function routineExistsQuery(signature: string): string {
  return `SELECT to_regprocedure(${quoteLiteral(signature)}) IS NOT NULL AS routine_exists;`;
}
