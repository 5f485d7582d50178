/**
 * The row hash of cross-engine comparisons: md5 of the row's canonical text (UTF-8), first 8
 * bytes as a 64-bit integer. PostgreSQL computes the same with `('x' || left(md5(text), 16))::bit(64)::bigint`,
 * MySQL with `CONV(LEFT(MD5(text), 16), 16, 10)`.
 *
 * MD5 is written out here (RFC 1321) rather than taken from node:crypto because it runs once per
 * row of an SQLite hash pass: a call into crypto costs about 3 µs for a short row (a native call,
 * a string-to-bytes copy and a Buffer per digest), this loop about a third of that, with one
 * reused buffer and no allocation per row.
 */

let bytes = new Uint8Array(256);
const encoder = new TextEncoder();

/** Writes `text` as UTF-8 into the shared buffer (grown when needed); returns the byte length. */
function encode(text: string): number {
  const n = text.length;
  if (bytes.length < 3 * n + 72) bytes = new Uint8Array(Math.max(2 * bytes.length, 3 * n + 72));
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encodeInto(text, bytes).written;
    bytes[i] = c;
  }
  return n;
}

const word = (p: number): number => bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);

/** Per-step shift amounts and the sine table constants of RFC 1321. */
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
const W = new Int32Array(16);

/** MD5 of `text` as UTF-8; out[0] and out[1] are the digest's first and second 4 bytes, big-endian, unsigned. */
export function md5Halves(text: string, out: [number, number]): void {
  md5Bytes(encode(text), out);
}

/** MD5 of the first `length` bytes of the shared buffer. */
function md5Bytes(length: number, out: [number, number]): void {
  // Padding: 0x80, zeros, then the bit length as a 64-bit little-endian integer.
  const total = ((length + 8) >>> 6) * 64 + 64;
  bytes[length] = 0x80;
  bytes.fill(0, length + 1, total);
  const bits = length * 8;
  bytes[total - 8] = bits & 0xff;
  bytes[total - 7] = (bits >>> 8) & 0xff;
  bytes[total - 6] = (bits >>> 16) & 0xff;
  bytes[total - 5] = (bits >>> 24) & 0xff;
  const high = Math.floor(bits / 2 ** 32);
  bytes[total - 4] = high & 0xff;
  bytes[total - 3] = (high >>> 8) & 0xff;

  let a0 = 0x67452301 | 0;
  let b0 = 0xefcdab89 | 0;
  let c0 = 0x98badcfe | 0;
  let d0 = 0x10325476 | 0;
  for (let block = 0; block < total; block += 64) {
    for (let i = 0; i < 16; i++) W[i] = word(block + 4 * i);
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const n = (a + f + K[i]! + W[g]!) | 0;
      const s = S[((i >>> 4) << 2) | (i & 3)]!;
      a = d;
      d = c;
      c = b;
      b = (b + ((n << s) | (n >>> (32 - s)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  // The digest is a0, b0, … little-endian; the hash reads its first 8 bytes big-endian.
  out[0] = swap(a0);
  out[1] = swap(b0);
}

const swap = (x: number): number => (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;

const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const V = 'V'.charCodeAt(0);
const N = 'N'.charCodeAt(0);
const COLON = ':'.charCodeAt(0);
const MINUS = '-'.charCodeAt(0);

/**
 * The canonical row text written straight into the digest buffer, field by field, as
 * encodeFields() spells it (`N` for NULL, else `V<bytes>:<text>`): no row string, no regular
 * expression, and numbers written as digits without becoming strings first.
 */
export class Md5Fields {
  private length = 0;

  reset(): void {
    this.length = 0;
  }

  private room(extra: number): void {
    if (bytes.length < this.length + extra + 72) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, this.length + extra + 72));
      grown.set(bytes.subarray(0, this.length));
      bytes = grown;
    }
  }

  null(): void {
    this.room(1);
    bytes[this.length++] = N;
  }

  /** A field of text (UTF-8), or NULL. */
  text(value: string | null): void {
    if (value === null) return this.null();
    const n = value.length;
    this.room(3 * n + 24);
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
    writeDigits(written, this.length + 1, digits);
    bytes[at - 1] = COLON;
    this.length = at + written;
  }

  /** A field holding a safe integer's decimal digits. */
  integer(value: number): void {
    this.room(24);
    const negative = value < 0;
    const magnitude = negative ? -value : value;
    const digits = digitCount(magnitude) + (negative ? 1 : 0);
    bytes[this.length] = V;
    const width = digitCount(digits);
    writeDigits(digits, this.length + 1, width);
    let at = this.length + 1 + width;
    bytes[at++] = COLON;
    if (negative) bytes[at++] = MINUS;
    writeDigits(magnitude, at, digits - (negative ? 1 : 0));
    this.length = at + digits - (negative ? 1 : 0);
  }

  /** A field holding two uint32 words as 16 lowercase hex digits (a double's bits). */
  hex64(high: number, low: number): void {
    this.room(24);
    let at = this.length;
    bytes[at++] = V;
    bytes[at++] = 0x31; // "16:"
    bytes[at++] = 0x36;
    bytes[at++] = COLON;
    for (let shift = 28; shift >= 0; shift -= 4) bytes[at++] = HEX[(high >>> shift) & 15]!;
    for (let shift = 28; shift >= 0; shift -= 4) bytes[at++] = HEX[(low >>> shift) & 15]!;
    this.length = at;
  }

  finish(out: [number, number]): void {
    md5Bytes(this.length, out);
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
function writeDigits(n: number, at: number, width: number): void {
  for (let i = at + width - 1; i >= at; i--) {
    bytes[i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
}
