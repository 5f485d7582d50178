/**
 * The catalog queries the live source runs, pg_catalog rather than information_schema: the latter
 * hides identity and generated details, index expressions and predicates, and objects the
 * user does not own. Every query sees the same user objects: not system schemas, not temporary
 * schemas, not objects that belong to an extension (those come with CREATE EXTENSION).
 * Written for PostgreSQL 12 and later (attgenerated, prokind, indnkeyatts).
 * search_path is set to `public` for the session, so names in `public` print unqualified
 * (as a JSON schema or a migration usually writes them) and names in other schemas qualified.
 */

const USER_NAMESPACE = `
  n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

function notFromExtension(catalog: 'pg_class' | 'pg_proc', oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;
}

/** Tables (plain and partitioned), views and materialized views, in a stable order. */
const RELATIONS = `
  SELECT c.oid, n.nspname, c.relname, c.relkind
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${USER_NAMESPACE} AND ${notFromExtension('pg_class', 'c.oid')}`;

export interface RelationRow {
  oid: string;
  schema: string;
  name: string;
  /** r table, p partitioned table, v view, m materialized view. */
  kind: 'r' | 'p' | 'v' | 'm';
  /** pg_get_viewdef for views, null for tables. */
  view_definition: string | null;
  /** A partition's parent and bound (pg_get_expr of relpartbound); nulls otherwise. */
  parent_schema: string | null;
  parent_name: string | null;
  partition_bound: string | null;
  /** A partitioned table's key (pg_get_partkeydef), e.g. `RANGE (payment_date)`. */
  partition_key: string | null;
  comment: string | null;
}

export const RELATIONS_QUERY = `
WITH relations AS (${RELATIONS})
SELECT r.oid::text AS oid, r.nspname AS schema, r.relname AS name, r.relkind::text AS kind,
       CASE WHEN r.relkind IN ('v', 'm') THEN pg_get_viewdef(r.oid, true) END AS view_definition,
       pn.nspname AS parent_schema, pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END AS partition_key,
       obj_description(r.oid, 'pg_class') AS comment
FROM relations r
JOIN pg_class c ON c.oid = r.oid
LEFT JOIN pg_inherits inh ON c.relispartition AND inh.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = inh.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
ORDER BY r.nspname, r.relname`;

export interface ColumnRow {
  relation: string;
  name: string;
  /** format_type: `character varying(255)`, `timestamp with time zone`, `integer[]`. */
  type: string;
  not_null: boolean;
  default_sql: string | null;
  /** '' none, 'a' ALWAYS, 'd' BY DEFAULT. */
  identity: string;
  /** '' none, 's' stored generated column (its expression is then in default_sql). */
  generated: string;
  /** True when a sequence is owned by the column with an auto dependency and feeds its default: serial. */
  owns_sequence: boolean;
  comment: string | null;
}

export const COLUMNS_QUERY = `
WITH relations AS (${RELATIONS})
SELECT a.attrelid::text AS relation, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default_sql,
       a.attidentity::text AS identity, a.attgenerated::text AS generated,
       EXISTS (
         SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
         WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass
           AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype = 'a'
           -- and the default takes its values from that sequence, not from another one (a sequence shared by tables)
           AND EXISTS (SELECT 1 FROM pg_depend used WHERE used.classid = 'pg_attrdef'::regclass AND used.objid = d.oid
                         AND used.refclassid = 'pg_class'::regclass AND used.refobjid = s.oid)
       ) AS owns_sequence,
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a
JOIN relations r ON r.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
ORDER BY r.nspname, r.relname, a.attnum`;

export interface ConstraintRow {
  relation: string;
  name: string;
  /** p primary key, u unique, c check, f foreign key, x exclusion. */
  type: 'p' | 'u' | 'c' | 'f' | 'x';
  definition: string;
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[];
  /** a NO ACTION, r RESTRICT, c CASCADE, n SET NULL, d SET DEFAULT; ' ' unless a foreign key. */
  on_delete: string;
  on_update: string;
  deferrable: boolean;
  deferred: boolean;
  validated: boolean;
}

function attributeNames(relation: string, numbers: string): string {
  return `ARRAY(SELECT att.attname::text FROM unnest(${numbers}) WITH ORDINALITY k(attnum, ord)
                JOIN pg_attribute att ON att.attrelid = ${relation} AND att.attnum = k.attnum ORDER BY k.ord)`;
}

export const CONSTRAINTS_QUERY = `
WITH relations AS (${RELATIONS})
SELECT con.conrelid::text AS relation, con.conname AS name, con.contype::text AS type,
       pg_get_constraintdef(con.oid, true) AS definition,
       ${attributeNames('con.conrelid', 'con.conkey')} AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table,
       ${attributeNames('con.confrelid', 'con.confkey')} AS ref_columns,
       con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
       con.condeferrable AS deferrable, con.condeferred AS deferred, con.convalidated AS validated
