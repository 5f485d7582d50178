import type { RawValue } from '../normalization/canonical-value.js';
import { numberText } from '../normalization/decimal-text.js';
import type { KeyTuple, SidePlan } from './engine-side.js';
import type { Engine } from '../schema/table-shape.js';

/**
 * A key read on one side, as a parameter for the other: PostgreSQL takes text (cast to the
 * column's type in SQL); SQLite takes the storage class its column holds, so that a bound read
 * as text from PostgreSQL compares as an integer with SQLite integers.
 */
export function keyForSide(tuple: KeyTuple, engine: Engine, plan: SidePlan): KeyTuple {
  return tuple.map((value, i) => valueForSide(value, engine, plan.key[i]!.shape.family));
}

function valueForSide(value: RawValue, engine: Engine, family: string): RawValue {
  if (value === null) return null;
  if (engine === 'mysql') {
    // Sent as text (cast to the column's type in SQL); bytes as bytes.
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') return numberText(value);
    if (typeof value === 'string' && family === 'bytes' && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
    if (typeof value === 'boolean') return value ? '1' : '0';
    return value;
  }
  if (engine === 'postgres') {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') return numberText(value);
    if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
    return String(value);
  }
  if (typeof value !== 'string') return value;
  if (family === 'integer' && /^-?\d+$/.test(value)) return BigInt(value);
  if (family === 'float' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (family === 'bytes' && value.startsWith('\\x')) return Buffer.from(value.slice(2), 'hex');
  return value;
}
