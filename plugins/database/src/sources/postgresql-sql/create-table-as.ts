import type { Node, SelectStmt } from 'libpg-query';
import { type ColumnType, parseColumnType } from '../../schema/column-type.js';
import type { Column, Table } from '../../schema/model.js';
import { nodeAs, type NodeOf, rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

/** A column the query yields: its name as PostgreSQL would give it, and its type. */
interface Output {
  name: string;
  type: ColumnType;
}

/** The tables of a FROM list the model knows, by the name the query calls them (alias or table name), in order. */
function fromTables(builder: SchemaBuilder, nodes: Node[] | undefined): Map<string, Table> | null {
  const tables = new Map<string, Table>();
  const visit = (node: Node): boolean => {
    const range = nodeAs(node, 'RangeVar');
    if (range) {
      const table = builder.table(rangeVarName(range));
      if (!table) return false;
      tables.set(range.alias?.aliasname ?? range.relname ?? '', table);
      return true;
    }
    const join = nodeAs(node, 'JoinExpr');
    // USING / NATURAL merge columns: their order is not the plain concatenation.
    if (join && !join.usingClause?.length && !join.isNatural) return visit(join.larg!) && visit(join.rarg!);
    return false;
  };
  return (nodes ?? []).every(visit) ? tables : null;
}

/** What PostgreSQL makes of a constant in CREATE TABLE AS: an untyped string literal becomes text. */
function constantType(constant: NodeOf<'A_Const'>): ColumnType | null {
  if (constant.isnull) return null;
  if (constant.ival !== undefined) return parseColumnType('integer').type;
  if (constant.fval !== undefined) return parseColumnType('numeric').type;
  if (constant.sval !== undefined) return parseColumnType('text').type;
  if (constant.boolval !== undefined) return parseColumnType('boolean').type;
  return null;
}

/** The select list's columns, or null when a type cannot be told from the text alone (a function call, an operator). */
function outputs(builder: SchemaBuilder, select: SelectStmt | undefined): Output[] | null {
  if (!select) return null;
  if (select.op && select.op !== 'SETOP_NONE') return outputs(builder, select.larg);
  const tables = fromTables(builder, select.fromClause);
  if (!tables || !select.targetList) return null;
  const columnOf = (fields: string[]): Column | undefined => {
    const [qualifier, name] = fields.length > 1 ? [fields[fields.length - 2], fields[fields.length - 1]] : [undefined, fields[0]];
    const candidates = qualifier === undefined ? [...tables.values()] : [tables.get(qualifier)].filter((t) => t !== undefined);
    const found = candidates.flatMap((t) => t.columns.filter((c) => c.name === name));
    return found.length === 1 ? found[0] : undefined;
  };
  const result: Output[] = [];
  for (const node of select.targetList) {
    const target = nodeAs(node, 'ResTarget');
    if (!target) return null;
    const reference = nodeAs(target.val, 'ColumnRef');
    if (reference && nodeAs(reference.fields?.[reference.fields.length - 1], 'A_Star')) {
      const qualifier = stringsOf(reference.fields)[0];
      const from = qualifier === undefined ? [...tables.values()] : [tables.get(qualifier)];
      if (from.some((t) => t === undefined)) return null;
      for (const table of from) for (const column of table!.columns) result.push({ name: column.name, type: structuredClone(column.type) });
      continue;
    }
    if (reference) {
      const fields = stringsOf(reference.fields);
      const column = columnOf(fields);
      if (!column) return null;
      result.push({ name: target.name ?? column.name, type: structuredClone(column.type) });
      continue;
    }
    const cast = nodeAs(target.val, 'TypeCast');
    const constant = nodeAs(target.val, 'A_Const');
    const type = cast ? columnTypeOf(cast.typeName).type : constant ? constantType(constant) : null;
    // An unnamed expression gets a name PostgreSQL makes up (`?column?`, the type's name): not worth guessing.
    if (!type || !target.name) return null;
    result.push({ name: target.name, type });
  }
  return result;
}

/**
 * CREATE TABLE … AS SELECT (a backup copy, a table filled from a query): a plain table whose
 * columns are the query's, all nullable, without defaults or constraints. Read when every column's
 * type follows from the text (columns of known tables, casts, constants); otherwise counted as not
 * compared, since guessing a type would report a change that is not there.
 */
export function createTableAs(builder: SchemaBuilder, statement: NodeOf<'CreateTableAsStmt'>): void {
  const name = rangeVarName(statement.into?.rel);
  if (statement.if_not_exists && builder.table(name)) return;
  const temporary = statement.into?.rel?.relpersistence === 't';
  const columns = outputs(builder, nodeAs(statement.query as Node | undefined, 'SelectStmt'));
  // A temporary table is not in the schema the file leaves: nothing is left uncompared.
  if (!columns && temporary) return;
  if (!columns) return builder.notCompared('tables made by CREATE TABLE … AS whose column types the query does not state');
  const aliases = stringsOf(statement.into?.colNames);
  const table: Table = {
    ...name,
    key: builder.key(name),
    columns: columns.map((c, i) => ({
      name: aliases[i] ?? c.name,
      type: c.type,
      nullable: true,
      default: null,
      onUpdate: null,
      identity: null,
      comment: null,
      line: builder.statementLine,
    })),
    primaryKey: null,
    uniques: [],
    checks: [],
    foreignKeys: [],
    indexes: [],
    line: builder.statementLine,
  };
  if (temporary) builder.temporaryTables.add(table);
  builder.upsert(builder.model.tables, table);
}
