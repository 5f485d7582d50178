import type { ChangeSeverity } from '@migration-architect/core';
import { describeColumnType, type ColumnType } from './column-type.js';

export interface TypeCompatibility {
  severity: Exclude<ChangeSeverity, 'additive'>;
  /** Why, in a sentence, for the report. */
  reason: string;
  /** ALTER COLUMN … TYPE rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock. */
  rewritesTable: boolean;
}

/** Bits of each integer type (two's complement, sign included). */
const INTEGER_BITS = new Map([
  ['tinyint', 8],
  ['smallint', 16],
  ['mediumint', 24],
  ['integer', 32],
  ['bigint', 64],
]);
/** Decimal digits needed for the largest value of each integer type. */
const INTEGER_DIGITS = new Map([
  ['tinyint', 3],
  ['smallint', 5],
  ['mediumint', 7],
  ['integer', 10],
  ['bigint', 19],
]);
/** Mantissa bits of the float types. */
const FLOAT_MANTISSA_BITS = new Map([
  ['real', 24],
  ['double precision', 53],
]);
const STRING_TYPES = new Set(['varchar', 'text', 'char', 'citext']);
const TIME_PRECISION_TYPES = new Set(['time', 'timetz', 'timestamp', 'timestamptz', 'interval']);
/** PostgreSQL's default fractional-seconds precision. */
const DEFAULT_TIME_PRECISION = 6;

const ok = (reason: string, rewritesTable: boolean): TypeCompatibility => ({ severity: 'non_breaking', reason, rewritesTable });
const risky = (reason: string, rewritesTable = true): TypeCompatibility => ({ severity: 'potentially_breaking', reason, rewritesTable });
const incompatible = (reason: string): TypeCompatibility => ({ severity: 'breaking', reason, rewritesTable: true });

/** Length of a string type; null means unbounded. */
function maxLength(type: ColumnType): number | null {
  if (type.name === 'text' || type.name === 'citext') return null;
  return type.length;
}

function compareStrings(before: ColumnType, after: ColumnType): TypeCompatibility {
  const from = maxLength(before);
  const to = maxLength(after);
  const fits = to === null || (from !== null && to >= from);
  if (before.name === 'char' && after.name !== 'char') {
    return risky('char(n) values lose their trailing blanks when converted, so lengths and comparisons change');
  }
  if (after.name === 'char' && before.name !== 'char') {
    return risky(`values are blank-padded to ${to} characters, and the ALTER fails on any value longer than that`);
  }
  if (after.name === 'citext' && before.name !== 'citext') {
    return risky('comparisons become case-insensitive: unique indexes may now reject rows that differ only in case, and indexes are rebuilt', false);
  }
  if (before.name === 'citext' && after.name !== 'citext') {
    return risky('comparisons become case-sensitive: lookups that relied on case-insensitive matching stop finding rows', !fits);
  }
  if (!fits) {
    return risky(`values longer than ${to} characters make the ALTER fail (PostgreSQL does not truncate on ALTER … TYPE)`);
  }
  if (before.name === 'char') return ok('a longer char(n): every value is re-padded', true);
  return ok(
    to === null
      ? 'the column becomes unbounded; varchar and text share one storage format, so nothing is rewritten'
      : `the limit grows from ${from} to ${to} characters; PostgreSQL only updates the catalog`,
    false,
  );
}

function compareNumeric(before: ColumnType, after: ColumnType): TypeCompatibility {
  if (after.precision === null) return ok('unconstrained numeric holds every value; only the catalog changes', false);
  if (before.precision === null)
    return risky(
      `values with more than ${after.precision - (after.scale ?? 0)} integer digits fail the ALTER, and extra decimals are rounded to ${after.scale ?? 0}`,
    );
  const beforeScale = before.scale ?? 0;
  const afterScale = after.scale ?? 0;
  if (after.precision - afterScale >= before.precision - beforeScale && afterScale >= beforeScale) {
    const catalogOnly = afterScale === beforeScale;
    return ok('every existing value fits the new precision and scale', !catalogOnly);
  }
  return afterScale < beforeScale
    ? risky(`decimals beyond ${afterScale} places are rounded away`)
    : risky(`values with more than ${after.precision - afterScale} integer digits make the ALTER fail`);
}

function compareTimePrecision(before: ColumnType, after: ColumnType): TypeCompatibility {
  const from = before.precision ?? DEFAULT_TIME_PRECISION;
  const to = after.precision ?? DEFAULT_TIME_PRECISION;
  return to >= from ? ok('more fractional-second digits; only the catalog changes', false) : risky(`fractional seconds are rounded to ${to} digits`);
}

function compareSameName(before: ColumnType, after: ColumnType): TypeCompatibility {
  if (STRING_TYPES.has(before.name) || before.name === 'bit' || before.name === 'varbit') return compareStrings(before, after);
  if (before.name === 'numeric') return compareNumeric(before, after);
  if (TIME_PRECISION_TYPES.has(before.name)) return compareTimePrecision(before, after);
  return ok('the type is unchanged', false);
}

