import type { ColumnDef, Constraint, Node } from 'libpg-query';
import type { Column, Table } from '../../schema/model.js';
import { addTableConstraint } from './constraint-definitions.js';
import { defaultOfNode } from './default-expression.js';
import { expressionText } from './expression-text.js';
import { nodeAs } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

/** `NULL`, `NULL::text`: PostgreSQL stores no default for it, so it reads as none. */
export function isNullConstant(node: Node | undefined): boolean {
  let inner = node;
  for (let cast = nodeAs(inner, 'TypeCast'); cast; cast = nodeAs(inner, 'TypeCast')) inner = cast.arg;
  return nodeAs(inner, 'A_Const')?.isnull === true;
}

/** A column of CREATE TABLE or ALTER TABLE … ADD COLUMN; its inline PK/UNIQUE/CHECK/REFERENCES go to the table. */
export function readColumn(builder: SchemaBuilder, table: Table, definition: ColumnDef): Column {
  const { type, serial } = columnTypeOf(definition.typeName);
  const column: Column = {
    name: definition.colname ?? '',
    type,
    nullable: true,
    default: null,
    onUpdate: null,
    identity: serial ? 'serial' : null,
    comment: null,
    line: builder.lineOf(definition.location),
  };
  if (serial) column.nullable = false;
  const tableConstraints: Constraint[] = [];
  for (const node of definition.constraints ?? []) {
    const constraint = nodeAs(node, 'Constraint');
    if (!constraint) continue;
    switch (constraint.contype) {
      case 'CONSTR_NOTNULL':
        column.nullable = false;
        break;
      case 'CONSTR_NULL':
        column.nullable = true;
        break;
      case 'CONSTR_DEFAULT':
        if (isNullConstant(constraint.raw_expr)) {
          column.default = null;
          column.nullDefault = true;
        } else column.default = defaultOfNode(constraint.raw_expr, builder.nodeText, type);
        break;
      case 'CONSTR_IDENTITY':
        column.identity = constraint.generated_when === 'a' ? 'always' : 'by_default';
        column.nullable = false;
        break;
      case 'CONSTR_GENERATED':
        column.generated = expressionText(constraint.raw_expr, builder.nodeText);
        break;
      // `REFERENCES t (id) DEFERRABLE INITIALLY DEFERRED` on a column: the parser gives the
      // attributes as nodes of their own, which belong to the constraint before them.
      case 'CONSTR_ATTR_DEFERRABLE':
      case 'CONSTR_ATTR_NOT_DEFERRABLE':
      case 'CONSTR_ATTR_DEFERRED':
      case 'CONSTR_ATTR_IMMEDIATE': {
        const target = tableConstraints[tableConstraints.length - 1];
        if (!target) break;
        if (constraint.contype === 'CONSTR_ATTR_DEFERRABLE') target.deferrable = true;
        if (constraint.contype === 'CONSTR_ATTR_NOT_DEFERRABLE') target.deferrable = false;
        if (constraint.contype === 'CONSTR_ATTR_DEFERRED') target.initdeferred = target.deferrable = true;
        if (constraint.contype === 'CONSTR_ATTR_IMMEDIATE') target.initdeferred = false;
        break;
      }
      default:
        // A copy: parse trees are shared between files with the same statement (see parse-statements.ts).
        tableConstraints.push({ ...constraint });
    }
  }
  table.columns.push(column);
  for (const constraint of tableConstraints) addTableConstraint(builder, table, constraint, column.name);
  return column;
}
