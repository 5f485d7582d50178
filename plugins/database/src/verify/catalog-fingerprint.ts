import { distributedArrayCasts } from './array-cast-printout.js';
import type { ScratchDatabase } from './scratch-database.js';

/** A schema the user made: not the system's, not a TOAST or temporary one. */
const user = (column: string) =>
  `${column} NOT IN ('pg_catalog', 'information_schema') AND ${column} NOT LIKE 'pg\\_toast%' AND ${column} NOT LIKE 'pg\\_temp\\_%'`;
/** Objects an extension created are the extension's, not the schema's. */
const notFromExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`;

/**
 * One line per object and attribute PostgreSQL itself prints: relations, columns (type, NOT NULL,
 * default, identity, generated, comment), constraints (with NOT VALID), indexes (materialized views'
 * too), views, routines (arguments, result, volatility, body with blanks folded), triggers, enums,
 * domains and relation comments. Independent of the model: where the model is blind, this is not,
 * so a replay never says "nothing left" while the catalogs differ. No OIDs, no column positions.
 */
const FINGERPRINT = `
WITH serial AS (
  -- Sequences owned by a column (OWNED BY, as serial makes them), named after that column.
  SELECT d.objid AS sequence, format('(sequence of %s.%s)', d.refobjid::regclass::text, a.attname) AS name
  FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a' AND d.refobjsubid > 0
)
SELECT line FROM (
  -- A sequence names the table that owns it: one kept aside (renamed) takes its sequence along.
  -- A serial column's sequence is named by its column, as the model compares it: PostgreSQL keeps a
  -- sequence's first name when its table or column is renamed, which a script that creates the column
  -- under its new name cannot, and need not, match.
  SELECT format('relation %s %s %s%s', n.nspname, coalesce(serial.name, c.relname), c.relkind,
         (SELECT ' owned by ' || d.refobjid::regclass::text FROM pg_depend d
          WHERE c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') LIMIT 1)) AS line
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN serial ON serial.sequence = c.oid
  WHERE ${user('n.nspname')} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${notFromExtension('pg_class', 'c.oid')}
  UNION ALL
  SELECT format('column %s.%s.%s %s notnull=%s default=%s identity=%s generated=%s comment=%s', n.nspname, c.relname, a.attname,
         format_type(a.atttypid, a.atttypmod), a.attnotnull,
         -- An explicit DEFAULT NULL is no default (PostgreSQL keeps it as NULL::bpchar on some types, not on others).
         CASE WHEN pg_get_expr(d.adbin, d.adrelid) ~* '^NULL(::[^:]+)?$' THEN NULL
              ELSE coalesce(replace(pg_get_expr(d.adbin, d.adrelid), quote_literal(serial.sequence::regclass::text) || '::regclass', serial.name), pg_get_expr(d.adbin, d.adrelid)) END,
         a.attidentity, a.attgenerated, col_description(c.oid, a.attnum))
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  -- The sequence the default draws from, when a column owns it.
  LEFT JOIN serial ON serial.sequence = (SELECT sd.refobjid FROM pg_depend sd WHERE sd.classid = 'pg_attrdef'::regclass AND sd.objid = d.oid
                                           AND sd.refclassid = 'pg_class'::regclass AND sd.deptype = 'n' AND sd.refobjid IN (SELECT sequence FROM serial) LIMIT 1)
  WHERE ${user('n.nspname')} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attnum > 0 AND NOT a.attisdropped AND ${notFromExtension('pg_class', 'c.oid')}
  UNION ALL
  SELECT format('comment on %s.%s: %s', n.nspname, c.relname, obj_description(c.oid, 'pg_class'))
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE ${user('n.nspname')} AND obj_description(c.oid, 'pg_class') IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  UNION ALL
  SELECT format('constraint %s.%s %s %s%s', n.nspname, c.relname, con.conname, pg_get_constraintdef(con.oid), CASE WHEN con.convalidated THEN '' ELSE ' (not validated)' END)
  FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  -- PostgreSQL 17+ lists NOT NULL as constraints ('n') with generated names; the column lines carry it.
  WHERE ${user('n.nspname')} AND con.contype <> 'n'
  UNION ALL
  SELECT format('index %s', pg_get_indexdef(i.indexrelid))
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE ${user('n.nspname')} AND ${notFromExtension('pg_class', 'i.indrelid')}
  UNION ALL
  SELECT format('view %s.%s %s', n.nspname, c.relname, pg_get_viewdef(c.oid))
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE ${user('n.nspname')} AND c.relkind IN ('v', 'm') AND ${notFromExtension('pg_class', 'c.oid')}
  UNION ALL
  SELECT format('routine %s returns %s %s %s: %s', p.oid::regprocedure, pg_get_function_result(p.oid), p.provolatile, l.lanname,
         btrim(regexp_replace(regexp_replace(p.prosrc, '\\s+', ' ', 'g'), '[ ;]+$', '')))
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
  WHERE ${user('n.nspname')} AND ${notFromExtension('pg_proc', 'p.oid')}
  UNION ALL
  SELECT format('trigger %s', pg_get_triggerdef(t.oid))
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE ${user('n.nspname')} AND NOT t.tgisinternal
  UNION ALL
  SELECT format('type %s %s %s', t.oid::regtype, t.typtype,
         CASE t.typtype WHEN 'e' THEN (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
                        WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) || ' notnull=' || t.typnotnull
                          || coalesce(' ' || (SELECT string_agg(pg_get_constraintdef(dc.oid), ' ' ORDER BY dc.conname) FROM pg_constraint dc WHERE dc.contypid = t.oid), '')
                        ELSE '' END)
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE ${user('n.nspname')} AND t.typtype IN ('e', 'd') AND ${notFromExtension('pg_type', 't.oid')}
) lines ORDER BY line`;

export async function catalogFingerprint(database: ScratchDatabase): Promise<string[]> {
  // Sorted again: the printout of an array cast is made one form, which can move a line.
  return (await database.query<{ line: string }>(FINGERPRINT)).map((r) => distributedArrayCasts(r.line)).sort();
}

/**
 * Lines on one side only, as `only after the scripts: …` / `only in the target: …`; lines naming an
 * object in `ignore` (tables and columns kept aside on purpose) are left out.
 */
export function fingerprintDifferences(actual: readonly string[], expected: readonly string[], ignore: readonly string[] = []): string[] {
  const ignored = (line: string) => ignore.some((name) => new RegExp(`(^|[^\\w$])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w$])`).test(line));
  const want = new Set(expected);
  const have = new Set(actual);
  return [
    ...actual.filter((l) => !want.has(l) && !ignored(l)).map((l) => `catalog: only after the scripts: ${l}`),
    ...expected.filter((l) => !have.has(l) && !ignored(l)).map((l) => `catalog: missing after the scripts: ${l}`),
  ];
}
