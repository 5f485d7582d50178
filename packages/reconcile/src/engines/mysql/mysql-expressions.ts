import type { CanonicalHash } from '../../hashing/row-text-fields.js';
import { gridLimit } from '../../normalization/float-cell.js';
import type { SideColumn, SidePlan } from '../engine-side.js';
import { mysqlZoneOffsetSql } from './mysql-zone-offset.js';

/**
 * SQL that MySQL / MariaDB evaluate for the comparison: canonical text equal to what
 * canonicalValue() produces in JavaScript, so rows hash alike on every engine. The session runs
 * with time_zone '+00:00' and utf8mb4.
 */

export function quoteMysqlIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** IEEE bits of a DOUBLE as 16 hex digits (MySQL has no float8send): sign, exponent and mantissa computed exactly. */
function floatBits(x: string): string {
  const a = `ABS(${x})`;
  // floor(log2) can be off by one next to powers of two: corrected by the ratio to 2^e0 (computed
  // in two steps, since 2^1024 overflows).
  const e0 = `FLOOR(LOG2(${a}))`;
  const ratio = `(${a} / POW(2, ${e0} - 1) / 2)`;
  const e = `(${e0} - (${ratio} < 1) + (${ratio} >= 2))`;
  // Bit operations work on unsigned 64-bit integers: exact (sums would go through DECIMAL and HEX through a double).
  const bits = `((IF(${x} < 0, 1, 0) << 63) | (CAST(${e} + 1023 AS UNSIGNED) << 52) | CAST((${a} / POW(2, ${e}) - 1) * 4503599627370496 AS UNSIGNED))`;
  return `IF(${x} = 0, '0000000000000000', LOWER(LPAD(HEX(${bits}), 16, '0')))`;
}

function floatCanonical(x: string, tolerance: number): string {
  if (tolerance <= 0) return floatBits(x);
  return `IF(ABS(${x}) < ${gridLimit(tolerance)}, CONCAT('g', CAST(FLOOR(${x} / ${tolerance}) AS SIGNED)), ${floatBits(x)})`;
}

/** DATETIME, MySQL's timestamp without a zone. */
export const isDatetime = (column: SideColumn): boolean => /^datetime\b/i.test(column.shape.declaredType.trim());

/**
 * `0000-00-00 …` (MariaDB / MySQL zero dates): exactly what `CAST(c AS CHAR) LIKE '0000-00-00%'`
 * matches, read from the packed value instead of formatting it as text (half the cost per row).
 */
const ZERO_DATE = (c: string) => `(DAYOFMONTH(${c}) = 0 AND MONTH(${c}) = 0 AND YEAR(${c}) = 0)`;

/** A text column stored in utf8mb4: its value is already the canonical text's bytes, no CAST or CONVERT needed. */
export const utf8mb4Text = (column: SideColumn): boolean =>
  column.shape.family === 'text' &&
  /^utf8mb4_/i.test(column.shape.collation ?? '') &&
  /^(var)?char\b|^(tiny|medium|long)?text\b/i.test(column.shape.declaredType.trim());

/** ⌊micros / unit⌋ in integers: DIV truncates toward zero, so a negative remainder steps one down (FLOOR of a division goes through DECIMAL, about twice the cost). */
const floorDiv = (micros: string, unit: number): string => (unit === 1 ? micros : `(${micros} DIV ${unit} - (${micros} % ${unit} < 0))`);

