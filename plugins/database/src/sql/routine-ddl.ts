import { renderColumnType } from '../schema/column-type.js';
import type { Routine, RoutineParameter } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';
import { dollarQuote } from './literal.js';

function parameterSql(parameter: RoutineParameter): string {
  return [
    parameter.mode?.toUpperCase(),
    parameter.name ? quoteIdentifier(parameter.name) : undefined,
    renderColumnType(parameter.type),
    // CREATE OR REPLACE cannot remove a default: one left out would make the replacement fail.
    parameter.default !== undefined ? `DEFAULT ${parameter.default}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

/** `name(bigint, text)`: how DROP, COMMENT and to_regprocedure() name one overload. */
export function routineSignatureSql(routine: Routine): string {
  const types = routine.parameters.filter((p) => p.mode !== 'out').map((p) => renderColumnType(p.type));
  return `${quoteQualifiedName(routine.schema, routine.name)}(${types.join(', ')})`;
}

/** A body that returns rows cannot be a procedure in PostgreSQL; it has to be a function. */
function returnsRows(routine: Routine): boolean {
  return /^\s*(select|with|values|table)\b/i.test(routine.definition);
}

export function effectiveKind(routine: Routine): 'procedure' | 'function' {
  return routine.kind === 'function' || routine.returns || returnsRows(routine) ? 'function' : 'procedure';
}

/**
 * CREATE OR REPLACE for a routine. The seed format gives only a body, so the language is SQL unless
 * stated, and a row-returning body without a declared return type gets `RETURNS SETOF record`
 * with a note to declare the real columns.
 */
export function createRoutine(routine: Routine): string {
  const kind = effectiveKind(routine);
  const head = `CREATE OR REPLACE ${kind.toUpperCase()} ${quoteQualifiedName(routine.schema, routine.name)}(${routine.parameters.map(parameterSql).join(', ')})`;
  const lines: string[] = [];
  if (kind === 'function') {
    if (!routine.returns && returnsRows(routine)) {
      lines.push('-- The schema file declares no return type: replace SETOF record with RETURNS TABLE (...) listing the real columns.');
    }
    lines.push(head, `RETURNS ${routine.returns ?? (returnsRows(routine) ? 'SETOF record' : 'void')}`);
  } else {
    lines.push(head);
  }
  lines.push(`LANGUAGE ${routine.language ?? 'sql'}`);
  // VOLATILE is the default; an index or a generated column on the function needs IMMUTABLE kept.
  if (kind === 'function' && routine.volatility && routine.volatility !== 'volatile') lines.push(routine.volatility.toUpperCase());
  const body = routine.definition.trim().replace(/;\s*$/, '');
  // A SQL-standard body (`RETURN …`, `BEGIN ATOMIC … END`) is written as it is, not as a string.
  lines.push(/^(?:return\b|begin\s+atomic\b)/i.test(body) ? `${body};` : `AS ${dollarQuote(body)};`);
  return lines.join('\n');
}

export function dropRoutine(routine: Routine): string {
  return `DROP ${effectiveKind(routine).toUpperCase()} IF EXISTS ${routineSignatureSql(routine)};`;
}
