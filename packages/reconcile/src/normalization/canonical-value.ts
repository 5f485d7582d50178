import type { Pairing } from '../schema/column-pairing.js';
import type { ColumnShape, Engine } from '../schema/table-shape.js';
import { numberText, roundDecimalText, scaledNumberText, trimDecimalText } from './decimal-text.js';
import { floorDiv, MICROS_IN_DAY, parseTimeMicros, parseTimestampMicros, parseTimestampMicrosIn, truncateMicros, unixSecondsMicros } from './temporal-text.js';
import { floatCell } from './float-cell.js';

/** One side of a compared column: the family both sides meet in, and this side's own declaration. */
export interface CanonicalColumn {
  pair: ComparedPair;
  shape: Pick<ColumnShape, 'family'>;
}

/**
 * The family both sides meet in, and two rules of the pair: `trim` (one side is a blank-padded
 * `char(n)`: trailing spaces carry no data) and `zone` (timestamps without a zone are wall-clock
 * times of this IANA zone, --naive-time-zone).
 */
export interface ComparedPair extends Pick<Pairing, 'family' | 'scale' | 'precision'> {
  trim?: boolean;
  zone?: string | null;
}

/**
 * A value as the drivers hand it over: PostgreSQL values arrive as their text output (every
 * column is selected `::text` under fixed DateStyle / TimeZone UTC / extra_float_digits), SQLite
 * values as stored (bigint for INTEGER, number for REAL, string, Buffer, null).
 */
export type RawValue = string | number | bigint | boolean | Uint8Array | null;

/** Marks a value that does not read as the column's family; it never equals a well-formed one. */
const unreadable = (value: RawValue): string => `x:${value instanceof Uint8Array ? Buffer.from(value).toString('hex') : String(value)}`;

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function formatUuid(bytes: Uint8Array): string {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A number for float comparison, or null when the value is not one. */
export function numericValue(value: RawValue): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'NaN') return Number.NaN;
    if (text === '' || !/^[+-]?(\d|\.\d|Infinity)/.test(text)) return null;
    const n = Number(text);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

function decimalText(value: RawValue): string | null {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'string') return value.trim();
  return null;
}

const CANONICAL_INTEGER = /^-?(?:0|[1-9]\d*)$/;

function integerText(value: RawValue): string | null {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value).toString() : null;
  if (typeof value === 'string') {
    // PostgreSQL prints integers canonically already; only other spellings need BigInt.
    if (CANONICAL_INTEGER.test(value)) return value === '-0' ? '0' : value;
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text)) return BigInt(text).toString();
  }
  return null;
}

export function timestampMicros(value: RawValue, zone: string | null = null): bigint | null {
  if (typeof value === 'string') return zone ? parseTimestampMicrosIn(value, zone) : parseTimestampMicros(value);
  if (typeof value === 'bigint') return unixSecondsMicros(value);
  // Unix seconds as a double: only finite values within ±3×10^8 years have a microsecond count.
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < 1e16 ? unixSecondsMicros(value) : null;
  return null;
}

function booleanText(value: RawValue): string | null {
  if (typeof value === 'boolean') return value ? '1' : '0';
  const integer = integerText(value);
  if (integer !== null) return integer;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 't' || text === 'true') return '1';
    if (text === 'f' || text === 'false') return '0';
  }
  return null;
}

/**
 * The canonical text of a value in its compared family, or null for SQL NULL. Two values are the
 * same data exactly when their canonical texts are equal (floats: see floatsEqual). PostgreSQL's
 * SQL side (postgres-expressions.ts) computes the very same text inside the database.
 */
export function canonicalValue(value: RawValue, column: CanonicalColumn, engine: Engine, tolerance: number): string | null {
  if (value === null) return null;
  const { family, scale, precision } = column.pair;
  // A PostgreSQL text column is taken as written when compared with a typed column (the SQL side
  // does not parse it either); it must hold the canonical form to compare equal.
  if (engine !== 'sqlite' && column.shape.family === 'text' && family !== 'text' && family !== 'uuid') return String(value);
  switch (family) {
    case 'integer':
      return integerText(value) ?? unreadable(value);
    case 'decimal': {
      const scaled = typeof value === 'number' && scale !== null ? scaledNumberText(value, scale) : null;
      if (scaled !== null) return scaled;
      const text = decimalText(value);
      if (text === null) return unreadable(value);
      return (scale === null ? trimDecimalText(text) : roundDecimalText(text, scale)) ?? text;
    }
    case 'float': {
      const n = numericValue(value);
      return n === null ? unreadable(value) : floatCell(n, tolerance);
    }
    case 'boolean':
      return booleanText(value) ?? unreadable(value);
    case 'uuid':
      if (value instanceof Uint8Array) return value.length === 16 ? formatUuid(value) : unreadable(value);
      return String(value).toLowerCase();
    case 'timestamp': {
      if (typeof value === 'string' && /^-?infinity$/i.test(value.trim())) return value.trim().toLowerCase();
      // MySQL's zero date is no instant: it equals nothing well-formed.
      if (typeof value === 'string' && value.startsWith('0000-00-00')) return unreadable(value);
      const micros = timestampMicros(value, column.pair.zone ?? null);
      return micros === null ? unreadable(value) : truncateMicros(micros, precision ?? 6).toString();
    }
    case 'date': {
      if (typeof value === 'string' && /^-?infinity$/i.test(value.trim())) return value.trim().toLowerCase();
      if (typeof value === 'string' && value.startsWith('0000-00-00')) return unreadable(value);
      const micros = timestampMicros(value);
      return micros === null ? unreadable(value) : floorDiv(micros, MICROS_IN_DAY).toString();
    }
    case 'time': {
      const micros = typeof value === 'string' ? parseTimeMicros(value) : null;
      return micros === null ? unreadable(value) : truncateMicros(micros, precision ?? 6).toString();
    }
    case 'bytes':
      if (value instanceof Uint8Array) return hex(value);
      if (typeof value === 'string')
        return engine === 'postgres' && value.startsWith('\\x') ? value.slice(2).toLowerCase() : Buffer.from(value, 'utf8').toString('hex');
      return unreadable(value);
    case 'text':
    case 'json':
    case 'other':
      if (value instanceof Uint8Array) return unreadable(value);
      if (typeof value === 'number') return numberText(value);
      // char(n) pads with blanks; the padding is not data (PostgreSQL's own text cast drops it).
      return column.pair.trim ? String(value).replace(/ +$/, '') : String(value);
  }
}

/** What a report shows for a value: text as is, numbers exactly, bytes as \x hex, NULL as null. */
export function displayValue(value: RawValue): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return `\\x${hex(value)}`;
  if (typeof value === 'number') return numberText(value);
  return String(value);
}

/** Slack for the rounding of x / tolerance in the hashed cell (a few ulps). */
const TOLERANCE_SLACK = 1 + 2 ** -40;

/**
 * Float equality under the tolerance: |a − b| ≤ tolerance × max(1, |a|, |b|) (absolute for small
 * values, relative for large ones); without a tolerance, exactly equal (−0 = 0, NaN = NaN).
 */
export function floatsEqual(a: number, b: number, tolerance: number): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (tolerance <= 0 || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b)) * TOLERANCE_SLACK;
}