/** canonicalValue() in SQL: text, or NULL for NULL. */
export function mysqlCanonicalExpression(column: SideColumn, tolerance: number): string {
  const c = quoteMysqlIdent(column.name);
  const own = column.shape.family;
  const { family, scale, precision } = column.pair;
  // A utf8mb4 text column is its own text: CAST(… AS CHAR) would only copy it.
  const text = utf8mb4Text(column) ? c : `CAST(${c} AS CHAR)`;
  if (own === 'text' && family !== 'text' && family !== 'uuid') return text;
  switch (family) {
    case 'integer':
      return text;
    case 'decimal':
      if (scale !== null) return `CAST(CAST(${c} AS DECIMAL(65, ${scale})) AS CHAR)`;
      return `IF(LOCATE('.', ${text}) > 0, TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM ${text})), ${text})`;
    case 'float':
      // A DOUBLE column is read as is; the cast (of FLOAT, DECIMAL, text) costs as much as reading the row.
      return floatCanonical(own === 'float' && /^double\b/i.test(column.shape.declaredType.trim()) ? c : `CAST(${c} AS DOUBLE)`, tolerance);
    case 'boolean':
      return text;
    case 'uuid':
      return `LOWER(${text})`;
    case 'timestamp': {
      // Zero dates read as nothing well-formed (x:…), as in JavaScript.
      const unit = 10 ** (6 - Math.min(6, precision ?? 6));
      let micros = own === 'date' ? `DATEDIFF(${c}, '1970-01-01') * 86400000000` : `TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ${c})`;
      // --naive-time-zone: a DATETIME is a wall-clock time of that zone (a TIMESTAMP is an instant).
      if (column.pair.zone && isDatetime(column)) {
        micros = `(${micros} - (${mysqlZoneOffsetSql(c, column.pair.zone)}) * 1000000)`;
        return `IF(${ZERO_DATE(c)}, CONCAT('x:', ${text}), CAST(FLOOR(${micros} / ${unit}) AS CHAR))`;
      }
      return `IF(${ZERO_DATE(c)}, CONCAT('x:', ${text}), CAST(${floorDiv(micros, unit)} AS CHAR))`;
    }
    case 'date':
      return `IF(${ZERO_DATE(c)}, CONCAT('x:', ${text}), CAST(DATEDIFF(${c}, '1970-01-01') AS CHAR))`;
    case 'time': {
      const unit = 10 ** (6 - Math.min(6, precision ?? 6));
      return `CAST(FLOOR((TIME_TO_SEC(${c}) * 1000000 + MICROSECOND(${c})) / ${unit}) AS CHAR)`;
    }
    case 'bytes':
      return own === 'bytes' ? `LOWER(HEX(${c}))` : `LOWER(HEX(CONVERT(${c} USING utf8mb4)))`;
    case 'text':
      return column.pair.trim ? `TRIM(TRAILING ' ' FROM ${text})` : text;
    default:
      return text;
  }
}

/** MySQL on both sides, one declared type: the stored value's own text (bytes as hex), much cheaper than canonical text. */
function rawExpression(column: SideColumn): string {
  const c = quoteMysqlIdent(column.name);
  return column.shape.family === 'bytes' ? `HEX(${c})` : c;
}

/** Instants from 10^9 to 10^10 seconds after 1970 (UTC; the session runs at '+00:00'). */
const TEN_DIGIT_SECONDS = ["'2001-09-09 01:46:40'", "'2286-11-20 17:46:40'"];

/**
 * A DATETIME / TIMESTAMP (no --naive-time-zone) between 2001-09-09 01:46:40 and 2286-11-20
 * 17:46:40: its count of 10⁻ᵖ s units since 1970 is positive (so DIV is the floor) and has exactly
 * 10 + p digits, so the field is written with that length, from one TIMESTAMPDIFF, instead of
 * building the text twice (for its length and itself) with the zero-date test and the floor of a
 * possibly negative count. Other values (NULL, zero dates, earlier or later times) take the
 * general field. Measured on the benchmark's 200,000 rows: 0.36–0.42 s → 0.10 s of server CPU.
 */
function timestampFastField(column: SideColumn): { condition: string; field: string } | null {
  if (column.pair.family !== 'timestamp' || column.shape.family !== 'timestamp' || column.pair.zone) return null;
  const p = Math.min(6, column.pair.precision ?? 6);
  const c = quoteMysqlIdent(column.name);
  const micros = `TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ${c})`;
  return {
    condition: `${c} >= ${TEN_DIGIT_SECONDS[0]} AND ${c} < ${TEN_DIGIT_SECONDS[1]}`,
    field: `CONCAT('V${10 + p}:', ${p === 6 ? micros : `${micros} DIV ${10 ** (6 - p)}`})`,
  };
}

/** Families whose canonical text is ASCII whatever the column (digits, signs, hex, `x:` only for zero dates, which are ASCII too). */
const ASCII_CANONICAL = new Set(['integer', 'decimal', 'float', 'boolean', 'timestamp', 'date', 'time', 'bytes']);

/** Families whose values (stored or canonical) print as digits, signs, dots, dashes, colons, spaces or hex. */
const COMMA_FREE = new Set(['integer', 'decimal', 'float', 'boolean', 'timestamp', 'date', 'time']);

