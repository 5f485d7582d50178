import type { DoStmt, Node } from 'libpg-query';
import { nodeAs, stringsOf } from './parse-tree.js';
import { quoteIdentifier } from '../../sql/identifier.js';

/**
 * The SQL a `DO` block runs, as far as reading it can tell, in order: statements written in it,
 * and `EXECUTE` of a string built from constants, `format()`, `||` and loop variables bound from a
 * literal `VALUES` list or array. Migrations wrap DDL in DO blocks to make it re-runnable
 * (`BEGIN CREATE TYPE … EXCEPTION WHEN duplicate_object THEN null; END`, `IF NOT EXISTS (…) THEN`),
 * and a reader that skips them leaves out the objects they make.
 *
 * Conditions are not evaluated: an IF's THEN branch is taken (the re-runnable path), unless all it
 * does is leave (RETURN, CONTINUE, EXIT, RAISE): those are guards for a state the block need not
 * act on. An exception handler's statements are not run. The caller applies what comes back
 * leniently (an object that exists is not made again), as the block's guards would.
 */
export async function doBlockStatements(statement: DoStmt): Promise<string[]> {
  const option = (name: string) => (statement.args ?? []).map((a) => nodeAs(a, 'DefElem')).find((d) => d?.defname === name);
  const body = nodeAs(option('as')?.arg, 'String')?.sval;
  const language = nodeAs(option('language')?.arg, 'String')?.sval ?? 'plpgsql';
  if (!body || language.toLowerCase() !== 'plpgsql') return [];
  const { parsePlPgSQL, parse } = await import('libpg-query');
  let tag = 'ma_do';
  while (body.includes(`$${tag}$`)) tag += '_';
  let tree: PlpgsqlTree;
  try {
    tree = (await parsePlPgSQL(`CREATE FUNCTION ma_do_block() RETURNS void LANGUAGE plpgsql AS $${tag}$${body}$${tag}$`)) as PlpgsqlTree;
  } catch {
    return [];
  }
  const fn = tree.plpgsql_funcs?.[0]?.PLpgSQL_function;
  if (!fn?.action) return [];
  const walker = new BlockWalker(fn.datums ?? [], async (sql) => {
    try {
      const stmts = (await parse(`SELECT ${sql}`)).stmts ?? [];
      const target = nodeAs(nodeAs(stmts[0]?.stmt, 'SelectStmt')?.targetList?.[0], 'ResTarget')?.val;
      return stmts.length === 1 ? target : undefined;
    } catch {
      return undefined;
    }
  });
  await walker.walk([fn.action]);
  return walker.statements;
}

/** libpg-query's PL/pgSQL tree: nodes keyed by their tag, as in the SQL tree. */
type PlNode = Record<string, PlFields>;
interface PlFields {
  [key: string]: unknown;
  body?: PlNode[];
  then_body?: PlNode[];
  query?: { PLpgSQL_expr?: { query?: string } };
  sqlstmt?: { PLpgSQL_expr?: { query?: string } };
  expr?: { PLpgSQL_expr?: { query?: string } };
  var?: PlNode;
  varno?: number;
  refname?: string;
  elog_level?: number;
}
interface PlpgsqlTree {
  plpgsql_funcs?: { PLpgSQL_function?: { datums?: PlNode[]; action?: PlNode } }[];
}

/** Statements that only leave the block or the loop: an IF whose THEN does nothing else guards a state the block skips. */
const LEAVING = new Set(['PLpgSQL_stmt_return', 'PLpgSQL_stmt_exit', 'PLpgSQL_stmt_raise']);

