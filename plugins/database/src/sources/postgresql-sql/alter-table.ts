import type { AlterTableStmt } from 'libpg-query';
import type { Table } from '../../schema/model.js';
import { readColumn } from './column-definition.js';
import { addTableConstraint } from './constraint-definitions.js';
import { defaultOfNode } from './default-expression.js';
import { nodeAs, rangeVarName } from './parse-tree.js';
import { attachPartition } from './partitions.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

function dropConstraint(table: Table, name: string): void {
  if (table.primaryKey?.name === name) table.primaryKey = null;
  table.uniques = table.uniques.filter((c) => c.name !== name);
  table.checks = table.checks.filter((c) => c.name !== name);
  table.foreignKeys = table.foreignKeys.filter((c) => c.name !== name);
  if (table.exclusions) table.exclusions = table.exclusions.filter((c) => c.name !== name);
}

/**
 * ALTER TABLE as pg_dump writes it (constraints, defaults, identity added after CREATE TABLE) and
 * as a DDL file may (columns added, dropped, retyped). Other commands, and ALTER of relations
 * the file does not create (views, sequences: OWNER TO), change nothing the model holds.
 */
export function alterTable(builder: SchemaBuilder, statement: AlterTableStmt, length?: number): void {
  const table = builder.table(rangeVarName(statement.relation));
  if (!table) {
    // ALTER TABLE on a view, a sequence or a foreign table: not in the model.
    return;
  }
  for (const node of statement.cmds ?? []) {
    const command = nodeAs(node, 'AlterTableCmd');
    if (!command) continue;
    const column = table.columns.find((c) => c.name === command.name);
    switch (command.subtype) {
      case 'AT_AddConstraint': {
        const constraint = nodeAs(command.def, 'Constraint');
        if (constraint) addTableConstraint(builder, table, constraint, undefined, { altering: true });
        break;
      }
      case 'AT_ValidateConstraint':
        for (const c of [...table.checks, ...table.foreignKeys]) if (c.name === command.name) delete c.notValid;
        break;
      case 'AT_DropConstraint':
        if (command.name) dropConstraint(table, command.name);
        break;
      case 'AT_AddColumn': {
        const definition = nodeAs(command.def, 'ColumnDef');
        if (definition && !table.columns.some((c) => c.name === definition.colname)) readColumn(builder, table, definition);
        break;
      }
      case 'AT_DropColumn':
        table.columns = table.columns.filter((c) => c.name !== command.name);
        break;
      case 'AT_ColumnDefault':
        if (column) column.default = defaultOfNode(command.def, builder.nodeText, column.type);
        break;
      case 'AT_SetNotNull':
        if (column) column.nullable = false;
        break;
      case 'AT_DropNotNull':
        if (column) column.nullable = true;
        break;
      case 'AT_AlterColumnType': {
        const definition = nodeAs(command.def, 'ColumnDef');
        if (column && definition) column.type = columnTypeOf(definition.typeName).type;
        break;
      }
      case 'AT_AddIdentity': {
        const constraint = nodeAs(command.def, 'Constraint');
        if (column && constraint) {
          column.identity = constraint.generated_when === 'a' ? 'always' : 'by_default';
          column.nullable = false;
        }
        break;
      }
      case 'AT_DropIdentity':
        if (column) column.identity = null;
        break;
      case 'AT_AttachPartition': {
        const partition = nodeAs(command.def, 'PartitionCmd');
        attachPartition(builder, table, partition?.name ? builder.table(rangeVarName(partition.name)) : undefined, partition?.bound, length);
        break;
      }
      case 'AT_DetachPartition': {
        const partition = nodeAs(command.def, 'PartitionCmd');
        const child = partition?.name ? builder.table(rangeVarName(partition.name)) : undefined;
        if (child) delete child.partitionOf;
        break;
      }
      case 'AT_EnableRowSecurity':
      case 'AT_ForceRowSecurity':
        builder.notCompared('row-level security');
        break;
      default:
        break;
    }
  }
}
