import type { Node } from 'libpg-query';
import { quoteIdentifier } from '../../sql/identifier.js';
import { quoteLiteral } from '../../sql/literal.js';
import { nodeAs, stringsOf, tagOf } from './parse-tree.js';
import { typeNameText } from './type-name.js';

/** An expression libpg-query parsed but this deparser does not spell; the caller falls back to the source text. */
export class UnsupportedExpressionError extends Error {}

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'CURRENT_DATE',
  SVFOP_CURRENT_TIME: 'CURRENT_TIME',
  SVFOP_CURRENT_TIME_N: 'CURRENT_TIME',
  SVFOP_CURRENT_TIMESTAMP: 'CURRENT_TIMESTAMP',
  SVFOP_CURRENT_TIMESTAMP_N: 'CURRENT_TIMESTAMP',
  SVFOP_LOCALTIME: 'LOCALTIME',
  SVFOP_LOCALTIME_N: 'LOCALTIME',
  SVFOP_LOCALTIMESTAMP: 'LOCALTIMESTAMP',
  SVFOP_LOCALTIMESTAMP_N: 'LOCALTIMESTAMP',
  SVFOP_CURRENT_ROLE: 'CURRENT_ROLE',
  SVFOP_CURRENT_USER: 'CURRENT_USER',
  SVFOP_USER: 'USER',
  SVFOP_SESSION_USER: 'SESSION_USER',
  SVFOP_CURRENT_CATALOG: 'CURRENT_CATALOG',
  SVFOP_CURRENT_SCHEMA: 'CURRENT_SCHEMA',
};

/** Operands that are not a single token get parentheses, so precedence never changes. */
function operand(node: Node | undefined): string {
  const text = deparseExpression(node);
  const tag = node ? tagOf(node) : '';
  return ['A_Expr', 'BoolExpr', 'NullTest', 'BooleanTest'].includes(tag) ? `(${text})` : text;
}

/**
 * SQL text for an expression of the parse tree (defaults, CHECK bodies, index elements and
 * predicates). Canonical spacing, keywords upper case, so one expression written two ways reads
 * the same. Throws UnsupportedExpressionError for nodes it does not know.
 */
