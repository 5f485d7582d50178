/**
 * CRC-32 (the zlib / IEEE polynomial, MySQL's and MariaDB's `CRC32()`) and CRC-32C (Castagnoli,
 * MariaDB 10.8+'s `CRC32C()`) of the same bytes: the 64-bit row hash `CRC32(t) << 32 | CRC32C(t)`
 * that MariaDB computes in C, where md5 needs its hex text and `CONV` (see docs/reconcile.md,
 * "Which hash"). Table-driven, four bytes per step ("slicing by 4").
 */

function tables(polynomial: number): Uint32Array[] {
  const out = Array.from({ length: 4 }, () => new Uint32Array(256));
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ polynomial : c >>> 1;
    out[0]![i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) for (let t = 1; t < 4; t++) out[t]![i] = (out[0]![out[t - 1]![i]! & 0xff]! ^ (out[t - 1]![i]! >>> 8)) >>> 0;
  return out;
}

const [A0, A1, A2, A3] = tables(0xedb88320) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
const [B0, B1, B2, B3] = tables(0x82f63b78) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];

/** out[0] = CRC-32, out[1] = CRC-32C of bytes[0, length), as unsigned 32-bit numbers. */
export function crc32PairBytes(bytes: Uint8Array, length: number, out: [number, number]): void {
  let a = ~0;
  let b = ~0;
  let i = 0;
  for (const end = length - 3; i < end; i += 4) {
    const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    const x = a ^ word;
    a = A3[x & 0xff]! ^ A2[(x >>> 8) & 0xff]! ^ A1[(x >>> 16) & 0xff]! ^ A0[x >>> 24]!;
    const y = b ^ word;
    b = B3[y & 0xff]! ^ B2[(y >>> 8) & 0xff]! ^ B1[(y >>> 16) & 0xff]! ^ B0[y >>> 24]!;
  }
  for (; i < length; i++) {
    a = A0[(a ^ bytes[i]!) & 0xff]! ^ (a >>> 8);
    b = B0[(b ^ bytes[i]!) & 0xff]! ^ (b >>> 8);
  }
  out[0] = ~a >>> 0;
  out[1] = ~b >>> 0;
}

/** The pair of a string's UTF-8 bytes. */
export function crc32PairText(text: string, out: [number, number]): void {
  const bytes = new TextEncoder().encode(text);
  crc32PairBytes(bytes, bytes.length, out);
}

/** The 64-bit value MariaDB's `CRC32(t) << 32 | CRC32C(t)` gives, as an unsigned BigInt. */
export function crc32PairValue(out: readonly [number, number]): bigint {
  return (BigInt(out[0]) << 32n) | BigInt(out[1]);
}
