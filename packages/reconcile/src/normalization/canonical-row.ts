import { canonicalValue, type CanonicalColumn, type RawValue } from './canonical-value.js';
import type { Engine } from '../schema/table-shape.js';

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
