import type { Node } from 'libpg-query';
import { DEFAULT_SCHEMA } from '../../schema/qualified-name.js';
import { canonicalInterval } from '../../schema/interval-literal.js';
import { canonicalTemporal, temporalKind } from '../../schema/temporal-literal.js';

/** Offsets into the text: two spellings of one query differ in them only. */
const POSITION_KEYS = new Set(['location', 'stmt_location', 'stmt_len', 'list_start', 'list_end']);
/** How a call was spelled (`EXTRACT(epoch FROM x)` or `"extract"('epoch', x)`): one call either way. */
const SPELLING_KEYS = new Set(['funcformat']);
const INTEGER_TYPES = new Set(['int2', 'int4', 'int8', 'smallint', 'integer', 'bigint', 'int']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Name lists whose schema is implied by search_path: functions, operators, operator classes, collations, types. */
const NAME_LISTS = new Set(['funcname', 'opclass', 'collname', 'names', 'name']);
/** Schemas a dump writes out (search_path is empty there) and a catalog read with search_path = public leaves out. */
const IMPLIED_SCHEMAS = new Set([DEFAULT_SCHEMA, 'pg_catalog']);

function withoutImpliedSchema(list: Json[]): Json[] {
  if (list.length < 2) return list;
  const first = list[0] as { String?: { sval?: string } } | null;
  return first?.String?.sval !== undefined && IMPLIED_SCHEMAS.has(first.String.sval) ? list.slice(1) : list;
}

/** Name a select-list entry gets without AS: its column's or function's last name. */
function impliedName(value: Json): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const column = value['ColumnRef'] as { fields?: Json[] } | undefined;
  const call = value['FuncCall'] as { funcname?: Json[] } | undefined;
  const parts = column?.fields ?? call?.funcname ?? [];
  const last = parts[parts.length - 1] as { String?: { sval?: string } } | undefined;
  return last?.String?.sval ?? null;
}

/**
 * `SELECT * FROM f(x) AS a`, as the catalog prints it: `SELECT a.a FROM f(x) a(a)`. A function in
 * FROM that returns one column names it after the alias, so the star is that column and the
 * column list the alias alone. A function with more columns keeps its star (and stays different).
 */
function expandedScalarStar(select: { [key: string]: Json }): { [key: string]: Json } {
  const from = select['fromClause'];
  if (!Array.isArray(from) || from.length !== 1) return select;
  const range = (from[0] as { RangeFunction?: { [key: string]: Json } } | null)?.RangeFunction;
  const functions = range?.['functions'];
  const alias = range?.['alias'] as { aliasname?: string; colnames?: Json[] } | undefined;
  if (!range || !Array.isArray(functions) || functions.length !== 1 || alias?.aliasname === undefined) return select;
  const name = alias.aliasname;
  const columns = (alias.colnames ?? []).map((c) => (c as { String?: { sval?: string } }).String?.sval);
  if (columns.length > 1 || (columns.length === 1 && columns[0] !== name)) return select;
  const isStar = (target: Json): boolean => {
    const fields = ((target as { ResTarget?: { val?: { ColumnRef?: { fields?: Json[] } } } } | null)?.ResTarget?.val?.ColumnRef?.fields ?? []) as Json[];
    const last = fields[fields.length - 1] as { A_Star?: Json } | undefined;
    return last?.A_Star !== undefined && (fields.length === 1 || (fields[0] as { String?: { sval?: string } }).String?.sval === name);
  };
  const targets = Array.isArray(select['targetList']) ? select['targetList'] : [];
  return {
    ...select,
    fromClause: [{ RangeFunction: { ...range, alias: { aliasname: name } } }],
    targetList: targets.map((target) => (isStar(target) ? { ResTarget: { val: { ColumnRef: { fields: [{ String: { sval: name } }] } } } } : target)),
  };
}

