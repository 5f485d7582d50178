import type { ColumnType } from '../schema/column-type.js';

const NUMBERS = new Set(['tinyint', 'smallint', 'mediumint', 'integer', 'bigint', 'numeric', 'real', 'double precision', 'money']);
const TEXT = new Set(['text', 'varchar', 'char', 'citext', 'name']);
const TIMES = new Set(['date', 'timestamp', 'timestamptz', 'time', 'timetz']);
const JSON_TYPES = new Set(['json', 'jsonb']);
const BIT = new Set(['bit', 'varbit']);

/**
 * True when `value::target` exists in PostgreSQL for these types: text converts to and from
 * anything (I/O conversion), numbers among themselves, integer and boolean both ways, times
 * among themselves, json and jsonb. `bigint::uuid` does not exist: a script must not pretend it does.
 */
export function castExists(from: ColumnType, to: ColumnType): boolean {
  if (from.arrayDimensions !== to.arrayDimensions) return TEXT.has(from.name) || TEXT.has(to.name);
  const a = from.name;
  const b = to.name;
  if (a === b || TEXT.has(a) || TEXT.has(b)) return true;
  if (NUMBERS.has(a) && NUMBERS.has(b)) return true;
  if ((a === 'integer' && b === 'boolean') || (a === 'boolean' && b === 'integer')) return true;
  if (TIMES.has(a) && TIMES.has(b)) return !((a === 'date' && (b === 'time' || b === 'timetz')) || ((a === 'time' || a === 'timetz') && b === 'date'));
  if (JSON_TYPES.has(a) && JSON_TYPES.has(b)) return true;
  if (BIT.has(a) && (BIT.has(b) || b === 'integer' || b === 'bigint')) return true;
  if ((a === 'integer' || a === 'bigint') && BIT.has(b)) return true;
  return false;
}

/** `col::type` where a cast exists; otherwise a placeholder the user fills in (the verifier reports it as needing input). */
export function conversionExpression(column: string, from: ColumnType, to: ColumnType, renderedType: string): string {
  return castExists(from, to) ? `${column}::${renderedType}` : '{conversion_expression}';
}
