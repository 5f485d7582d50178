import type { AlterTableStmt } from 'libpg-query';
import type { Table } from '../../schema/model.js';
import { isNullConstant, readColumn } from './column-definition.js';
import { dropForeignKeysOnColumn, dropForeignKeysOnKey } from './cascaded-foreign-keys.js';
import { addTableConstraint } from './constraint-definitions.js';
import { defaultOfNode } from './default-expression.js';
import { nodeAs, type NodeOf, rangeVarName } from './parse-tree.js';
import { attachPartition } from './partitions.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

/**
 * Drops a constraint by name; one declared without a name goes by the name PostgreSQL gave it
 * when it was made (`users_pkey`, `users_email_key`, `orders_user_id_fkey`).
 */
function dropConstraint(builder: SchemaBuilder, table: Table, name: string, cascade: boolean): void {
  // Made before this file (a migration read onto the before schema): the name it would have got here.
  const named = (c: { name: string | null; columns: string[] }, suffix: string) =>
    (c.name ?? builder.generatedNames.get(c) ?? [table.name, ...(suffix === 'pkey' ? [] : c.columns), suffix].join('_')) === name;
  if (cascade) {
    const key = table.primaryKey && named(table.primaryKey, 'pkey') ? table.primaryKey : table.uniques.find((c) => named(c, 'key'));
    if (key) dropForeignKeysOnKey(builder.model, table, key.columns);
  }
  if (table.primaryKey && named(table.primaryKey, 'pkey')) table.primaryKey = null;
  table.uniques = table.uniques.filter((c) => !named(c, 'key'));
  table.checks = table.checks.filter((c) => (c.name ?? builder.generatedNames.get(c)) !== name);
  table.foreignKeys = table.foreignKeys.filter((c) => !named(c, 'fkey'));
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
  // `inh` is only set without ONLY (the parse tree leaves false out).
  const recurse = statement.relation?.inh === true;
  for (const node of statement.cmds ?? []) {
    const command = nodeAs(node, 'AlterTableCmd');
    if (!command) continue;
    applyCommand(builder, table, command, length);
    if (!recurse) continue;
    const inherited = inheritedCommand(command);
    if (!inherited) continue;
    for (const descendant of descendants(builder, table)) if (!mergesWithOwn(descendant, inherited)) applyCommand(builder, descendant, inherited, length);
  }
}

/** A CHECK an inheriting table already has under the same name: PostgreSQL merges the two into the child's one. */
function mergesWithOwn(table: Table, command: NodeOf<'AlterTableCmd'>): boolean {
  const constraint = command.subtype === 'AT_AddConstraint' ? nodeAs(command.def, 'Constraint') : undefined;
  return constraint?.contype === 'CONSTR_CHECK' && constraint.conname !== undefined && table.checks.some((c) => c.name === constraint.conname);
}

/** Every table that inherits from this one, at any depth (partitions of partitions, INHERITS chains). */
function descendants(builder: SchemaBuilder, table: Table): Table[] {
  const found: Table[] = [];
  for (let next = [table]; next.length > 0; ) {
    next = next.flatMap((t) => builder.inheritors(t)).filter((t) => !found.includes(t) && t !== table);
    found.push(...next);
  }
  return found;
}

/** What kinds of column definition an inheriting table takes over from ADD COLUMN: not its keys, foreign keys or identity. */
const INHERITED_COLUMN_CONSTRAINTS = new Set(['CONSTR_NOTNULL', 'CONSTR_NULL', 'CONSTR_DEFAULT', 'CONSTR_CHECK', 'CONSTR_GENERATED']);

/**
 * The part of a command that PostgreSQL applies to inheriting tables too (without ONLY): columns
 * added, dropped, retyped, their defaults and NOT NULL, and CHECK constraints (unless NO INHERIT).
 * Keys, foreign keys and indexes of a partitioned table reach its partitions as well, but those are
 * folded onto the parent (partition-inheritance.ts); INHERITS children do not get them.
 */
function inheritedCommand(command: NodeOf<'AlterTableCmd'>): NodeOf<'AlterTableCmd'> | null {
  switch (command.subtype) {
    case 'AT_AddColumn': {
      const definition = nodeAs(command.def, 'ColumnDef');
      if (!definition) return null;
      const constraints = (definition.constraints ?? []).filter((c) => INHERITED_COLUMN_CONSTRAINTS.has(nodeAs(c, 'Constraint')?.contype ?? ''));
      return { ...command, def: { ColumnDef: { ...definition, constraints } } };
    }
    case 'AT_DropColumn':
    case 'AT_AlterColumnType':
    case 'AT_ColumnDefault':
    case 'AT_SetNotNull':
    case 'AT_DropNotNull':
      return command;
    case 'AT_AddConstraint': {
      const constraint = nodeAs(command.def, 'Constraint');
      return constraint?.contype === 'CONSTR_CHECK' && !constraint.is_no_inherit ? command : null;
    }
    default:
      return null;
  }
}

/** Does an element or expression (`downloads`, `lower(name)`, `date(created_at) DESC`) use the column? */
function mentions(sql: string, column: string): boolean {
  return new RegExp(`(?<![\\w$."])"?${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?(?![\\w$])`).test(sql);
}

/** DROP COLUMN takes the table's indexes and constraints that involve the column with it, as PostgreSQL does. */
function dropColumn(table: Table, column: string): void {
  table.columns = table.columns.filter((c) => c.name !== column);
  if (table.primaryKey?.columns.includes(column)) table.primaryKey = null;
  table.uniques = table.uniques.filter((u) => !u.columns.includes(column));
  table.foreignKeys = table.foreignKeys.filter((f) => !f.columns.includes(column));
  table.checks = table.checks.filter((c) => !mentions(c.expression, column));
  table.indexes = table.indexes.filter((i) => ![...i.columns, ...(i.include ?? []), i.predicate ?? ''].some((e) => mentions(e, column)));
}

function applyCommand(builder: SchemaBuilder, table: Table, command: NodeOf<'AlterTableCmd'>, length: number | undefined): void {
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
      if (command.name) dropConstraint(builder, table, command.name, command.behavior === 'DROP_CASCADE');
      break;
    case 'AT_AddColumn': {
      const definition = nodeAs(command.def, 'ColumnDef');
      if (definition && !table.columns.some((c) => c.name === definition.colname)) readColumn(builder, table, definition);
      break;
    }
    case 'AT_DropColumn':
      if (!command.name) break;
      if (command.behavior === 'DROP_CASCADE') dropForeignKeysOnColumn(builder.model, table, command.name);
      dropColumn(table, command.name);
      break;
    case 'AT_ColumnDefault':
      // SET DEFAULT NULL stores no default: pg_dump writes it on an inheriting table whose parent has a default of its own.
      if (!column) break;
      column.default = isNullConstant(command.def) ? null : defaultOfNode(command.def, builder.nodeText, column.type);
      if (column.default === null && isNullConstant(command.def)) column.nullDefault = true;
      else delete column.nullDefault;
      // A serial column is one whose default takes the next value of its own sequence: without that default it is a plain column.
      if (column.identity === 'serial' && !(column.default?.kind === 'expression' && column.default.sql.includes(`${table.name}_${column.name}_seq'`)))
        column.identity = null;
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
