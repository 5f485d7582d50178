import type { Node, SelectStmt } from 'libpg-query';
import type { View } from '../../schema/model.js';
import { canonicalTree } from './canonical-tree.js';
import { nodeAs, stringsOf, type NodeOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

/** Output names of a select list, or null when one cannot be read from the text (`*`, an unnamed expression). */
function outputColumns(select: SelectStmt | undefined): string[] | null {
  if (!select) return null;
  if (select.op && select.op !== 'SETOP_NONE') return outputColumns(select.larg);
  const names: string[] = [];
  for (const node of select.targetList ?? []) {
    const target = nodeAs(node, 'ResTarget');
    if (!target) return null;
    if (target.name) {
      names.push(target.name);
      continue;
    }
    const column = nodeAs(target.val, 'ColumnRef');
    const call = nodeAs(target.val, 'FuncCall');
    const last = column ? column.fields?.[column.fields.length - 1] : call ? call.funcname?.[call.funcname.length - 1] : undefined;
    const name = nodeAs(last, 'String')?.sval;
    if (!name) return null;
    names.push(name);
  }
  return names;
}

/** Offset just after the first `AS` outside parentheses and quotes: where the query of CREATE … VIEW … AS starts. */
function queryStart(statement: string): number {
  let depth = 0;
  for (let i = 0; i < statement.length; i++) {
    const ch = statement[i]!;
    if (ch === '"' || ch === "'") {
      const close = statement.indexOf(ch, i + 1);
      i = close === -1 ? statement.length : close;
    } else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^as\b/i.test(statement.slice(i, i + 3)) && /\s/.test(statement[i - 1] ?? '')) return i + 2;
  }
  return 0;
}

function definitionText(builder: SchemaBuilder, length: number | undefined): string {
  const statement = builder.statementText(length);
  return statement
    .slice(queryStart(statement))
    .replace(/\s+with\s+(cascaded\s+|local\s+)?check\s+option\s*$/i, '')
    .replace(/\s+with\s+(no\s+)?data\s*$/i, '')
    .trim();
}

/**
 * `CREATE VIEW v (a, b) AS SELECT x, sum(y) …`: the column list names the select list's entries, and
 * the catalog prints the query with them (`x AS a, sum(y) AS b`); the query as the catalog holds it.
 */
function namedTargets(query: Node | undefined, aliases: readonly string[]): Node | undefined {
  const select = nodeAs(query, 'SelectStmt');
  if (!select?.targetList || aliases.length === 0) return query;
  const targetList = select.targetList.map((node, i) => {
    const target = nodeAs(node, 'ResTarget');
    if (!target || aliases[i] === undefined) return node;
    // The parser's key order (name before val): canonical trees compare as JSON text.
    const { name: _, ...rest } = target;
    return { ResTarget: { name: aliases[i], ...rest } };
  });
  return { SelectStmt: { ...select, targetList } };
}

export function createView(builder: SchemaBuilder, statement: NodeOf<'ViewStmt'>, length: number | undefined): void {
  const name = { schema: statement.view?.schemaname ?? null, name: statement.view?.relname ?? '' };
  const select = nodeAs(statement.query, 'SelectStmt');
  const aliases = stringsOf(statement.aliases);
  const view: View = {
    ...name,
    key: builder.key(name),
    columns: aliases.length ? aliases : outputColumns(select),
    definition: definitionText(builder, length),
    materialized: false,
    canonical: canonicalTree(namedTargets(statement.query, aliases)),
    line: builder.statementLine,
  };
  builder.upsert(builder.model.views, view);
}

/** CREATE MATERIALIZED VIEW (CREATE TABLE … AS is read by create-table-as.ts). */
export function createMaterializedView(builder: SchemaBuilder, statement: NodeOf<'CreateTableAsStmt'>, length: number | undefined): void {
  if (statement.objtype !== 'OBJECT_MATVIEW') return;
  const relation = statement.into?.rel;
  const name = { schema: relation?.schemaname ?? null, name: relation?.relname ?? '' };
  const aliases = stringsOf(statement.into?.colNames);
  const query = statement.query as Node | undefined;
  const view: View = {
    ...name,
    key: builder.key(name),
    columns: aliases.length ? aliases : outputColumns(nodeAs(query, 'SelectStmt')),
    definition: definitionText(builder, length),
    materialized: true,
    canonical: canonicalTree(namedTargets(query, aliases)),
    line: builder.statementLine,
  };
  builder.upsert(builder.model.views, view);
}