function compareNumbers(before: ColumnType, after: ColumnType): TypeCompatibility | undefined {
  const fromInt = INTEGER_BITS.get(before.name);
  const toInt = INTEGER_BITS.get(after.name);
  const fromFloat = FLOAT_MANTISSA_BITS.get(before.name);
  const toFloat = FLOAT_MANTISSA_BITS.get(after.name);
  if (fromInt !== undefined && toInt !== undefined) {
    return toInt > fromInt ? ok(`${after.name} holds every ${before.name} value`, true) : risky(`values outside the ${after.name} range make the ALTER fail`);
  }
  if (fromInt !== undefined && after.name === 'numeric') {
    const digits = INTEGER_DIGITS.get(before.name)!;
    return after.precision === null || after.precision - (after.scale ?? 0) >= digits
      ? ok(`numeric holds every ${before.name} value exactly`, true)
      : risky(`values with more than ${after.precision - (after.scale ?? 0)} digits make the ALTER fail`);
  }
  if (fromInt !== undefined && toFloat !== undefined) {
    // An n-bit integer is exact in a float whose mantissa has at least n - 1 bits.
    return fromInt - 1 <= toFloat
      ? ok(`${after.name} represents every ${before.name} value exactly`, true)
      : risky(`integers above 2^${toFloat} lose precision in ${after.name}`);
  }
  if (fromFloat !== undefined && toFloat !== undefined) {
    return toFloat > fromFloat ? ok(`${after.name} represents every ${before.name} value`, true) : risky(`values lose precision beyond ${toFloat} bits`);
  }
  if (before.name === 'numeric' && toInt !== undefined) return risky('fractions are rounded and values outside the integer range make the ALTER fail');
  if (before.name === 'numeric' && toFloat !== undefined) return risky(`${after.name} cannot hold every decimal exactly: precision is lost`);
  if (fromFloat !== undefined && after.name === 'numeric')
    return risky('floats convert to their rounded decimal form, and NaN / Infinity are rejected by constrained numerics');
  if (fromFloat !== undefined && toInt !== undefined) return risky('fractions are rounded and values outside the integer range make the ALTER fail');
  if ((before.name === 'money' && after.name === 'numeric') || (before.name === 'numeric' && after.name === 'money')) {
    return risky('money is locale-formatted and fixed to lc_monetary decimals; conversion may round');
  }
  return undefined;
}

function compareTemporal(before: ColumnType, after: ColumnType): TypeCompatibility | undefined {
  const pair = `${before.name}>${after.name}`;
  switch (pair) {
    case 'date>timestamp':
      return ok('every date becomes midnight of that day', true);
    case 'date>timestamptz':
      return risky('dates become midnight in the session TimeZone, so the stored instant depends on who runs the ALTER');
    case 'timestamp>date':
    case 'timestamptz>date':
      return risky('the time component is lost');
    case 'timestamp>timestamptz':
    case 'timestamptz>timestamp':
      // PostgreSQL 12+ skips the rewrite only when the session TimeZone is UTC.
      return risky(
        'values are reinterpreted in the session TimeZone and clients now receive (or stop receiving) a UTC offset; the table is rewritten unless the session TimeZone is UTC',
      );
    case 'timestamp>time':
    case 'timestamptz>time':
    case 'timestamptz>timetz':
      return risky('the date component is lost');
    case 'time>timetz':
    case 'timetz>time':
      return risky('a time zone offset is added or dropped, so values compare differently');
    case 'time>interval':
      return ok('every time of day is a valid interval', true);
    default:
      return undefined;
  }
}

function compareJson(before: ColumnType, after: ColumnType): TypeCompatibility | undefined {
  if (before.name === 'json' && after.name === 'jsonb') {
    return risky('jsonb drops duplicate keys, key order and whitespace, and rejects \\u0000 escapes that json accepts');
  }
  if (before.name === 'jsonb' && after.name === 'json') return ok('json keeps the text jsonb produces', true);
  return undefined;
}

/**
 * How safe an in-place `ALTER COLUMN … TYPE` from one PostgreSQL type to another is, for the
 * clients of the column and its data: widening is non_breaking, narrowing and precision loss are
 * potentially_breaking, a change of type family (number → text, boolean → integer, ...) is
 * breaking because every client sees values of another kind.
 */
export function compareColumnTypes(before: ColumnType, after: ColumnType): TypeCompatibility {
  const from = describeColumnType(before);
  const to = describeColumnType(after);
  if (before.arrayDimensions !== after.arrayDimensions) {
    return incompatible(`${from} and ${to} differ in array dimensions: every client reads values of another shape`);
  }
  if (before.name === after.name) return compareSameName(before, after);
  if (STRING_TYPES.has(before.name) && STRING_TYPES.has(after.name)) return compareStrings(before, after);
  if (before.name === 'bit' && after.name === 'varbit') return compareStrings(before, after);
  return (
    compareNumbers(before, after) ??
    compareTemporal(before, after) ??
    compareJson(before, after) ??
    incompatible(
      `${from} and ${to} are different kinds of value: clients read and write another type, and the conversion needs an explicit USING expression that may fail on existing rows`,
    )
  );
}
