import { gridLimit } from '../../normalization/float-cell.js';
import type { SideColumn, SidePlan } from '../engine-side.js';

/**
 * SQL that PostgreSQL evaluates for the comparison. The canonical expressions produce, inside the
 * database, exactly the text canonicalValue() produces in JavaScript from the same value, so that
 * a PostgreSQL row and an SQLite row with the same data hash alike.
 */

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A JavaScript number as a float8 literal that parses back to the very same double. */
function float8Literal(x: number): string {
  return `'${String(x)}'::float8`;
}

/** The canonical float text: grid cell under a tolerance, IEEE bits otherwise (float-cell.ts). */
function floatCanonical(x: string, tolerance: number): string {
  const bits = `encode(float8send(${x} + 0.0::float8), 'hex')`;
  if (tolerance <= 0) return bits;
  return `CASE WHEN abs(${x}) < ${float8Literal(gridLimit(tolerance))} THEN 'g' || floor(${x} / ${float8Literal(tolerance)})::bigint::text ELSE ${bits} END`;
}

/** canonicalValue() in SQL: text, or NULL for NULL. */
export function canonicalExpression(column: SideColumn, tolerance: number): string {
  const c = quoteIdent(column.name);
  const own = column.shape.family;
  const { family, scale, precision } = column.pair;
  if (own === 'text' && family !== 'text' && family !== 'uuid') return `${c}::text`;
  const power = `1${'0'.repeat(precision ?? 6)}`;
  switch (family) {
    case 'integer':
      return `${c}::text`;
    case 'decimal':
      return scale === null ? `trim_scale(${c}::numeric)::text` : `round(${c}::numeric, ${scale})::text`;
    case 'float':
      return floatCanonical(`${c}::float8`, tolerance);
    case 'boolean':
      return own === 'boolean' ? `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} THEN '1' ELSE '0' END` : `${c}::text`;
    case 'uuid':
      return own === 'uuid' ? `${c}::text` : `lower(${c}::text)`;
    case 'timestamp': {
      // --naive-time-zone: a timestamp without time zone is a wall-clock time of that zone.
      const naive = column.pair.zone && /^timestamp(\(\d\))? without time zone$/.test(column.shape.declaredType);
      const instant = naive ? `(${c} AT TIME ZONE ${quoteLiteral(column.pair.zone!)})` : c;
      // extract() is exact but numeric arithmetic per row; between 1900 and 2100 a double holds the
      // microsecond count exactly and round() recovers it (checked against extract() on 4 million
      // values): about a third of the cost of the row's whole canonical text.
      const unit = 10 ** (6 - Math.min(6, precision ?? 6));
      const micros = `round(date_part('epoch', ${instant}) * 1000000)`;
      const fast = unit === 1 ? `${micros}::int8::text` : `floor(${micros} / ${unit})::int8::text`;
      return `CASE WHEN ${instant} >= '1900-01-01' AND ${instant} < '2100-01-01' THEN ${fast} WHEN isfinite(${c}) THEN floor(extract(epoch FROM ${instant}) * ${power})::text ELSE ${c}::text END`;
    }
    case 'date':
      return `CASE WHEN isfinite(${c}) THEN (${c} - DATE '1970-01-01')::text ELSE ${c}::text END`;
    case 'time':
      return `floor(extract(epoch FROM ${c}) * ${power})::text`;
    case 'bytes':
      return own === 'bytes' ? `encode(${c}, 'hex')` : `${c}::text`;
    case 'text':
      // char(n) on either side: the blank padding is not data (bpchar's own text cast drops it).
      return column.pair.trim ? `rtrim(${c}::text, ' ')` : `${c}::text`;
    default:
      return `${c}::text`;
  }
}

/** What a fetched value is selected as: its text output (float4 widened so no digit is lost). */
export function fetchExpression(column: SideColumn): string {
  const c = quoteIdent(column.name);
  return /^real$/i.test(column.shape.declaredType) ? `${c}::float8::text` : `${c}::text`;
}

/** PostgreSQL's own 64-bit hash of a stored value, seeded: `fn(value, seed)`. */
function nativeHash(column: SideColumn, seed: string): string {
  const c = quoteIdent(column.name);
  const type = column.shape.declaredType;
  if (/^(smallint|integer|bigint)$/.test(type)) return `hashint8extended(${c}::int8, ${seed})`;
  if (/^numeric/.test(type)) return `hash_numeric_extended(${c}, ${seed})`;
  if (type === 'real') return `hashfloat4extended(${c}, ${seed})`;
  if (type === 'double precision') return `hashfloat8extended(${c}, ${seed})`;
  if (type === 'boolean') return `hashint4extended(${c}::int, ${seed})`;
  // Text hashes by its bytes whatever the column's collation (a case-insensitive one would hash 'A' like 'a').
  if (column.shape.family === 'text') return `hashtextextended(${c}::text COLLATE "C", ${seed})`;
  if (type === 'uuid') return `uuid_hash_extended(${c}, ${seed})`;
  if (/^timestamp(\(\d\))? without time zone$/.test(type)) return `timestamp_hash_extended(${c}, ${seed})`;
  if (/^timestamp(\(\d\))? with time zone$/.test(type)) return `timestamp_hash_extended(${c}::timestamp, ${seed})`;
  if (/^time(\(\d\))? without time zone$/.test(type)) return `time_hash_extended(${c}, ${seed})`;
  if (type === 'jsonb') return `jsonb_hash_extended(${c}, ${seed})`;
  return `hash_record_extended(ROW(${c}), ${seed})`;
}