/**
 * A 64-bit hash of a text, as an unsigned BIGINT. `crc`: `CRC32(t) << 32 | CRC32C(t)`, two CRCs
 * computed in C over the bytes (MariaDB 10.8+): the text is built once into a user variable in the
 * left operand and read in the right one — MariaDB evaluates `|` left to right, and the probe
 * (MysqlSide.crcMatches) checks exactly this expression summed over several rows before it is
 * used. Measured on the benchmark's 200,000 rows (MariaDB 10.11, server time, min of 5): the
 * comma-joined row text alone 0.49 s, with md5 0.98 s, with the CRC pair 0.62 s. `md5`: the first
 * 8 bytes of the md5, through its hex text and `CONV`.
 */
export function mysqlTextHash(text: string, hash: CanonicalHash): string {
  if (hash === 'crc') return `(CRC32(@ma_row_text := ${text}) << 32 | CRC32C(@ma_row_text))`;
  return `CAST(CONV(LEFT(MD5(${text}), 16), 16, 10) AS UNSIGNED)`;
}

/** Texts the CRC probe hashes in the server: several rows (the user variable must follow each), multibyte UTF-8, lengths around the 4-byte steps. */
export const CRC_PROBES = ['migration-architect crc probe', 'Zürich — 東京 🚀', 'V1:1V2:-3N', 'abc'];

/**
 * The row hash, an unsigned BIGINT (mysqlTextHash of the plan's canonical hash: the CRC pair or md5). Across engines, of the canonical
 * row text exactly as PostgreSQL and the SQLite worker build it. MySQL on both sides, of a cheaper
 * text that is just as unambiguous: fields joined by commas, NULL as `N`, text fields as
 * `<characters>:<text>` (numbers and dates cannot hold a comma, so they go in bare), columns of one
 * declared type taken as stored. Measured on MariaDB 10.11 (server CPU, 200,000 rows): about a
 * quarter cheaper than a length before every field, which costs more than the md5 itself.
 */
export function mysqlRowHash(plan: SidePlan): string {
  const columns = [...plan.key, ...plan.columns];
  if (!plan.crossEngine) {
    const fields = columns.map((column) => {
      const e = column.hashKind === 'raw' ? rawExpression(column) : mysqlCanonicalExpression(column, plan.tolerance);
      // Numbers and dates print without a comma and never as `N`: they need no length. Text does.
      const delimited = COMMA_FREE.has(column.shape.family) && COMMA_FREE.has(column.pair.family);
      return delimited ? `IFNULL(${e}, 'N')` : `IFNULL(CONCAT(CHAR_LENGTH(${e}), ':', ${e}), 'N')`;
    });
    return mysqlTextHash(`CONCAT_WS(',', ${fields.join(', ')})`, plan.canonicalHash);
  }
  const fields = columns.map((column) => {
    // Canonical text of numbers, times and bytes is ASCII, and a utf8mb4 text column is already
    // utf8mb4: only other text needs converting (each CONVERT copies the value, twice per field).
    const canonical = mysqlCanonicalExpression(column, plan.tolerance);
    const ascii = ASCII_CANONICAL.has(column.pair.family) && !(column.shape.family === 'text' && column.pair.family !== 'text');
    const e =
      ascii || (utf8mb4Text(column) && (column.pair.family === 'text' || column.pair.family === 'uuid')) ? canonical : `CONVERT(${canonical} USING utf8mb4)`;
    // A double's bits are always 16 hex digits: the length is known, and the costly bit
    // arithmetic is evaluated once per row instead of twice (MySQL does not share the subexpression).
    if (column.pair.family === 'float' && plan.tolerance <= 0 && column.shape.family !== 'text') return `COALESCE(CONCAT('V16:', ${e}), 'N')`;
    const generic = `COALESCE(CONCAT('V', LENGTH(${e}), ':', ${e}), 'N')`;
    const fast = timestampFastField(column);
    return fast ? `IF(${fast.condition}, ${fast.field}, ${generic})` : generic;
  });
  return mysqlTextHash(`CONVERT(CONCAT(${fields.join(', ')}) USING utf8mb4)`, plan.canonicalHash);
}

/**
 * What a fetched value is selected as. With --naive-time-zone, a TIMESTAMP (an instant, printed
 * in the session's UTC) carries a `Z`, so that only DATETIME text reads as wall-clock time.
 */
export function mysqlFetchExpression(column: SideColumn): string {
  const c = quoteMysqlIdent(column.name);
  if (column.pair.zone && column.shape.family === 'timestamp' && !isDatetime(column)) return `CONCAT(${c}, 'Z')`;
  return c;
}
