import { crc32PairBytes } from './crc32-pair.js';
import { lookup3Bytes } from './lookup3.js';
import { md5Bytes, PADDING_ROOM } from './md5-row-hash.js';

/**
 * The hash of the canonical row text across engines (and for tables without a key): `lookup3`
 * (PostgreSQL's `hashtextextended`, when every side can compute it byte for byte), `crc`
 * (`CRC32(t) << 32 | CRC32C(t)`, MariaDB 10.8+ and JavaScript) or `md5` (what every engine can
 * compute).
 */
export type CanonicalHash = 'lookup3' | 'crc' | 'md5';

const encoder = new TextEncoder();

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const V = 'V'.charCodeAt(0);
const N = 'N'.charCodeAt(0);
const COLON = ':'.charCodeAt(0);
const MINUS = '-'.charCodeAt(0);
const DOT = '.'.charCodeAt(0);
/** Powers of ten up to 10^16 (all exact doubles). */
export const POW10 = Array.from({ length: 17 }, (_, i) => 10 ** i);
/** The ASCII digits of 00–99, two bytes each: digits are written two at a time. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = 48 + Math.floor(i / 10);
  PAIRS[2 * i + 1] = 48 + (i % 10);
}

/**
 * The canonical row text written straight into one reused byte buffer, field by field, as
 * encodeFields() spells it (`N` for NULL, else `V<bytes>:<text>`), then hashed there: no row
 * string, no regular expression, numbers written as digits without becoming strings first, and
 * no allocation per row.
 */
export class RowTextFields {
  private bytes = new Uint8Array(256);
  private length = 0;

  constructor(private readonly hash: CanonicalHash) {}

  reset(): void {
    this.length = 0;
  }

  /** Room for `extra` more bytes, and md5's padding after them. */
  private room(extra: number): void {
    if (this.bytes.length < this.length + extra + PADDING_ROOM) {
      const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.length + extra + PADDING_ROOM));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
  }

  null(): void {
    this.room(1);
    this.bytes[this.length++] = N;
  }

  /** A field of text (UTF-8), or NULL. */
  text(value: string | null): void {
    if (value === null) return this.null();
    const n = value.length;
    this.room(3 * n + 24);
    const bytes = this.bytes;
    // Written where an ASCII text would go; moved when its UTF-8 length has more digits.
    const guess = digitCount(n);
    let at = this.length + 2 + guess;
    let written = n;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      bytes[at + i] = c;
    }
    if (!ascii) written = encoder.encodeInto(value, bytes.subarray(at)).written;
    const digits = digitCount(written);
    if (digits !== guess) {
      bytes.copyWithin(at + digits - guess, at, at + written);
      at += digits - guess;
    }
    bytes[this.length] = V;
    writeDigits(bytes, written, this.length + 1, digits);
    bytes[at - 1] = COLON;
    this.length = at + written;
  }

  /** A field holding a safe integer's decimal digits. */
  integer(value: number): void {
    this.room(24);
    const bytes = this.bytes;
    const negative = value < 0;
    const magnitude = negative ? -value : value;
    const digits = digitCount(magnitude) + (negative ? 1 : 0);
    bytes[this.length] = V;
    const width = digitCount(digits);
    writeDigits(bytes, digits, this.length + 1, width);
    let at = this.length + 1 + width;
    bytes[at++] = COLON;
    if (negative) bytes[at++] = MINUS;
    writeDigits(bytes, magnitude, at, digits - (negative ? 1 : 0));
    this.length = at + digits - (negative ? 1 : 0);
  }

  /**
   * A field holding m × 10^-scale in plain notation with exactly `scale` fraction digits (as
   * roundDecimalText() spells it); |m| < 2^52, 0 ≤ scale ≤ 16.
   */
  scaled(m: number, scale: number): void {
    this.room(48);
    const bytes = this.bytes;
    const negative = m < 0;
    const magnitude = negative ? -m : m;
    const digits = Math.max(digitCount(magnitude), scale + 1);
    const textLength = (negative ? 1 : 0) + digits + (scale > 0 ? 1 : 0);
    let at = this.length;
    bytes[at++] = V;
    const width = digitCount(textLength);
    writeDigits(bytes, textLength, at, width);
    at += width;
    bytes[at++] = COLON;
    if (negative) bytes[at++] = MINUS;
    if (scale === 0) {
      writeDigits(bytes, magnitude, at, digits);
      at += digits;
    } else {
      const unit = POW10[scale]!;
      let whole = Math.floor(magnitude / unit);
      let fraction = magnitude - whole * unit;
      // The quotient of a double division can round up to the next integer: correct it.
      if (fraction < 0) {
        whole--;
        fraction += unit;
      }
      writeDigits(bytes, whole, at, digits - scale);
      at += digits - scale;
      bytes[at++] = DOT;
      writeDigits(bytes, fraction, at, scale);
      at += scale;
    }
    this.length = at;
  }

  /** A field holding two uint32 words as 16 lowercase hex digits (a double's bits). */
  hex64(high: number, low: number): void {
    this.room(24);
    const bytes = this.bytes;
    let at = this.length;
    bytes[at++] = V;
    bytes[at++] = 0x31; // "16:"
    bytes[at++] = 0x36;
    bytes[at++] = COLON;
    for (let shift = 28; shift >= 0; shift -= 4) bytes[at++] = HEX[(high >>> shift) & 15]!;
    for (let shift = 28; shift >= 0; shift -= 4) bytes[at++] = HEX[(low >>> shift) & 15]!;
    this.length = at;
  }

  /** The row hash as two uint32 halves (high, low). */
  finish(out: [number, number]): void {
    if (this.hash === 'lookup3') lookup3Bytes(this.bytes, this.length, out);
    else if (this.hash === 'crc') crc32PairBytes(this.bytes, this.length, out);
    else md5Bytes(this.bytes, this.length, out);
  }
}

/** Decimal digits of a non-negative safe integer (comparisons, not divisions). */
function digitCount(n: number): number {
  let digits = 1;
  while (digits < POW10.length && n >= POW10[digits]!) digits++;
  return digits;
}

/**
 * Writes a non-negative safe integer as exactly `width` decimal digits (zero-padded) in
 * bytes[at, at + width), two digits per division.
 */
function writeDigits(bytes: Uint8Array, n: number, at: number, width: number): void {
  let i = at + width - 1;
  while (n >= 100) {
    let q = Math.floor(n / 100);
    let r = n - q * 100;
    if (r < 0) {
      q--;
      r += 100;
    }
    bytes[i] = PAIRS[2 * r + 1]!;
    bytes[i - 1] = PAIRS[2 * r]!;
    i -= 2;
    n = q;
  }
  if (n >= 10) {
    bytes[i] = PAIRS[2 * n + 1]!;
    bytes[i - 1] = PAIRS[2 * n]!;
    i -= 2;
  } else bytes[i--] = 48 + n;
  while (i >= at) bytes[i--] = 48;
}
