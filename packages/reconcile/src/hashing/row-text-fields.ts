import { lookup3Bytes } from './lookup3.js';
import { md5Bytes, PADDING_ROOM } from './md5-row-hash.js';

/**
 * The hash of the canonical row text across engines (and for tables without a key): `lookup3`
 * (PostgreSQL's `hashtextextended`, when every side can compute it byte for byte) or `md5` (what
 * MySQL can compute too).
 */
export type CanonicalHash = 'lookup3' | 'md5';

const encoder = new TextEncoder();

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const V = 'V'.charCodeAt(0);
const N = 'N'.charCodeAt(0);
const COLON = ':'.charCodeAt(0);
const MINUS = '-'.charCodeAt(0);

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
    else md5Bytes(this.bytes, this.length, out);
  }
}

function digitCount(n: number): number {
  let digits = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    digits++;
  }
  return digits;
}

/** Writes a non-negative safe integer as exactly `width` decimal digits ending at at + width. */
function writeDigits(bytes: Uint8Array, n: number, at: number, width: number): void {
  for (let i = at + width - 1; i >= at; i--) {
    bytes[i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
}
