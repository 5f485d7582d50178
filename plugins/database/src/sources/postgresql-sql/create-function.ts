import type { CreateFunctionStmt } from 'libpg-query';
import { routineSignature } from '../../schema/json-schema-loader.js';
import { type ParameterMode, type Routine, type RoutineParameter, volatilityOf } from '../../schema/model.js';
import { routineResult } from '../../schema/routine-result.js';
import { canonicalTree } from './canonical-tree.js';
import { expressionText } from './expression-text.js';
import { nodeAs, qualifiedNameOf, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

const MODES: Record<string, ParameterMode | null> = {
  FUNC_PARAM_DEFAULT: null,
  FUNC_PARAM_IN: 'in',
  FUNC_PARAM_OUT: 'out',
  FUNC_PARAM_INOUT: 'inout',
  FUNC_PARAM_VARIADIC: 'variadic',
  // RETURNS TABLE columns: kept apart, in the result.
  FUNC_PARAM_TABLE: 'out',
};

/** Body of a SQL-standard routine (BEGIN ATOMIC … END, RETURN …): from its keyword to the end. */
function standardBody(statement: string): string {
  const start = statement.search(/\bbegin\s+atomic\b|\breturn\b/i);
  return start === -1 ? '' : statement.slice(start).trim();
}

export function createFunction(builder: SchemaBuilder, statement: CreateFunctionStmt, length: number | undefined): void {
  const name = qualifiedNameOf(stringsOf(statement.funcname));
  const option = (key: string) => (statement.options ?? []).map((o) => nodeAs(o, 'DefElem')).find((d) => d?.defname === key);
  // A window function (CREATE FUNCTION … WINDOW) is left out, as the catalog source leaves out aggregates and window functions.
  if (nodeAs(option('window')?.arg, 'Boolean')?.boolval) return;
  const body = stringsOf(nodeAs(option('as')?.arg, 'List')?.items);
  const returnType = statement.returnType;
  const parameters: RoutineParameter[] = [];
  const tableColumns: RoutineParameter[] = [];
  for (const node of statement.parameters ?? []) {
    const parameter = nodeAs(node, 'FunctionParameter');
    if (!parameter) continue;
    const read: RoutineParameter = {
      mode: MODES[parameter.mode ?? 'FUNC_PARAM_DEFAULT'] ?? null,
      name: parameter.name ?? null,
      type: columnTypeOf(parameter.argType).type,
      ...(parameter.defexpr ? { default: expressionText(parameter.defexpr, builder.nodeText) } : {}),
    };
    // RETURNS TABLE columns belong to the result, as a catalog prints them.
    (parameter.mode === 'FUNC_PARAM_TABLE' ? tableColumns : parameters).push(read);
  }
  const procedure = statement.is_procedure === true;
  const routine: Routine = {
    ...name,
    kind: procedure ? 'procedure' : 'function',
    section: procedure ? 'procedures' : 'functions',
    parameters,
    // Through the column type reader, so `int8` and `bigint` read the same.
    returns: routineResult(returnType ? { type: columnTypeOf({ ...returnType, setof: false }).type, setof: returnType.setof === true } : null, tableColumns),
    volatility: volatilityOf(nodeAs(option('volatility')?.arg, 'String')?.sval),
    language: nodeAs(option('language')?.arg, 'String')?.sval?.toLowerCase() ?? null,
    definition: (body.length ? body.join(', ') : standardBody(builder.statementText(length))).trim(),
    ...(statement.sql_body ? { canonical: canonicalTree(statement.sql_body) } : {}),
    line: builder.statementLine,
  };
  // Overloads differ by argument types: replace only the same signature (CREATE OR REPLACE).
  const list = builder.model.routines;
  const at = list.findIndex((r) => routineSignature(r) === routineSignature(routine));
  if (at === -1) list.push(routine);
  else list[at] = routine;
}
