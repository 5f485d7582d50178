import type { ColumnDef } from 'libpg-query';
import { parseDefault } from '../../schema/default-value.js';
import type { Column, Table } from '../../schema/model.js';
import { addTableConstraint } from './constraint-definitions.js';
import { expressionText } from './expression-text.js';
import { nodeAs } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

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
  const tableConstraints = [];
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
        column.default = parseDefault(expressionText(constraint.raw_expr, builder.text), type).default;
        break;
      case 'CONSTR_IDENTITY':
        column.identity = constraint.generated_when === 'a' ? 'always' : 'by_default';
        column.nullable = false;
        break;
      case 'CONSTR_GENERATED':
        column.generated = expressionText(constraint.raw_expr, builder.text);
        break;
      default:
        tableConstraints.push(constraint);
    }
  }
  table.columns.push(column);
  for (const constraint of tableConstraints) addTableConstraint(builder, table, constraint, column.name);
  return column;
}
