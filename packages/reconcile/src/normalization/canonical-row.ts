import { canonicalValue, type CanonicalColumn, type RawValue } from './canonical-value.js';
import type { Engine } from '../schema/table-shape.js';
import { POW10, type RowTextFields } from '../hashing/row-text-fields.js';
import { fastTimestampMicrosNumber } from './temporal-text.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * encodeFields(values.map(canonicalValue)) in one pass, without the intermediate array: the
 * canonical text of a row that the cross-engine hash covers, built once per row of a hash pass.
 */
export function canonicalRowText(values: readonly unknown[], columns: readonly CanonicalColumn[], engine: Engine, tolerance: number): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    const text = canonicalValue(values[i] as RawValue, columns[i]!, engine, tolerance);
    if (text === null) out += 'N';
    else out += `V${NON_ASCII.test(text) ? Buffer.byteLength(text, 'utf8') : text.length}:${text}`;
  }
  return out;
}

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const TEN_POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * canonicalRowText() for an SQLite row, written field by field into the row hash's buffer: the same
 * bytes, but the commonest values (integers, timestamps as text, doubles) go in as digits without
 * a string or a BigInt; any other value takes canonicalValue()'s path.
 */
export function writeSqliteCanonicalRow(values: readonly unknown[], columns: readonly CanonicalColumn[], tolerance: number, fields: RowTextFields): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as RawValue;
    const column = columns[i]!;
    const family = column.pair.family;
    if (value === null) fields.null();
    else if ((family === 'integer' || family === 'boolean') && typeof value === 'bigint' && value >= -MAX_SAFE && value <= MAX_SAFE)
      fields.integer(Number(value));
    else if (family === 'float' && tolerance <= 0 && typeof value === 'number') {
      float[0] = value + 0;
      fields.hex64(floatWords[HIGH]!, floatWords[1 - HIGH]!);
    } else if (
      family === 'decimal' &&
      (typeof value === 'number' || typeof value === 'bigint') &&
      column.pair.scale !== null &&
      column.pair.scale >= 0 &&
      column.pair.scale <= 15
    ) {
      // m × 10^-scale, when that decimal is exactly what the value reads as: for a double, the
      // nearest double to m / 10^scale is the value itself and |m| < 2^52, so its shortest text
      // (what roundDecimalText() rounds) is that very decimal; no string is built.
      const unit = POW10[column.pair.scale]!;
      const m = typeof value === 'number' ? Math.round(value * unit) : Number(value) * unit;
      if (Math.abs(m) < 2 ** 52 && (typeof value === 'bigint' || m / unit === value)) fields.scaled(m, column.pair.scale);
      else fields.text(canonicalValue(value, column, 'sqlite', tolerance));
    } else if (family === 'timestamp' && typeof value === 'string' && !column.pair.zone) {
      const micros = fastTimestampMicrosNumber(value);
      const unit = TEN_POWERS[6 - Math.min(6, Math.max(0, column.pair.precision ?? 6))]!;
      if (micros === null) fields.text(canonicalValue(value, column, 'sqlite', tolerance));
      else {
        // Floor division, corrected where the double quotient rounded across an integer.
        let units = Math.floor(micros / unit);
        if (units * unit > micros) units--;
        else if ((units + 1) * unit <= micros) units++;
        fields.integer(units);
      }
    } else fields.text(canonicalValue(value, column, 'sqlite', tolerance));
  }
}
