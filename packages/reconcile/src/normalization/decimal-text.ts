/**
 * Exact decimal arithmetic on text, so that 0.1 (a SQLite REAL, shortest form "0.1") and 0.10 (a
 * PostgreSQL numeric) normalize to the same digits without going through binary floating point.
 */

/** sign × digits × 10^exponent; digits has no leading zeros ("" for zero). */
interface DecimalParts {
  negative: boolean;
  digits: string;
  exponent: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

function parseDecimal(text: string): DecimalParts | null {
  const match = DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const fraction = match[3] ?? '';
  const digits = `${match[2]}${fraction}`.replace(/^0+/, '');
  return { negative: match[1] === '-', digits, exponent: Number(match[4] ?? 0) - fraction.length };
}

/** Plain notation with exactly `scale` fraction digits (negative scale: none), no "-0". */
function format(negative: boolean, digits: string, scale: number): string {
  const places = Math.max(scale, 0);
  const padded = digits.padStart(places + 1, '0');
  const whole = padded.slice(0, padded.length - places);
  const text = places > 0 ? `${whole}.${padded.slice(padded.length - places)}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Rounds half away from zero (as PostgreSQL's round(numeric, s) does) to `scale` digits. */
export function roundDecimalText(text: string, scale: number): string | null {
  // Fast path (every row of a hash pass goes through here): plain text with no more fraction
  // digits than the scale only needs zeros appended.
  const plain = scale >= 0 ? PLAIN.exec(text) : null;
  if (plain && (plain[3]?.length ?? 0) <= scale && (plain[2]!.length === 1 || plain[2]![0] !== '0')) {
    const fraction = (plain[3] ?? '').padEnd(scale, '0');
    const body = scale > 0 ? `${plain[2]}.${fraction}` : plain[2]!;
    return plain[1] === '-' && /[1-9]/.test(body) ? `-${body}` : body;
  }
  const parts = parseDecimal(text);
  if (!parts) return null;
  const { negative, exponent } = parts;
  let digits = parts.digits;
  if (digits === '') return format(false, '', scale);
  const drop = -exponent - scale;
  if (drop <= 0) return format(negative, digits + '0'.repeat(-drop), scale);
  // Every kept digit is gone and the first dropped one is an implicit 0: rounds to zero.
  if (drop > digits.length) return format(false, '', scale);
  const kept = digits.slice(0, digits.length - drop) || '0';
  const roundUp = digits[digits.length - drop]! >= '5';
  digits = roundUp ? (BigInt(kept) + 1n).toString() : kept;
  return format(negative, digits, scale);
}

/** The shortest exact plain form: no exponent, no trailing fraction zeros ("12.50" → "12.5", "1e21" → "1000000000000000000000"). */
export function trimDecimalText(text: string): string | null {
  const parts = parseDecimal(text);
  if (!parts) return null;
  let { digits, exponent } = parts;
  if (digits === '') return '0';
  while (exponent < 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  if (exponent >= 0) return format(parts.negative, digits + '0'.repeat(exponent), 0);
  return format(parts.negative, digits, -exponent);
}

/** JavaScript's shortest round-trip form of a double ("0.30000000000000004", "1e+21"), as decimal text. */
export function numberText(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
