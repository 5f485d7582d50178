/**
 * Bob Jenkins' lookup3 as PostgreSQL's `hash_bytes_extended` computes it (src/common/hashfn.c),
 * so that `hashtextextended(text COLLATE "C", seed)` in the server and this function over the
 * same UTF-8 bytes give the same 64-bit value. Across engines it replaces md5 as the row hash:
 * in PostgreSQL a C function over the text (no hex text, no bit-string cast), and here a few
 * additions and rotations per 12 bytes instead of md5's 64 steps per 64 bytes.
 *
 * Words are read little-endian, as PostgreSQL reads them on a little-endian server; a big-endian
 * server hashes differently, which is why each PostgreSQL side probes one value before lookup3 is
 * chosen (lookup3Matches).
 */

const rot = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

/**
 * The 64-bit hash of `bytes[0, length)` as unsigned 32-bit halves: out[0] is the high word (b),
 * out[1] the low (c). The seed, as its high and low 32-bit words; (0, 0) is no seed.
 */
export function lookup3Bytes(bytes: Uint8Array, length: number, out: [number, number], seedHigh = 0, seedLow = 0): void {
  let a = (0x9e3779b9 + length + 3923095) | 0;
  let b = a;
  let c = a;
  if (seedHigh !== 0 || seedLow !== 0) {
    // The seed is hashed as a 12-byte chunk of its two words and four zero bytes.
    a = (a + seedHigh) | 0;
    b = (b + seedLow) | 0;
    // mix(a, b, c)
    a = (a - c) | 0;
    a ^= rot(c, 4);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 6);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 8);
    b = (b + a) | 0;
    a = (a - c) | 0;
    a ^= rot(c, 16);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 19);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 4);
    b = (b + a) | 0;
  }
  let k = 0;
  let left = length;
  while (left >= 12) {
    a = (a + (bytes[k]! | (bytes[k + 1]! << 8) | (bytes[k + 2]! << 16) | (bytes[k + 3]! << 24))) | 0;
    b = (b + (bytes[k + 4]! | (bytes[k + 5]! << 8) | (bytes[k + 6]! << 16) | (bytes[k + 7]! << 24))) | 0;
    c = (c + (bytes[k + 8]! | (bytes[k + 9]! << 8) | (bytes[k + 10]! << 16) | (bytes[k + 11]! << 24))) | 0;
    a = (a - c) | 0;
    a ^= rot(c, 4);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 6);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 8);
    b = (b + a) | 0;
    a = (a - c) | 0;
    a ^= rot(c, 16);
    c = (c + b) | 0;
    b = (b - a) | 0;
    b ^= rot(a, 19);
    a = (a + c) | 0;
    c = (c - b) | 0;
    c ^= rot(b, 4);
    b = (b + a) | 0;
    k += 12;
    left -= 12;
  }
  // The last 0–11 bytes; the lowest byte of c is left for the length (already in the initial state).
  if (left >= 9) c = (c + ((left >= 11 ? bytes[k + 10]! << 24 : 0) | (left >= 10 ? bytes[k + 9]! << 16 : 0) | (bytes[k + 8]! << 8))) | 0;
  if (left >= 5)
    b = (b + ((left >= 8 ? bytes[k + 7]! << 24 : 0) | (left >= 7 ? bytes[k + 6]! << 16 : 0) | (left >= 6 ? bytes[k + 5]! << 8 : 0) | bytes[k + 4]!)) | 0;
  if (left >= 1)
    a = (a + ((left >= 4 ? bytes[k + 3]! << 24 : 0) | (left >= 3 ? bytes[k + 2]! << 16 : 0) | (left >= 2 ? bytes[k + 1]! << 8 : 0) | bytes[k]!)) | 0;
  // final(a, b, c); lookup3 finalizes even an empty key.
  c ^= b;
  c = (c - rot(b, 14)) | 0;
  a ^= c;
  a = (a - rot(c, 11)) | 0;
  b ^= a;
  b = (b - rot(a, 25)) | 0;
  c ^= b;
  c = (c - rot(b, 16)) | 0;
  a ^= c;
  a = (a - rot(c, 4)) | 0;
  b ^= a;
  b = (b - rot(a, 14)) | 0;
  c ^= b;
  c = (c - rot(b, 24)) | 0;
  out[0] = b >>> 0;
  out[1] = c >>> 0;
}

/** lookup3 of a string's UTF-8 bytes, seeded like hashtextextended(text, seed). */
export function lookup3Text(text: string, out: [number, number], seed = 0n): void {
  const bytes = new TextEncoder().encode(text);
  const unsigned = BigInt.asUintN(64, seed);
  lookup3Bytes(bytes, bytes.length, out, Number(unsigned >> 32n), Number(unsigned & 0xffffffffn));
}

/** The hash as PostgreSQL's signed int8 returns it. */
export function lookup3Int64(out: readonly [number, number]): bigint {
  return BigInt.asIntN(64, (BigInt(out[0]) << 32n) | BigInt(out[1]));
}
