/**
 * The row hash of cross-engine comparisons: md5 of the row's canonical text (UTF-8), first 8
 * bytes as a 64-bit integer. PostgreSQL computes the same with `('x' || left(md5(text), 16))::bit(64)::bigint`,
 * MySQL with `CONV(LEFT(MD5(text), 16), 16, 10)`.
 *
 * MD5 is written out here (RFC 1321) rather than taken from node:crypto because it runs once per
 * row of an SQLite hash pass: a call into crypto costs about 3 µs for a short row (a native call,
 * a string-to-bytes copy and a Buffer per digest), this loop about a third of that, over the
 * reused buffer RowTextFields writes the row into, with no allocation per row.
 */

const word = (bytes: Uint8Array, p: number): number => bytes[p]! | (bytes[p + 1]! << 8) | (bytes[p + 2]! << 16) | (bytes[p + 3]! << 24);

/** Per-step shift amounts and the sine table constants of RFC 1321. */
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0;
const W = new Int32Array(16);

/** MD5 of `text` as UTF-8; out[0] and out[1] are the digest's first and second 4 bytes, big-endian, unsigned. */
export function md5Halves(text: string, out: [number, number]): void {
  const bytes = new Uint8Array(3 * text.length + PADDING_ROOM);
  md5Bytes(bytes, new TextEncoder().encodeInto(text, bytes).written, out);
}

/** Bytes past the text that md5Bytes() writes its padding into. */
export const PADDING_ROOM = 72;

/**
 * MD5 of `bytes[0, length)`; out[0] and out[1] are the digest's first and second 4 bytes,
 * big-endian, unsigned. Pads in place: `bytes` must have PADDING_ROOM bytes to spare after `length`.
 */
export function md5Bytes(bytes: Uint8Array, length: number, out: [number, number]): void {
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
    for (let i = 0; i < 16; i++) W[i] = word(bytes, block + 4 * i);
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