/** A key column inside hash_record_extended(ROW(...)) (keys other than a single integer). */
function keyElement(column: SideColumn, tolerance: number): string {
  if (column.hashKind !== 'raw') return canonicalExpression(column, tolerance);
  if (column.shape.family === 'text') return `${quoteIdent(column.name)}::text COLLATE "C"`;
  return quoteIdent(column.name);
}

/**
 * The 64-bit hash of one row, as bigint.
 *
 * Same engine (native): each column is hashed by PostgreSQL's own function for its type, seeded
 * with the row's key and the column's position, and the column hashes are XORed. The seed ties
 * every value to its row and place, so values swapped between rows or columns change the hash;
 * XOR cannot overflow (a sum of int8 would raise). A NULL gets its own marker. Measured about a
 * third cheaper than hash_record_extended(ROW(...)), which builds a record per row.
 *
 * Across engines (canonical): lookup3 or md5 of the canonical text of every column, the same
 * bytes the JavaScript side hashes for SQLite.
 */
export function rowHashExpression(plan: SidePlan): string {
  if (plan.hashMode === 'native') {
    const integerKey = plan.key.length === 1 && /^(smallint|integer|bigint)$/.test(plan.key[0]!.shape.declaredType);
    // The row's base: its integer key as is, else a hash of the key columns.
    const base = integerKey
      ? `${quoteIdent(plan.key[0]!.name)}::int8`
      : `hash_record_extended(ROW(${plan.key.map((k) => keyElement(k, plan.tolerance)).join(', ')}), 0)`;
    const terms = [integerKey ? `hashint8extended(${base}, 0)` : base];
    plan.columns.forEach((column, i) => {
      const seed = `(${base} # ${(BigInt(i + 1) << 48n).toString()}::int8)`;
      const value = column.hashKind === 'raw' ? nativeHash(column, seed) : `hashtextextended(${canonicalExpression(column, plan.tolerance)}, ${seed})`;
      terms.push(`coalesce(${value}, hashint8extended(${base}, ${-(i + 1)}))`);
    });
    return terms.join(' # ');
  }
  const fields = [...plan.key, ...plan.columns].map((c) => {
    const e = canonicalExpression(c, plan.tolerance);
    // PostgreSQL evaluates a repeated subexpression twice: where the length is known (a double's
    // bits are always 16 hex digits, a boolean is one digit) it is written as a constant, and the
    // canonical text built once. About a fifth of the row hash's cost on the benchmark's table.
    if (c.pair.family === 'float' && plan.tolerance <= 0 && c.shape.family !== 'text') return `coalesce('V16:' || ${e}, 'N')`;
    if (c.pair.family === 'boolean' && c.shape.family === 'boolean') {
      const b = quoteIdent(c.name);
      return `CASE WHEN ${b} IS NULL THEN 'N' WHEN ${b} THEN 'V1:1' ELSE 'V1:0' END`;
    }
    return `coalesce('V' || octet_length(${e})::text || ':' || ${e}, 'N')`;
  });
  const text = fields.join(' || ');
  return plan.canonicalHash === 'lookup3' ? lookup3Expression(text) : `('x' || left(md5(${text}), 16))::bit(64)::bigint`;
}

/**
 * lookup3 of a text's bytes (hashtextextended is Jenkins' lookup3 over them, seed 0: no seed
 * mixing): several times cheaper than md5 plus its hex text and bit-string cast. COLLATE "C"
 * makes it hash the bytes whatever the columns' collations (a nondeterministic one would hash a
 * sort key instead).
 */
export function lookup3Expression(text: string): string {
  return `hashtextextended((${text}) COLLATE "C", 0)`;
}

/** Text the lookup3 probe hashes in the server: two 12-byte blocks and a 9-byte tail. */
export const LOOKUP3_PROBE = 'migration-architect lookup3 probe';

export function keyTuple(plan: SidePlan): string {
  const names = plan.key.map((c) => quoteIdent(c.name));
  return names.length === 1 ? names[0]! : `(${names.join(', ')})`;
}

/** `$n::type` (or a row of them) for a key bound, with parameters appended to `params`. */
export function keyParameter(plan: SidePlan, values: readonly unknown[], params: unknown[]): string {
  const parts = plan.key.map((column, i) => {
    params.push(values[i]);
    return `$${params.length}::${column.shape.declaredType}`;
  });
  return parts.length === 1 ? parts[0]! : `(${parts.join(', ')})`;
}

export function notNullKey(plan: SidePlan): string {
  return plan.key.map((c) => `${quoteIdent(c.name)} IS NOT NULL`).join(' AND ');
}

export function anyNullKey(plan: SidePlan): string {
  return `(${plan.key.map((c) => `${quoteIdent(c.name)} IS NULL`).join(' OR ')})`;
}

/** The --where filter, or nothing. */
export function whereFilter(plan: SidePlan): string[] {
  return plan.where ? [`(${plan.where})`] : [];
}

/** Fixed-width single keys: width_bucket does a binary search on them (variable-width types scan the array). */
export function fixedWidthKey(plan: SidePlan): boolean {
  return (
    plan.key.length === 1 &&
    ['integer', 'float', 'date', 'timestamp', 'time', 'uuid'].includes(plan.key[0]!.shape.family) &&
    plan.key[0]!.shape.family === plan.key[0]!.pair.family
  );
}

export function collate(column: SideColumn): string {
  return column.shape.collation ? ` COLLATE ${quoteIdent(column.shape.collation)}` : '';
}