FROM pg_constraint con
JOIN relations r ON r.oid = con.conrelid
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
  -- A foreign key to a partitioned table is cloned, on the same referencing table, once per partition
  -- it references: the clones are the key's implementation (pg_dump writes only the key).
  AND NOT EXISTS (SELECT 1 FROM pg_constraint parent WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
ORDER BY r.nspname, r.relname, con.conname`;

export interface IndexRow {
  relation: string;
  name: string;
  unique: boolean;
  method: string;
  predicate: string | null;
  /** Key columns or expressions, with DESC / NULLS FIRST where they differ from the default. */
  columns: string[];
  /** pg_get_indexdef: the whole CREATE INDEX, read with the SQL reader (operator classes, collations, INCLUDE). */
  definition: string;
}

/**
 * Indexes that back a primary key, unique or exclusion constraint are the constraint, reported
 * as such; only the others are listed. INCLUDE columns (past indnkeyatts) are not key columns.
 */
export const INDEXES_QUERY = `
WITH relations AS (${RELATIONS})
SELECT i.indrelid::text AS relation, ic.relname AS name, i.indisunique AS unique, am.amname AS method,
       pg_get_indexdef(i.indexrelid) AS definition,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       ARRAY(
         SELECT pg_get_indexdef(i.indexrelid, k, true)
                || CASE WHEN am.amname <> 'btree' THEN ''
                        WHEN i.indoption[k - 1] & 1 = 1 AND i.indoption[k - 1] & 2 = 0 THEN ' DESC NULLS LAST'
                        WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC'
                        WHEN i.indoption[k - 1] & 2 = 2 THEN ' NULLS FIRST'
                        ELSE '' END
         FROM generate_series(1, i.indnkeyatts) k ORDER BY k
       ) AS columns
FROM pg_index i
JOIN relations r ON r.oid = i.indrelid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
WHERE NOT EXISTS (
  SELECT 1 FROM pg_constraint con
  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
)
ORDER BY r.nspname, r.relname, ic.relname`;

export interface RoutineRow {
  schema: string;
  name: string;
  /** f function, p procedure. */
  kind: 'f' | 'p';
  language: string;
  returns: string | null;
  definition: string | null;
  /** i, s or v. */
  volatility: string;
  parameters: { mode: string | null; name: string | null; type: string }[];
  /** pg_get_function_arguments: the arguments as SQL, with their DEFAULTs. */
  arguments: string;
}

/**
 * Functions and procedures; aggregates and window functions are left out (no body to compare).
 * A SQL-standard body (BEGIN ATOMIC, PostgreSQL 14+) has no prosrc: it is deparsed instead.
 */
export function routinesQuery(serverVersion: number): string {
  const body = serverVersion >= 140000 ? 'CASE WHEN p.prosqlbody IS NOT NULL THEN pg_get_function_sqlbody(p.oid) ELSE p.prosrc END' : 'p.prosrc';
  return `
SELECT n.nspname AS schema, p.proname AS name, p.prokind::text AS kind, l.lanname AS language,
       pg_get_function_result(p.oid) AS returns, p.provolatile::text AS volatility, pg_get_function_arguments(p.oid) AS arguments,
       ${body} AS definition,
       (SELECT COALESCE(json_agg(json_build_object('mode', arg.mode, 'name', NULLIF(arg.name, ''), 'type', format_type(arg.type, NULL)) ORDER BY arg.ord), '[]'::json)
        FROM unnest(COALESCE(p.proallargtypes, p.proargtypes::oid[]), p.proargmodes::text[], p.proargnames)
             WITH ORDINALITY AS arg(type, mode, name, ord)) AS parameters
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p') AND ${USER_NAMESPACE} AND ${notFromExtension('pg_proc', 'p.oid')}
  -- Functions a type made for itself (a range's and its multirange's constructors) come and go with the type: pg_dump does not write them.
  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')
ORDER BY n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)`;
}

function notFromExtensionIn(catalog: 'pg_type' | 'pg_namespace' | 'pg_trigger', oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;
}

/** Schemas the user created; `public` is implied, as in the model. */
export const SCHEMAS_QUERY = `
SELECT n.nspname AS name FROM pg_namespace n
WHERE ${USER_NAMESPACE} AND n.nspname <> 'public' AND ${notFromExtensionIn('pg_namespace', 'n.oid')}
ORDER BY n.nspname`;

export interface EnumRow {
  schema: string;
  name: string;
  values: string[];
}

export const ENUMS_QUERY = `
SELECT n.nspname AS schema, t.typname AS name,
       ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${USER_NAMESPACE} AND ${notFromExtensionIn('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

export interface DomainRow {
  schema: string;
  name: string;
  /** format_type of the base type with the domain's modifier: `character varying(20)`. */
  type: string;
  /** Only when it differs from the base type's; `schema.name` unquoted, as the SQL reader keeps it. */
  collation: string | null;
  default_sql: string | null;
  not_null: boolean;
  /** CHECK constraints in name order: `definition` as pg_get_constraintdef prints it. */
  checks: { name: string; definition: string; validated: boolean }[];
}

export const DOMAINS_QUERY = `
SELECT n.nspname AS schema, t.typname AS name, format_type(t.typbasetype, t.typtypmod) AS type,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN
         CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::text ELSE cn.nspname || '.' || co.collname END
       END AS collation,
       t.typdefault AS default_sql, t.typnotnull AS not_null,
       (SELECT COALESCE(json_agg(json_build_object('name', con.conname, 'definition', pg_get_constraintdef(con.oid, true), 'validated', con.convalidated) ORDER BY con.conname), '[]'::json)
        FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c') AS checks
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_collation co ON co.oid = t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
WHERE t.typtype = 'd' AND ${USER_NAMESPACE} AND ${notFromExtensionIn('pg_type', 't.oid')}
ORDER BY n.nspname, t.typname`;

export interface SequenceRow {
  schema: string;
  name: string;
  data_type: string;
  owner_schema: string | null;
  owner_table: string | null;
  owner_column: string | null;
}

/** Identity columns' sequences (an internal dependency) belong to the column, not the schema. */
export const SEQUENCES_QUERY = `
SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
       tn.nspname AS owner_schema, t.relname AS owner_table, a.attname AS owner_column
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
LEFT JOIN pg_class t ON t.oid = d.refobjid
LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
WHERE c.relkind = 'S' AND ${USER_NAMESPACE} AND ${notFromExtension('pg_class', 'c.oid')}
  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')
ORDER BY n.nspname, c.relname`;

export interface TriggerRow {
  name: string;
  schema: string;
  table: string;
  /** pg_trigger.tgtype bits: 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate, 64 instead. */
  type: number;
  columns: string[];
  function_schema: string;
  function_name: string;
  definition: string;
}

export const TRIGGERS_QUERY = `
SELECT tg.tgname AS name, n.nspname AS schema, c.relname AS table, tg.tgtype::int AS type,
       ${attributeNames('tg.tgrelid', 'tg.tgattr::int2[]')} AS columns,
       pn.nspname AS function_schema, p.proname AS function_name,
       pg_get_triggerdef(tg.oid, true) AS definition
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = tg.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
WHERE NOT tg.tgisinternal AND ${USER_NAMESPACE} AND ${notFromExtensionIn('pg_trigger', 'tg.oid')}
ORDER BY n.nspname, c.relname, tg.tgname`;

export interface ExtensionRow {
  name: string;
  schema: string;
  version: string;
}

/** Installed extensions but plpgsql, which every database has. */
export const EXTENSIONS_QUERY = `
SELECT e.extname AS name, n.nspname AS schema, e.extversion AS version
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
ORDER BY e.extname`;

/** Objects the model does not hold, counted by kind (as the SQL reader counts them): reported as not compared. */
export const NOT_COMPARED_QUERY = `
SELECT kind, count(*)::int AS count FROM (
  SELECT CASE t.typtype WHEN 'r' THEN 'range types' ELSE 'composite types' END AS kind
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE (t.typtype = 'r' OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
    AND ${USER_NAMESPACE} AND ${notFromExtensionIn('pg_type', 't.oid')}
  UNION ALL
  SELECT 'policies' FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_NAMESPACE}
  UNION ALL
  SELECT 'row-level security' FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relrowsecurity AND ${USER_NAMESPACE}
) o GROUP BY kind ORDER BY kind`;