class BlockWalker {
  readonly statements: string[] = [];
  /** Variables bound to text: `name`, or `record.field`. */
  private readonly values = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly datums: PlNode[],
    private readonly expression: (sql: string) => Promise<Node | undefined>,
  ) {}

  async walk(nodes: readonly PlNode[] | undefined): Promise<void> {
    for (const node of nodes ?? []) {
      if (this.stopped) return;
      const [tag, fields] = Object.entries(node)[0] ?? [];
      if (!tag || !fields) continue;
      await this.step(tag, fields);
    }
  }

  private async step(tag: string, fields: PlFields): Promise<void> {
    switch (tag) {
      case 'PLpgSQL_stmt_block':
        return this.walk(fields.body);
      case 'PLpgSQL_stmt_if': {
        const then = fields.then_body ?? [];
        if (then.every((n) => LEAVING.has(Object.keys(n)[0] ?? ''))) return;
        return this.walk(then);
      }
      case 'PLpgSQL_stmt_execsql': {
        const sql = fields.sqlstmt?.PLpgSQL_expr?.query;
        if (sql) this.statements.push(sql);
        return;
      }
      case 'PLpgSQL_stmt_dynexecute': {
        const sql = await this.evaluate(fields.query?.PLpgSQL_expr?.query);
        if (sql !== null) this.statements.push(sql);
        return;
      }
      case 'PLpgSQL_stmt_assign': {
        const name = this.datumName(fields.varno);
        const value = await this.evaluate(fields.expr?.PLpgSQL_expr?.query);
        if (name && value !== null) this.values.set(name, value);
        else if (name) this.values.delete(name);
        return;
      }
      case 'PLpgSQL_stmt_fors':
        return this.loop(await this.rowsOf(fields.query?.PLpgSQL_expr?.query), this.refname(fields.var), fields.body);
      case 'PLpgSQL_stmt_foreach_a':
        return this.loop(await this.arrayOf(fields.expr?.PLpgSQL_expr?.query), this.datumName(fields.varno), fields.body);
      case 'PLpgSQL_stmt_fori':
      case 'PLpgSQL_stmt_loop':
      case 'PLpgSQL_stmt_while':
        // Bounds not known: the body once, so statements that do not depend on the loop are read.
        return this.walk(fields.body);
      case 'PLpgSQL_stmt_return':
        this.stopped = true;
        return;
      default:
        return;
    }
  }

  /** Runs the body once per row, the loop variable bound; unknown rows: once, unbound. */
  private async loop(rows: Record<string, string>[] | null, variable: string | undefined, body: PlNode[] | undefined): Promise<void> {
    if (!rows || !variable) return this.walk(body);
    for (const row of rows) {
      for (const [field, value] of Object.entries(row)) this.values.set(field === '' ? variable : `${variable}.${field}`, value);
      await this.walk(body);
      if (this.stopped) return;
    }
  }

  private refname(node: PlNode | undefined): string | undefined {
    const fields = node ? Object.values(node)[0] : undefined;
    return fields?.refname;
  }

  private datumName(varno: number | undefined): string | undefined {
    return this.refname(this.datums[varno ?? 0]);
  }

  /** `SELECT * FROM (VALUES (…), (…)) AS t(a, b)` or `VALUES …`: each row's columns by name. */
  private async rowsOf(query: string | undefined): Promise<Record<string, string>[] | null> {
    if (!query) return null;
    const { parse } = await import('libpg-query');
    let select: ReturnType<typeof nodeAs<'SelectStmt'>>;
    try {
      select = nodeAs((await parse(query)).stmts?.[0]?.stmt, 'SelectStmt');
    } catch {
      return null;
    }
    let values = select?.valuesLists;
    let columns: string[] = [];
    if (!values) {
      const from = nodeAs(select?.fromClause?.[0], 'RangeSubselect');
      values = nodeAs(from?.subquery, 'SelectStmt')?.valuesLists;
      columns = stringsOf(from?.alias?.colnames);
      // Only `SELECT *` keeps the VALUES columns as they are.
      const star = select?.targetList?.length === 1 && nodeAs(nodeAs(nodeAs(select.targetList[0], 'ResTarget')?.val, 'ColumnRef')?.fields?.[0], 'A_Star');
      if (!star) return null;
    }
    if (!values) return null;
    const rows: Record<string, string>[] = [];
    for (const list of values) {
      const items = nodeAs(list, 'List')?.items ?? [];
      const row: Record<string, string> = {};
      for (const [i, item] of items.entries()) {
        const value = this.valueOf(item);
        if (value === null) return null;
        row[columns[i] ?? `column${i + 1}`] = value;
      }
      rows.push(row);
    }
    return rows;
  }

  /** `ARRAY['a', 'b']`: its elements, each bound to the loop variable itself. */
  private async arrayOf(sql: string | undefined): Promise<Record<string, string>[] | null> {
    const node = sql ? await this.expression(sql) : undefined;
    const array = nodeAs(nodeAs(node, 'TypeCast')?.arg ?? node, 'A_ArrayExpr');
    if (!array) return null;
    const rows: Record<string, string>[] = [];
    for (const element of array.elements ?? []) {
      const value = this.valueOf(element);
      if (value === null) return null;
      rows.push({ '': value });
    }
    return rows;
  }

  private async evaluate(sql: string | undefined): Promise<string | null> {
    if (!sql) return null;
    const node = await this.expression(sql);
    return node ? this.valueOf(node) : null;
  }

  /** A text value built from constants and bound variables; null when it depends on anything else. */
  private valueOf(node: Node): string | null {
    const constant = nodeAs(node, 'A_Const');
    if (constant) {
      if (constant.sval) return constant.sval.sval ?? '';
      if (constant.ival) return String(constant.ival.ival ?? 0);
      if (constant.isnull) return null;
      return constant.fval?.fval ?? (constant.boolval ? String(constant.boolval.boolval ?? false) : '0');
    }
    const cast = nodeAs(node, 'TypeCast');
    if (cast?.arg) return this.valueOf(cast.arg);
    const column = nodeAs(node, 'ColumnRef');
    if (column) return this.values.get(stringsOf(column.fields).join('.')) ?? null;
    const operator = nodeAs(node, 'A_Expr');
    if (operator && stringsOf(operator.name).join() === '||' && operator.lexpr && operator.rexpr) {
      const left = this.valueOf(operator.lexpr);
      const right = this.valueOf(operator.rexpr);
      return left === null || right === null ? null : left + right;
    }
    const call = nodeAs(node, 'FuncCall');
    if (call) {
      const name = stringsOf(call.funcname).pop()?.toLowerCase();
      const args = (call.args ?? []).map((a) => this.valueOf(a));
      if (args.some((a) => a === null)) return null;
      const texts = args as string[];
      if (name === 'format' && texts.length > 0) return format(texts[0]!, texts.slice(1));
      if (name === 'quote_ident' && texts.length === 1) return quoteIdentifier(texts[0]!);
      if (name === 'quote_literal' && texts.length === 1) return `'${texts[0]!.replace(/'/g, "''")}'`;
      if (name === 'concat') return texts.join('');
    }
    return null;
  }
}

/** PostgreSQL's `format()`: `%s`, `%I` (identifier, quoted when needed), `%L` (literal), `%%`. */
function format(template: string, args: string[]): string | null {
  let next = 0;
  let failed = false;
  const out = template.replace(/%(?:(\d+)\$)?([sIL%])/g, (_, position: string | undefined, kind: string) => {
    if (kind === '%') return '%';
    const value = args[position ? Number(position) - 1 : next++];
    if (value === undefined || (kind === 'I' && value === '')) {
      failed = true;
      return '';
    }
    if (kind === 'I') return quoteIdentifier(value);
    if (kind === 'L') return `'${value.replace(/'/g, "''")}'`;
    return value;
  });
  return failed ? null : out;
}
