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

/**
 * Why the conversion is the user's to choose although a cast exists, or null. Text to json or
 * jsonb is two conversions: the cast parses each value as JSON (and fails on one that is not),
 * `to_jsonb(…)` keeps each as a JSON string; the schemas say which type, not which meaning
 * (DIFF_SEED=70266: a migration that wrapped plain tags with to_jsonb).
 */
export function conversionChoice(column: string, from: ColumnType, to: ColumnType): string | null {
  if (from.arrayDimensions !== 0 || to.arrayDimensions !== 0 || !TEXT.has(from.name) || !JSON_TYPES.has(to.name)) return null;
  return `${column}::${to.name} if every value is JSON text (the cast fails on the first one that is not), or to_${to.name}(${column}) to keep each value as a JSON string`;
}

/** `col::type` where a cast exists and means one thing; otherwise a placeholder the user fills in (the verifier reports it as needing input). */
export function conversionExpression(column: string, from: ColumnType, to: ColumnType, renderedType: string): string {
  return castExists(from, to) && !conversionChoice(column, from, to) ? `${column}::${renderedType}` : '{conversion_expression}';
}
