import { postgresFamily } from '../../schema/column-family.js';
import type { ColumnShape, TableShape } from '../../schema/table-shape.js';
import { quoteIdent } from './postgres-expressions.js';

export type CatalogQuery = (sql: string, params?: unknown[]) => Promise<unknown[][]>;

/** Types whose own hash agrees with equality of their text output (after canonicalization). */
const NATIVE_HASH =
  /^(smallint|integer|bigint|numeric(\(\d+(,\s*-?\d+)?\))?|real|double precision|boolean|text|character varying(\(\d+\))?|character(\(\d+\))?|uuid|date|timestamp(\(\d\))? with(out)? time zone|time(\(\d\))? without time zone|bytea|jsonb)$/;

export const TABLES_QUERY = `
SELECT n.nspname, c.relname
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
ORDER BY 1, 2`;

/** `public.users` → users; other schemas keep their prefix. */
export function tableDisplayName(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`;
}

export async function listPostgresTables(query: CatalogQuery): Promise<string[]> {
  return (await query(TABLES_QUERY)).map(([schema, name]) => tableDisplayName(String(schema), String(name)));
}

/** Reads columns, keys and indexes of one table (name as SQL would resolve it: `users`, `app.users`). */
export async function describePostgresTable(query: CatalogQuery, name: string): Promise<TableShape | null> {
  const found = await query(
    `SELECT c.oid::text, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = to_regclass($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [name],
  );
  if (found.length === 0) return null;
  const [oid, schema, relname] = found[0]!.map(String) as [string, string, string];
  const columnRows = await query(
    `SELECT a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
            CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname END,
            a.attgenerated <> '', a.attidentity = 'a'
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_collation co ON co.oid = a.attcollation
     WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [oid],
  );
  const columns: ColumnShape[] = columnRows.map(([column, type, nullable, collation, generated, identityAlways]) => ({
    name: String(column),
    declaredType: String(type),
    ...postgresFamily(String(type)),
    nativeHash: NATIVE_HASH.test(String(type)),
    collation: collation === null ? null : String(collation),
    nullable: Boolean(nullable),
    generated: Boolean(generated),
    identityAlways: Boolean(identityAlways),
  }));
  // Parents by foreign key (fix SQL inserts parents first) and user triggers (fix SQL would fire them).
  const referenceRows = await query(
    `SELECT DISTINCT n.nspname, c.relname FROM pg_constraint f JOIN pg_class c ON c.oid = f.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE f.conrelid = $1::oid AND f.contype = 'f' AND f.confrelid <> f.conrelid`,
    [oid],
  );
  const triggerRows = await query(`SELECT tgname FROM pg_trigger WHERE tgrelid = $1::oid AND NOT tgisinternal ORDER BY 1`, [oid]);
  const indexRows = await query(
    `SELECT i.indisprimary, i.indisunique,
            array(SELECT a.attname FROM unnest((i.indkey::int2[])[0:i.indnkeyatts - 1]) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[]
     FROM pg_index i
     WHERE i.indrelid = $1::oid AND i.indpred IS NULL AND i.indexprs IS NULL AND i.indisvalid`,
    [oid],
  );
  let primaryKey: string[] | null = null;
  const uniqueKeys: string[][] = [];
  const indexes: string[][] = [];
  for (const [primary, unique, names] of indexRows) {
    const list = (names as string[]).map(String);
    indexes.push(list);
    if (primary) primaryKey = list;
    if (unique) uniqueKeys.push(list);
  }
  return {
    sqlName: `${quoteIdent(schema)}.${quoteIdent(relname)}`,
    name: tableDisplayName(schema, relname),
    columns,
    primaryKey,
    uniqueKeys,
    indexes,
    references: referenceRows.map(([s, r]) => `${quoteIdent(String(s))}.${quoteIdent(String(r))}`),
    triggers: triggerRows.map(([t]) => String(t)),
  };
}