function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) {
    if (POSITION_KEYS.has(key) || SPELLING_KEYS.has(key)) continue;
    if (NAME_LISTS.has(key) && Array.isArray(inner)) {
      out[key] = canonical(withoutImpliedSchema(inner));
      continue;
    }
    if (key === 'TypeCast') {
      const cast = inner as { arg?: Json; typeName?: { names?: Json[] } };
      const type = (cast.typeName?.names ?? []).map((n) => (n as { String?: { sval?: string } }).String?.sval).pop();
      const text = (cast.arg as { A_Const?: { sval?: { sval?: string } } } | null)?.A_Const?.sval?.sval;
      // `nextval('public.s'::regclass)` (a dump) and `nextval('s'::regclass)` (a catalog read with search_path = public).
      // `'epoch'::timestamptz`, `'2018-01-01 01:00:00+01'::timestamptz`: the value PostgreSQL stores.
      const temporal = type !== undefined && text !== undefined ? temporalKind(type) : undefined;
      const stored = temporal ? canonicalTemporal(text!, temporal) : null;
      if (stored !== null) return { A_Const: { sval: { sval: stored } } };
      // `'90 day'::interval` (a file) is `'90 days'::interval` (a catalog).
      const interval = type === 'interval' && text !== undefined ? canonicalInterval(text) : null;
      if (interval !== null) return { A_Const: { sval: { sval: interval } } };
      if (type === 'regclass' && text?.startsWith(`${DEFAULT_SCHEMA}.`)) return { A_Const: { sval: { sval: text.slice(DEFAULT_SCHEMA.length + 1) } } };
      // `'-1'::integer` (a catalog) is the constant -1 (a file): libpg-query leaves 0 out of ival.
      if (text !== undefined && type !== undefined && INTEGER_TYPES.has(type) && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)))
        return { A_Const: { ival: Number(text) === 0 ? {} : { ival: Number(text) } } };
      // `'-273.15'::numeric` (a catalog: a negative constant is not a literal to it) is the constant -273.15 (a file).
      if (text !== undefined && type === 'numeric' && /^-\d*\.\d+$|^-\d+\.$/.test(text)) return { A_Const: { fval: { fval: text } } };
      return canonical(cast.arg ?? null);
    }
    if (key === 'BoolExpr' && ['AND_EXPR', 'OR_EXPR'].includes((inner as { boolop?: string }).boolop ?? '')) {
      // `a AND (b AND c)` is `a AND b AND c`: the catalog prints nested groups of one operator flattened (hatchet's webhook CHECK).
      const expr = inner as { boolop: string; args?: Json[] };
      const flat = (args: readonly Json[]): Json[] =>
        args.flatMap((arg) => {
          const nested = (arg as { BoolExpr?: { boolop?: string; args?: Json[] } } | null)?.BoolExpr;
          return nested?.boolop === expr.boolop ? flat(nested.args ?? []) : [arg];
        });
      out[key] = canonical({ ...expr, args: flat(expr.args ?? []) });
      continue;
    }
    if (key === 'ColumnRef') {
      // pg_dump qualifies every column with its table (`users.id`); compare by the column alone.
      const fields = (inner as { fields?: Json[] }).fields ?? [];
      return { ColumnRef: { fields: canonical(fields.slice(-1)) } };
    }
    if (key === 'A_Expr' && ['AEXPR_LIKE', 'AEXPR_ILIKE'].includes((inner as { kind?: string }).kind ?? '')) {
      // `x LIKE 'a%'` is stored as the operator `x ~~ 'a%'` (ILIKE `~~*`), which is what a catalog prints.
      return canonical({ A_Expr: { ...(inner as { [k: string]: Json }), kind: 'AEXPR_OP' } });
    }
    if (key === 'A_Expr' && (inner as { kind?: string }).kind === 'AEXPR_IN') {
      // PostgreSQL stores `x IN (a, b)` as `x = ANY (ARRAY[a, b])`, and `x NOT IN (a, b)` as `x <> ALL (ARRAY[a, b])`, which is what a dump shows.
      const node = inner as { name?: Json; lexpr?: Json; rexpr?: { List?: { items?: Json[] } } };
      const negated = JSON.stringify(node.name ?? null).includes('"<>"');
      const items = node.rexpr?.List?.items ?? [];
      // A one-element list is stored as the plain comparison: `x IN ('a')` is `x = 'a'`.
      if (items.length === 1) return canonical({ A_Expr: { kind: 'AEXPR_OP', name: node.name ?? null, lexpr: node.lexpr ?? null, rexpr: items[0]! } });
      return canonical({
        A_Expr: {
          kind: negated ? 'AEXPR_OP_ALL' : 'AEXPR_OP_ANY',
          name: node.name ?? null,
          lexpr: node.lexpr ?? null,
          rexpr: { A_ArrayExpr: { elements: node.rexpr?.List?.items ?? [] } },
        },
      });
    }
    if (key === 'IndexElem') {
      const element = { ...(inner as { [k: string]: Json }) };
      // `((status))` is stored as the column `status`.
      const fields = (element['expr'] as { ColumnRef?: { fields?: Json[] } } | undefined)?.ColumnRef?.fields;
      const only = fields?.length === 1 ? (fields[0] as { String?: { sval?: string } }).String?.sval : undefined;
      if (only !== undefined) {
        delete element['expr'];
        element['name'] = only;
      }
      // ASC and NULLS LAST are the default order, and NULLS FIRST the default after DESC: `id ASC` is `id`.
      const descending = element['ordering'] === 'SORTBY_DESC';
      if (element['ordering'] === 'SORTBY_ASC' || element['ordering'] === 'SORTBY_DEFAULT') delete element['ordering'];
      const nulls = element['nulls_ordering'];
      if (nulls === 'SORTBY_NULLS_DEFAULT' || nulls === (descending ? 'SORTBY_NULLS_FIRST' : 'SORTBY_NULLS_LAST')) delete element['nulls_ordering'];
      return { IndexElem: canonical(element) };
    }
    if (key === 'RangeVar') {
      const relation = { ...(inner as { [k: string]: Json }) };
      if (relation['schemaname'] === DEFAULT_SCHEMA) delete relation['schemaname'];
      const alias = relation['alias'] as { aliasname?: string } | undefined;
      if (alias?.aliasname === relation['relname']) delete relation['alias'];
      return { RangeVar: canonical(relation) };
    }
    if (key === 'SelectStmt') {
      out[key] = canonical(expandedScalarStar(inner as { [k: string]: Json }));
      continue;
    }
    if (key === 'ResTarget') {
      const target = { ...(inner as { [k: string]: Json }) };
      if (target['name'] !== undefined && target['name'] === impliedName(target['val'] ?? null)) delete target['name'];
      out[key] = canonical(target);
      continue;
    }
    out[key] = canonical(inner);
  }
  return out;
}

/**
 * A string that is equal for two parse trees of the same query or expression as PostgreSQL
 * would run it, whoever wrote them: positions, casts, column qualifiers, the public and
 * pg_catalog schemas (on relations, functions, operators, operator classes, collations and
 * types) and redundant aliases left out, `IN` lists read as `= ANY`, `LIKE` as `~~`.
 */
export function canonicalTree(node: Node | undefined): string {
  return JSON.stringify(canonical((node ?? null) as unknown as Json));
}
