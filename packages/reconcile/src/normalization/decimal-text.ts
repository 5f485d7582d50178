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

/** Powers of ten up to 10^15, all exact doubles. */
const UNITS = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * roundDecimalText(numberText(value), scale) without the shortest round-trip text of the double
 * (String(double) was the largest cost of comparing rows when every row differs): when the
 * nearest double to m × 10^-scale is the value itself and |m| < 2^52, that decimal is the value's
 * shortest text rounded, written from the integer m. Null when the value is not such a decimal
 * (the caller takes the general path).
 */
export function scaledNumberText(value: number, scale: number): string | null {
  if (scale < 0 || scale > 15) return null;
  const unit = UNITS[scale]!;
  const m = Math.round(value * unit);
  if (!(Math.abs(m) < 2 ** 52) || m / unit !== value) return null;
  const magnitude = Math.abs(m);
  let whole = Math.floor(magnitude / unit);
  let fraction = magnitude - whole * unit;
  // The quotient can round up to the next integer: correct it.
  if (fraction < 0) {
    whole--;
    fraction += unit;
  }
  const sign = m < 0 ? '-' : '';
  return scale === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(scale, '0')}`;
}