export function deparseExpression(node: Node | undefined): string {
  if (!node) throw new UnsupportedExpressionError('empty expression');
  const constant = nodeAs(node, 'A_Const');
  if (constant) {
    if (constant.isnull) return 'NULL';
    if (constant.ival) return String(constant.ival.ival ?? 0);
    if (constant.fval) return constant.fval.fval ?? '0';
    if (constant.boolval) return constant.boolval.boolval ? 'true' : 'false';
    if (constant.sval) return quoteLiteral(constant.sval.sval ?? '');
    if (constant.bsval) return `B'${(constant.bsval.bsval ?? '').slice(1)}'`;
    return '0';
  }
  const column = nodeAs(node, 'ColumnRef');
  if (column) return (column.fields ?? []).map((f) => (nodeAs(f, 'A_Star') ? '*' : quoteIdentifier(nodeAs(f, 'String')?.sval ?? ''))).join('.');
  const cast = nodeAs(node, 'TypeCast');
  if (cast) return `${operand(cast.arg)}::${typeNameText(cast.typeName)}`;
  const call = nodeAs(node, 'FuncCall');
  if (call) {
    const fn = stringsOf(call.funcname).filter((p, i, all) => !(i === 0 && p === 'pg_catalog' && all.length > 1));
    const args = call.agg_star ? '*' : (call.args ?? []).map(deparseExpression).join(', ');
    if (call.over || call.agg_order || call.agg_filter) throw new UnsupportedExpressionError('window or ordered aggregate');
    const field = nodeAs(call.args?.[0], 'A_Const')?.sval?.sval;
    if (call.funcformat === 'COERCE_SQL_SYNTAX' && fn.join('.') === 'extract' && call.args?.length === 2 && field !== undefined) {
      // The keyword form: `"extract"('epoch', x)` runs too, but only on PostgreSQL 14 and later.
      return `EXTRACT(${/^[a-z]+$/.test(field) ? field : quoteLiteral(field)} FROM ${deparseExpression(call.args[1])})`;
    }
    if (call.funcformat === 'COERCE_SQL_SYNTAX' && fn.join('.') === 'timezone' && call.args?.length === 2) {
      // `x AT TIME ZONE 'UTC'`: spelled as a call, PostgreSQL stores a call and prints it so, where
      // the original's catalog prints the keyword form.
      return `(${operand(call.args[1])} AT TIME ZONE ${operand(call.args[0])})`;
    }
    return `${fn.map(quoteIdentifier).join('.')}(${call.agg_distinct ? 'DISTINCT ' : ''}${args})`;
  }
  const expr = nodeAs(node, 'A_Expr');
  if (expr) {
    const op = stringsOf(expr.name).join('.');
    switch (expr.kind) {
      case 'AEXPR_OP':
        return expr.lexpr ? `${operand(expr.lexpr)} ${op} ${operand(expr.rexpr)}` : `${op} ${operand(expr.rexpr)}`;
      case 'AEXPR_OP_ANY':
      case 'AEXPR_OP_ALL':
        return `${operand(expr.lexpr)} ${op} ${expr.kind === 'AEXPR_OP_ANY' ? 'ANY' : 'ALL'} (${deparseExpression(expr.rexpr)})`;
      case 'AEXPR_IN': {
        const list = nodeAs(expr.rexpr, 'List')?.items ?? [];
        return `${operand(expr.lexpr)} ${op === '<>' ? 'NOT IN' : 'IN'} (${list.map(deparseExpression).join(', ')})`;
      }
      case 'AEXPR_LIKE':
      case 'AEXPR_ILIKE': {
        const word = expr.kind === 'AEXPR_LIKE' ? 'LIKE' : 'ILIKE';
        return `${operand(expr.lexpr)} ${op.startsWith('!') ? `NOT ${word}` : word} ${operand(expr.rexpr)}`;
      }
      case 'AEXPR_DISTINCT':
        return `${operand(expr.lexpr)} IS DISTINCT FROM ${operand(expr.rexpr)}`;
      case 'AEXPR_NOT_DISTINCT':
        return `${operand(expr.lexpr)} IS NOT DISTINCT FROM ${operand(expr.rexpr)}`;
      case 'AEXPR_BETWEEN':
      case 'AEXPR_NOT_BETWEEN': {
        const [low, high] = nodeAs(expr.rexpr, 'List')?.items ?? [];
        return `${operand(expr.lexpr)} ${expr.kind === 'AEXPR_BETWEEN' ? 'BETWEEN' : 'NOT BETWEEN'} ${operand(low)} AND ${operand(high)}`;
      }
      default:
        throw new UnsupportedExpressionError(`operator kind ${expr.kind ?? ''}`);
    }
  }
  const bool = nodeAs(node, 'BoolExpr');
  if (bool) {
    const args = (bool.args ?? []).map(operand);
    if (bool.boolop === 'NOT_EXPR') return `NOT ${args[0] ?? ''}`;
    return args.join(bool.boolop === 'AND_EXPR' ? ' AND ' : ' OR ');
  }
  const nullTest = nodeAs(node, 'NullTest');
  if (nullTest) return `${operand(nullTest.arg)} ${nullTest.nulltesttype === 'IS_NOT_NULL' ? 'IS NOT NULL' : 'IS NULL'}`;
  const booleanTest = nodeAs(node, 'BooleanTest');
  if (booleanTest) {
    const test = (booleanTest.booltesttype ?? '').replace(/_/g, ' ');
    return `${operand(booleanTest.arg)} ${test}`;
  }
  const valueFunction = nodeAs(node, 'SQLValueFunction');
  if (valueFunction) {
    const word = SQL_VALUE_FUNCTIONS[valueFunction.op ?? ''];
    if (!word) throw new UnsupportedExpressionError(`value function ${valueFunction.op ?? ''}`);
    return valueFunction.typmod !== undefined && valueFunction.typmod >= 0 && valueFunction.op?.endsWith('_N') ? `${word}(${valueFunction.typmod})` : word;
  }
  const array = nodeAs(node, 'A_ArrayExpr');
  if (array) return `ARRAY[${(array.elements ?? []).map(deparseExpression).join(', ')}]`;
  const row = nodeAs(node, 'RowExpr');
  if (row) return `ROW(${(row.args ?? []).map(deparseExpression).join(', ')})`;
  const coalesce = nodeAs(node, 'CoalesceExpr');
  if (coalesce) return `COALESCE(${(coalesce.args ?? []).map(deparseExpression).join(', ')})`;
  const minMax = nodeAs(node, 'MinMaxExpr');
  if (minMax) return `${minMax.op === 'IS_GREATEST' ? 'GREATEST' : 'LEAST'}(${(minMax.args ?? []).map(deparseExpression).join(', ')})`;
  const caseExpr = nodeAs(node, 'CaseExpr');
  if (caseExpr) {
    const whens = (caseExpr.args ?? []).map((w) => {
      const when = nodeAs(w, 'CaseWhen');
      return `WHEN ${deparseExpression(when?.expr)} THEN ${deparseExpression(when?.result)}`;
    });
    const subject = caseExpr.arg ? ` ${deparseExpression(caseExpr.arg)}` : '';
    const otherwise = caseExpr.defresult ? ` ELSE ${deparseExpression(caseExpr.defresult)}` : '';
    return `CASE${subject} ${whens.join(' ')}${otherwise} END`;
  }
  const collate = nodeAs(node, 'CollateClause');
  if (collate) return `${operand(collate.arg)} COLLATE ${stringsOf(collate.collname).map(quoteIdentifier).join('.')}`;
  const param = nodeAs(node, 'ParamRef');
  if (param) return `$${param.number ?? 0}`;
  throw new UnsupportedExpressionError(`expression node ${tagOf(node)}`);
}
