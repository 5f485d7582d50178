/**
 * Dates and times as exact integers: microseconds since 1970-01-01 00:00 UTC, days since
 * 1970-01-01, microseconds since midnight. Parsing is by hand (not Date) because Date keeps
 * milliseconds only and reads zone-less text in local time.
 */

import { wallMicrosToInstant } from './time-zone.js';

const MICROS_PER_SECOND = 1_000_000n;
const MICROS_PER_DAY = 86_400n * MICROS_PER_SECOND;

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DATE_TIME = /^(\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$/;

/** Fraction digits as microseconds, extra digits cut (SQLite text may carry nanoseconds). */
function fractionMicros(fraction: string | undefined): bigint {
  return BigInt((fraction ?? '').slice(0, 6).padEnd(6, '0'));
}

function offsetMicros(zone: string | undefined): bigint {
  if (!zone || zone === 'Z' || zone === 'z') return 0n;
  const sign = zone.startsWith('-') ? -1n : 1n;
  const digits = zone.slice(1).replace(/:/g, '');
  const hours = BigInt(digits.slice(0, 2));
  const minutes = BigInt(digits.slice(2, 4) || '0');
  const seconds = BigInt(digits.slice(4, 6) || '0');
  return sign * ((hours * 3600n + minutes * 60n + seconds) * MICROS_PER_SECOND);
}

/** The fraction (µs) of the text fastSeconds() read last. */
let lastFraction = 0;
/** Where `YYYY-MM-DD HH:MM:SS` has its digits. */
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const two = (text: string, i: number) => digit(text, i) * 10 + digit(text, i + 1);

/**
 * `YYYY-MM-DD HH:MM:SS[.fff…]` without a zone, the form SQLite applications and PostgreSQL's
 * output use, read without a regular expression or BigInt: every row of a hash pass comes here.
 * Null when the text has another form (the general parser then reads it).
 */
function fastSeconds(text: string): number | null {
  const n = text.length;
  if (n < 19 || n > 26 || text[4] !== '-' || text[7] !== '-' || (text[10] !== ' ' && text[10] !== 'T') || text[13] !== ':' || text[16] !== ':') return null;
  if (n > 19 && (text[19] !== '.' || n === 20)) return null;
  for (let j = 0; j < DIGIT_AT.length; j++) {
    const d = digit(text, DIGIT_AT[j]!);
    if (d < 0 || d > 9) return null;
  }
  let fraction = 0;
  for (let i = 20; i < 26; i++) {
    const d = i < n ? digit(text, i) : 0;
    if (d < 0 || d > 9) return null;
    fraction = fraction * 10 + d;
  }
  // The day number from the digits: a few divisions, cheaper than a slice and a cache lookup.
  const month = two(text, 5);
  const day = two(text, 8);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const days = daysFromCivil(two(text, 0) * 100 + two(text, 2), month, day);
  lastFraction = fraction;
  return days * 86_400 + two(text, 11) * 3600 + two(text, 14) * 60 + two(text, 17);
}

function fastTimestampMicros(text: string): bigint | null {
  const seconds = fastSeconds(text);
  if (seconds === null) return null;
  // Exact in a double for ±285 years around 1970; beyond that BigInt does the multiplication.
  const micros = seconds * 1_000_000 + lastFraction;
  return Number.isSafeInteger(micros) ? BigInt(micros) : BigInt(seconds) * MICROS_PER_SECOND + BigInt(lastFraction);
}

/**
 * The same as a plain number (no BigInt per row: the SQLite hash pass writes it straight into
 * the row digest); null when the text has another form or the count is beyond 2^53.
 */
export function fastTimestampMicrosNumber(text: string): number | null {
  const seconds = fastSeconds(text);
  if (seconds === null) return null;
  const micros = seconds * 1_000_000 + lastFraction;
  return Number.isSafeInteger(micros) ? micros : null;
}

/** `2024-01-02 03:04:05.678901+02`, `2024-01-02T03:04:05Z`, `2024-01-02` → µs since the epoch (UTC; no zone = UTC). */
export function parseTimestampMicros(text: string): bigint | null {
  const fast = fastTimestampMicros(text);
  if (fast !== null) return fast;
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const days = BigInt(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])));
  const seconds = BigInt(Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0));
  return days * MICROS_PER_DAY + seconds * MICROS_PER_SECOND + fractionMicros(m[7]) - offsetMicros(m[8]);
}

/**
 * As parseTimestampMicros, but text without a zone is a wall-clock time in `zone` (an IANA name;
 * null: UTC). Text with an offset (`+02`, `Z`) is an instant whatever the zone.
 */
export function parseTimestampMicrosIn(text: string, zone: string | null): bigint | null {
  const micros = parseTimestampMicros(text);
  if (micros === null || !zone) return micros;
  const zoned = DATE_TIME.exec(text.trim())![8] !== undefined;
  return zoned ? micros : wallMicrosToInstant(micros, zone);
}

/** `10:00:00.123` → µs since midnight. */
export function parseTimeMicros(text: string): bigint | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  return BigInt(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) * MICROS_PER_SECOND + fractionMicros(m[4]);
}

/** Unix seconds (an SQLite INTEGER or REAL) → µs. */
export function unixSecondsMicros(value: number | bigint): bigint {
  if (typeof value === 'bigint') return value * MICROS_PER_SECOND;
  return BigInt(Math.round(value * 1_000_000));
}

/** floor(a / b) for BigInt (BigInt division truncates toward zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** µs → whole units of 10^-precision seconds, cut toward the past (floor). */
export function truncateMicros(micros: bigint, precision: number): bigint {
  return floorDiv(micros, 10n ** BigInt(6 - Math.min(6, Math.max(0, precision))));
}

export const MICROS_IN_DAY = MICROS_PER_DAY;

/** Days since 1970-01-01 → [year, month, day] (Howard Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** µs since the epoch → `YYYY-MM-DD HH:MM:SS.ffffff` (UTC). */
export function formatMicros(micros: bigint): string {
  const days = floorDiv(micros, MICROS_PER_DAY);
  let rest = micros - days * MICROS_PER_DAY;
  const [y, m, d] = civilFromDays(Number(days));
  const pad = (n: number | bigint, w = 2) => String(n).padStart(w, '0');
  const hours = rest / 3_600_000_000n;
  rest -= hours * 3_600_000_000n;
  const minutes = rest / 60_000_000n;
  rest -= minutes * 60_000_000n;
  const seconds = rest / MICROS_PER_SECOND;
  const fraction = rest - seconds * MICROS_PER_SECOND;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)} ${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(fraction, 6)}`;
}
