import { renderColumnType, type ColumnType } from '../schema/column-type.js';
import type { QualifiedName } from '../schema/model.js';
import { quoteIdentifier, quoteQualifiedName } from './identifier.js';

const INTEGER_RANGES = new Map<string, [string, string]>([
  ['smallint', ['-32768', '32767']],
  ['integer', ['-2147483648', '2147483647']],
  ['bigint', ['-9223372036854775808', '9223372036854775807']],
]);
const EXACT_INTEGERS = new Set(['tinyint', 'smallint', 'mediumint', 'integer', 'bigint']);

/**
 * A query counting the rows an `ALTER COLUMN … TYPE` from one type to the other would reject or
 * change. Run it before the migration: anything but 0 means the ALTER fails midway (after
 * holding its lock) or silently rounds.
 */
export function conversionCheckQuery(table: QualifiedName, column: string, before: ColumnType, after: ColumnType): string {
  const t = quoteQualifiedName(table.schema, table.name);
  const c = quoteIdentifier(column);
  const target = renderColumnType(after);
  const range = INTEGER_RANGES.get(target);
  if (range && after.arrayDimensions === 0) {
    const fraction = EXACT_INTEGERS.has(before.name) ? '' : ` OR ${c} <> trunc(${c}::numeric)`;
    return `SELECT count(*) AS rows_out_of_range FROM ${t} WHERE ${c} NOT BETWEEN ${range[0]} AND ${range[1]}${fraction};`;
  }
  if ((after.name === 'varchar' || after.name === 'char') && after.length !== null) {
    return `SELECT count(*) AS rows_too_long FROM ${t} WHERE char_length(${c}) > ${after.length};`;
  }
  if (after.name === 'numeric' && after.precision !== null) {
    const scale = after.scale ?? 0;
    return `SELECT count(*) AS rows_that_do_not_fit FROM ${t} WHERE abs(${c}::numeric) >= 10::numeric ^ ${after.precision - scale} OR ${c}::numeric <> round(${c}::numeric, ${scale});`;
  }
  if (after.name === 'date' && (before.name === 'timestamp' || before.name === 'timestamptz')) {
    return `SELECT count(*) AS rows_with_time_of_day FROM ${t} WHERE ${c}::time <> '00:00';`;
  }
  return `SELECT count(*) AS rows_to_convert FROM ${t} WHERE ${c} IS NOT NULL;`;
}
