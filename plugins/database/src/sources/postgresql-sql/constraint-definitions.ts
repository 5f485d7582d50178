import type { Constraint, Node } from 'libpg-query';
import type { ExclusionConstraint, ReferentialAction, Table } from '../../schema/model.js';
import { canonicalTree } from './canonical-tree.js';
import { expressionText } from './expression-text.js';
import { generatedConstraintName } from './generated-names.js';
import { nodeAs, rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import type { SqlText } from './sql-text.js';
import { quoteIdentifier } from '../../sql/identifier.js';

const ACTIONS: Record<string, ReferentialAction | null> = { a: null, r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** Names as SQL: `public.gin_trgm_ops`, `"C"`. */
function qualifiedNames(nodes: Node[] | undefined): string {
  return stringsOf(nodes).map(quoteIdentifier).join('.');
}

/**
 * `lower(email) DESC`, `name COLLATE "C"`, `source_url public.gin_trgm_ops`: one element of an
 * index or EXCLUDE list, with its collation and operator class (an index built without them is
 * another index: a trigram GIN index without `gin_trgm_ops` cannot even be created). A column
 * with nothing after it stays its bare name, so plain indexes still list column names.
 */
export function indexElementText(node: Node, source: SqlText): string {
  const element = nodeAs(node, 'IndexElem');
  if (!element) return expressionText(node, source);
  const expression = element.expr ? expressionText(element.expr, source) : '';
  // An expression other than a function call needs its own parentheses in an index list.
  const base = element.name ?? (nodeAs(element.expr, 'FuncCall') || nodeAs(element.expr, 'ColumnRef') ? expression : `(${expression})`);
  const collate = element.collation?.length ? ` COLLATE ${qualifiedNames(element.collation)}` : '';
  const opclass = element.opclass?.length ? ` ${qualifiedNames(element.opclass)}` : '';
  const order = element.ordering === 'SORTBY_DESC' ? ' DESC' : element.ordering === 'SORTBY_ASC' ? ' ASC' : '';
  const nulls = element.nulls_ordering === 'SORTBY_NULLS_FIRST' ? ' NULLS FIRST' : element.nulls_ordering === 'SORTBY_NULLS_LAST' ? ' NULLS LAST' : '';
  const suffix = `${collate}${opclass}${order}${nulls}`;
  return `${element.name && suffix ? quoteIdentifier(element.name) : base}${suffix}`;
}

/**
 * Adds a table constraint (from CREATE TABLE, ALTER TABLE … ADD CONSTRAINT, or a column's inline
 * constraint with `column` set) to the table. NOT NULL, DEFAULT and identity are column attributes
 * and handled by the column reader. `altering`: from ALTER TABLE … ADD CONSTRAINT.
 */
export function addTableConstraint(builder: SchemaBuilder, table: Table, constraint: Constraint, column?: string, options: { altering?: boolean } = {}): void {
  // `PRIMARY KEY USING INDEX i` / `UNIQUE USING INDEX i`: the index becomes the constraint's (and takes its name).
  const usingIndex = constraint.indexname ? table.indexes.find((i) => i.name === constraint.indexname) : undefined;
  if (usingIndex) table.indexes = table.indexes.filter((i) => i !== usingIndex);
  const name = constraint.conname ?? usingIndex?.name ?? null;
  const line = builder.lineOf(constraint.location);
  const keys = column !== undefined ? [column] : usingIndex ? usingIndex.columns : stringsOf(constraint.keys);
  // Left out when false, so a constraint without them equals one read from a catalog that says false.
  const deferrable = constraint.deferrable ? { deferrable: true, ...(constraint.initdeferred ? { initiallyDeferred: true } : {}) } : {};
  // Likewise left out unless the file says NOT VALID, which only ALTER TABLE honours: CREATE TABLE
  // accepts it and marks the constraint validated, as there are no rows yet.
  const notValid = constraint.skip_validation && options.altering ? { notValid: true } : {};
  switch (constraint.contype) {
    case 'CONSTR_PRIMARY':
      table.primaryKey = { name, columns: keys, ...deferrable, line };
      if (name === null) builder.generatedNames.set(table.primaryKey, `${table.name}_pkey`);
      for (const c of table.columns) if (keys.includes(c.name)) c.nullable = false;
      return;
    case 'CONSTR_UNIQUE': {
      const unique = { name, columns: keys, ...deferrable, ...(constraint.nulls_not_distinct ? { nullsNotDistinct: true } : {}), line };
      // A second UNIQUE on the same columns is a constraint of its own, named `…_key1`.
      if (name === null) builder.generatedNames.set(unique, generatedConstraintName(table, keys, 'key', takenNames(builder, table, true)));
      table.uniques.push(unique);
      return;
    }
    case 'CONSTR_CHECK': {
      const expression = expressionText(constraint.raw_expr, builder.nodeText);
      const check = { name, expression, canonical: canonicalTree(constraint.raw_expr), ...notValid, line };
      // `<table>_<column>_check` when the expression uses one column, else `<table>_check`: a later DROP CONSTRAINT uses that name.
      const columns = constraint.raw_expr ? [...new Set(columnsIn(constraint.raw_expr))] : [];
      if (name === null)
        builder.generatedNames.set(check, generatedConstraintName(table, columns.length === 1 ? columns : [], 'check', takenNames(builder, table, false)));
      table.checks.push(check);
      if (constraint.is_no_inherit) builder.noInheritChecks.add(check);
      return;
    }
    case 'CONSTR_FOREIGN': {
      const columns = column !== undefined ? [column] : stringsOf(constraint.fk_attrs);
      table.foreignKeys.push({
        name,
        columns,
        // Empty: the referenced table's primary key, resolved once the whole file is read.
        references: { ...rangeVarName(constraint.pktable), columns: stringsOf(constraint.pk_attrs) },
        onDelete: ACTIONS[constraint.fk_del_action ?? 'a'] ?? null,
        onUpdate: ACTIONS[constraint.fk_upd_action ?? 'a'] ?? null,
        ...deferrable,
        ...notValid,
        line,
      });
      if (name === null) builder.generatedNames.set(table.foreignKeys[table.foreignKeys.length - 1]!, [table.name, ...columns, 'fkey'].join('_'));
      return;
    }
    case 'CONSTR_EXCLUSION':
      (table.exclusions ??= []).push({ name, ...exclusionOfConstraint(constraint, builder.nodeText), line });
      return;
    default:
      return;
  }
}

/**
 * One statement's redundant keys, dropped as PostgreSQL drops them (transformIndexConstraints):
 * `id text UNIQUE PRIMARY KEY`, or UNIQUE (a) twice in one CREATE TABLE, makes one index, and
 * the redundant one's name goes to the one kept when that has none. `from`: the first of the
 * table's UNIQUE constraints this statement made.
 */
export function dropRedundantKeys(builder: SchemaBuilder, table: Table, from = 0): void {
  const kept: (NonNullable<Table['primaryKey']> | Table['uniques'][number])[] = table.primaryKey ? [table.primaryKey] : [];
  const sameKey = (a: (typeof kept)[number], b: (typeof kept)[number]) =>
    a.columns.join('\0') === b.columns.join('\0') &&
    (a.deferrable ?? false) === (b.deferrable ?? false) &&
    (a.initiallyDeferred ?? false) === (b.initiallyDeferred ?? false) &&
    ('nullsNotDistinct' in a && a.nullsNotDistinct === true) === ('nullsNotDistinct' in b && b.nullsNotDistinct === true);
  table.uniques = table.uniques.filter((unique, i) => {
    if (i < from) return true;
    const prior = kept.find((k) => sameKey(k, unique));
    if (!prior) {
      kept.push(unique);
      return true;
    }
    if (prior.name === null && unique.name !== null) {
      prior.name = unique.name;
      builder.generatedNames.delete(prior);
    }
    return false;
  });
}

/** The names constraints (and, for a key, which owns an index of its name, indexes) already have in the table's schema. */
function takenNames(builder: SchemaBuilder, table: Table, withIndexes: boolean): Set<string> {
  const taken = new Set<string>();
  const schema = table.schema ?? 'public';
  for (const t of builder.model.tables) {
    if ((t.schema ?? 'public') !== schema) continue;
    const constraints = [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques, ...t.checks, ...t.foreignKeys, ...(t.exclusions ?? [])];
    for (const c of constraints) {
      const name = c.name ?? builder.generatedNames.get(c);
      if (name) taken.add(name);
    }
    if (withIndexes) for (const i of t.indexes) taken.add(i.name);
  }
  return taken;
}

/** The columns an expression refers to (the last part of each column reference). */
function columnsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(columnsIn);
  if (node === null || typeof node !== 'object') return [];
  const column = nodeAs(node as Node, 'ColumnRef');
  if (column) return stringsOf(column.fields).slice(-1);
  return Object.values(node).flatMap(columnsIn);
}

/**
 * `EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (…) DEFERRABLE`, by its parts: method,
 * elements with their operators, predicate, deferral. A file's and a catalog's (pg_get_constraintdef,
 * read again here) spellings give the same parts.
 */
export function exclusionOfConstraint(constraint: Constraint, source: SqlText): Omit<ExclusionConstraint, 'name' | 'line'> {
  const elements = (constraint.exclusions ?? []).map((pair) => {
    const [element, operator] = nodeAs(pair, 'List')?.items ?? [];
    const parts = stringsOf(nodeAs(operator, 'List')?.items);
    // OPERATOR(pg_catalog.=) and = are one operator.
    return { element: element ? indexElementText(element, source) : '', operator: (parts[0] === 'pg_catalog' ? parts.slice(1) : parts).join('.') };
  });
  const predicate = constraint.where_clause ? expressionText(constraint.where_clause, source) : null;
  return {
    method: (constraint.access_method ?? 'gist').toLowerCase(),
    elements,
    predicate,
    // A catalog prints `kind <> 'shared'::text` where the file says `kind <> 'shared'`.
    canonical: canonicalTree({ List: { items: [...(constraint.exclusions ?? []), ...(constraint.where_clause ? [constraint.where_clause] : [])] } } as Node),
    ...(constraint.deferrable ? { deferrable: true, ...(constraint.initdeferred ? { initiallyDeferred: true } : {}) } : {}),
  };
}
