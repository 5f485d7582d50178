/**
 * PostgreSQL keywords that quote_ident() quotes: every category but "unreserved". Column-name and
 * type/function-name keywords are accepted unquoted in some positions, but quoting them everywhere
 * is what PostgreSQL itself does and is never wrong.
 */
const QUOTED_KEYWORDS = new Set(
  [
    // reserved
    'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case', 'cast',
    'check', 'collate', 'column', 'constraint', 'create', 'current_catalog', 'current_date', 'current_role',
    'current_time', 'current_timestamp', 'current_user', 'default', 'deferrable', 'desc', 'distinct', 'do',
    'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'from', 'grant', 'group', 'having', 'in',
    'initially', 'intersect', 'into', 'lateral', 'leading', 'limit', 'localtime', 'localtimestamp', 'not',
    'null', 'offset', 'on', 'only', 'or', 'order', 'placing', 'primary', 'references', 'returning', 'select',
    'session_user', 'some', 'symmetric', 'system_user', 'table', 'then', 'to', 'trailing', 'true', 'union',
    'unique', 'user', 'using', 'variadic', 'when', 'where', 'window', 'with',
    // type or function names
    'authorization', 'binary', 'collation', 'concurrently', 'cross', 'current_schema', 'freeze', 'full',
    'ilike', 'inner', 'is', 'isnull', 'join', 'left', 'like', 'natural', 'notnull', 'outer', 'overlaps',
    'right', 'similar', 'tablesample', 'verbose',
    // column names
    'between', 'bigint', 'bit', 'boolean', 'char', 'character', 'coalesce', 'dec', 'decimal', 'exists',
    'extract', 'float', 'greatest', 'grouping', 'inout', 'int', 'integer', 'interval', 'json', 'json_array',
    'json_arrayagg', 'json_exists', 'json_object', 'json_objectagg', 'json_query', 'json_scalar',
    'json_serialize', 'json_table', 'json_value', 'least', 'merge_action', 'national', 'nchar', 'none',
    'normalize', 'nullif', 'numeric', 'out', 'overlay', 'position', 'precision', 'real', 'row', 'setof',
    'smallint', 'substring', 'time', 'timestamp', 'treat', 'trim', 'values', 'varchar', 'xmlattributes',
    'xmlconcat', 'xmlelement', 'xmlexists', 'xmlforest', 'xmlnamespaces', 'xmlparse', 'xmlpi', 'xmlroot',
    'xmlserialize', 'xmltable',
  ],
);

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/** True when PostgreSQL reads the name back unchanged without double quotes. */
export function isPlainIdentifier(name: string): boolean {
  return PLAIN_IDENTIFIER.test(name) && !QUOTED_KEYWORDS.has(name);
}

/**
 * Quotes an identifier the way quote_ident() does: unchanged when PostgreSQL would read it back
 * as is, otherwise in double quotes with embedded quotes doubled (`a"b` → `"a""b"`). Unquoted
 * names are folded to lower case, so `Order` must be quoted to stay `Order`.
 */
export function quoteIdentifier(name: string): string {
  if (name === '') throw new Error('an SQL identifier cannot be empty');
  if (name.includes('\0')) throw new Error('an SQL identifier cannot contain a NUL character');
  return isPlainIdentifier(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** `schema.name`, each part quoted as needed; no schema means the search_path decides. */
export function quoteQualifiedName(schema: string | null, name: string): string {
  return schema === null ? quoteIdentifier(name) : `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/** The `'schema.name'::regclass` form catalog queries use to find a relation; fails if it does not exist. */
export function regclass(relation: { schema: string | null; name: string }): string {
  return `'${quoteQualifiedName(relation.schema, relation.name).replace(/'/g, "''")}'::regclass`;
}
