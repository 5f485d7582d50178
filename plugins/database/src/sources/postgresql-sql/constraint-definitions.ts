import type { Constraint, Node } from 'libpg-query';
import type { ReferentialAction, Table } from '../../schema/model.js';
import { canonicalTree } from './canonical-tree.js';
import { expressionText } from './expression-text.js';
import { nodeAs, rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

const ACTIONS: Record<string, ReferentialAction | null> = { a: null, r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** `lower(email) DESC`, `created_at NULLS FIRST`: one element of an index or EXCLUDE list. */
export function indexElementText(node: Node, source: string): string {
  const element = nodeAs(node, 'IndexElem');
  if (!element) return expressionText(node, source);
  const base = element.name ?? expressionText(element.expr, source);
  const order = element.ordering === 'SORTBY_DESC' ? ' DESC' : element.ordering === 'SORTBY_ASC' ? ' ASC' : '';
  const nulls = element.nulls_ordering === 'SORTBY_NULLS_FIRST' ? ' NULLS FIRST' : element.nulls_ordering === 'SORTBY_NULLS_LAST' ? ' NULLS LAST' : '';
  return `${base}${order}${nulls}`;
}

/**
 * Adds a table constraint (from CREATE TABLE, ALTER TABLE … ADD CONSTRAINT, or a column's inline
 * constraint with `column` set) to the table. NOT NULL, DEFAULT and identity are column attributes
 * and handled by the column reader.
 */
export function addTableConstraint(builder: SchemaBuilder, table: Table, constraint: Constraint, column?: string): void {
  const name = constraint.conname ?? null;
  const line = builder.lineOf(constraint.location);
  const keys = column !== undefined ? [column] : stringsOf(constraint.keys);
  switch (constraint.contype) {
    case 'CONSTR_PRIMARY':
      table.primaryKey = { name, columns: keys, line };
      for (const c of table.columns) if (keys.includes(c.name)) c.nullable = false;
      return;
    case 'CONSTR_UNIQUE':
      table.uniques.push({ name, columns: keys, line });
      return;
    case 'CONSTR_CHECK': {
      const expression = expressionText(constraint.raw_expr, builder.text);
      table.checks.push({ name, expression, canonical: canonicalTree(constraint.raw_expr), line });
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
        line,
      });
      return;
    }
    case 'CONSTR_EXCLUSION': {
      const elements = (constraint.exclusions ?? []).map((pair) => {
        const [element, operator] = nodeAs(pair, 'List')?.items ?? [];
        return { element: element ? indexElementText(element, builder.text) : '', operator: stringsOf(nodeAs(operator, 'List')?.items).join('.') };
      });
      const predicate = constraint.where_clause ? expressionText(constraint.where_clause, builder.text) : null;
      (table.exclusions ??= []).push({ name, method: constraint.access_method ?? 'gist', elements, predicate, line });
      return;
    }
    default:
      return;
  }
}
