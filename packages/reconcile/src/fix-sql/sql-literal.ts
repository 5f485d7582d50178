import type { SideColumn } from '../engines/engine-side.js';
import type { RawValue } from '../normalization/canonical-value.js';
import { numberText } from '../normalization/decimal-text.js';
import { timestampMicros } from '../normalization/canonical-value.js';
import { formatMicros, truncateMicros } from '../normalization/temporal-text.js';
import { instantToWallMicros } from '../normalization/time-zone.js';
import type { Engine } from '../schema/table-shape.js';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

const WITH_TIME_ZONE = /^timestamp(\(\d\))? with time zone$/;

/**
 * A timestamp as PostgreSQL input text for the target column: with an explicit offset for
 * `timestamptz` (the session's TimeZone must not move it), as wall-clock time (of
 * --naive-time-zone, else UTC) for `timestamp`; cut to the column's precision, since PostgreSQL
 * rounds extra digits while the comparison cuts them. Null when the value does not read as one.
 */
function timestampText(value: Exclude<RawValue, null>, target: SideColumn): string | null {
  if (typeof value === 'string' && /^-?infinity$/i.test(value.trim())) return value.trim();
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return null;
  const zone = target.pair.zone ?? null;
  const micros = timestampMicros(value, zone);
  if (micros === null) return null;
  // The target column's own precision: what it stores exactly (its own values are unchanged).
  const precision = Math.min(6, target.shape.precision ?? 6);
  const cut = truncateMicros(micros, precision) * 10n ** BigInt(6 - precision);
  if (WITH_TIME_ZONE.test(target.shape.declaredType)) return `${formatMicros(cut)}+00`;
  return formatMicros(zone ? instantToWallMicros(cut, zone) : cut);
}

/** A source value as PostgreSQL input text for the target column's type. */
function postgresText(value: Exclude<RawValue, null>, from: Engine, target: SideColumn): string {
  if (target.pair.family === 'timestamp' && target.shape.family === 'timestamp') {
    const text = timestampText(value, target);
    if (text !== null) return text;
  }
  if (from === 'postgres') return String(value);
  const family = target.pair.family;
  if (value instanceof Uint8Array) return `\\x${hex(value)}`;
  if (family === 'boolean' && (typeof value === 'bigint' || typeof value === 'number')) return Number(value) === 0 ? 'false' : 'true';
  if ((family === 'timestamp' || family === 'date') && (typeof value === 'bigint' || typeof value === 'number')) {
    const micros = timestampMicros(value);
    if (micros !== null) return `${formatMicros(micros)}+00`;
  }
  if (family === 'bytes' && typeof value === 'string') return `\\x${Buffer.from(value, 'utf8').toString('hex')}`;
  if (typeof value === 'number') return numberText(value);
  return String(value);
}

function sqliteNumber(x: number): string {
  if (Number.isNaN(x)) return 'NULL';
  if (!Number.isFinite(x)) return x > 0 ? '9e999' : '-9e999';
  const text = numberText(x);
  // A whole double keeps a decimal point so SQLite stores it as REAL.
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** A source value as an SQLite literal for the target column. */
function sqliteLiteral(value: Exclude<RawValue, null>, from: Engine, target: SideColumn): string {
  if (value instanceof Uint8Array) return `X'${hex(value)}'`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return sqliteNumber(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (from === 'sqlite') return quote(value);
  const text = value;
  switch (target.pair.family) {
    case 'integer':
      return /^-?\d+$/.test(text) ? text : quote(text);
    case 'decimal':
      return /^-?\d+(\.\d+)?$/.test(text) ? text : quote(text);
    case 'float': {
      const x = Number(text);
      return text.trim() !== '' && (!Number.isNaN(x) || text === 'NaN') ? sqliteNumber(x) : quote(text);
    }
    case 'boolean':
      return /^(t|true)$/i.test(text) ? '1' : /^(f|false)$/i.test(text) ? '0' : quote(text);
    case 'bytes':
      return text.startsWith('\\x') ? `X'${text.slice(2)}'` : quote(text);
    default:
      return quote(text);
  }
}

/** MySQL string literal: quotes doubled, and backslashes too (they escape unless NO_BACKSLASH_ESCAPES). */
const mysqlQuote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** A source value as a MySQL / MariaDB literal for the target column (the fix SQL sets time_zone '+00:00'). */
function mysqlLiteral(value: Exclude<RawValue, null>, from: Engine, target: SideColumn): string {
  if (value instanceof Uint8Array) return `X'${hex(value)}'`;
  const family = target.pair.family;
  if (family === 'timestamp' && target.shape.family === 'timestamp') {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      const micros = timestampMicros(value, target.pair.zone ?? null);
      if (micros !== null) {
        const precision = Math.min(6, target.shape.precision ?? 6);
        const cut = truncateMicros(micros, precision) * 10n ** BigInt(6 - precision);
        // A DATETIME holds wall-clock time of --naive-time-zone; a TIMESTAMP is written in the fix SQL's UTC session.
        const zone = target.pair.zone ?? null;
        return mysqlQuote(formatMicros(zone && /^datetime\b/i.test(target.shape.declaredType.trim()) ? instantToWallMicros(cut, zone) : cut));
      }
    }
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = value;
  if (family === 'boolean' && /^(t|true)$/i.test(text)) return '1';
  if (family === 'boolean' && /^(f|false)$/i.test(text)) return '0';
  if (['integer', 'decimal', 'float', 'boolean'].includes(family) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) return text;
  if (family === 'bytes' && from === 'postgres' && text.startsWith('\\x')) return `X'${text.slice(2)}'`;
  return mysqlQuote(text);
}

/** A value read on the source as a literal for the target's column (with a cast on PostgreSQL). */
export function sqlLiteral(value: RawValue, from: Engine, to: Engine, target: SideColumn): string {
  if (value === null) return 'NULL';
  if (to === 'mysql') return mysqlLiteral(value, from, target);
  if (to === 'postgres') return `${quote(postgresText(value, from, target))}::${target.shape.declaredType}`;
  return sqliteLiteral(value, from, target);
}
