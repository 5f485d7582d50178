import { floatCell } from '../normalization/float-cell.js';

/**
 * The row hash SQLite ↔ SQLite comparisons use: two MurmurHash3-style 32-bit lanes with different
 * seeds over the row's values as SQLite stores them, each tagged with its storage class (so the
 * integer 1, the real 1.0 and the text '1' differ). Equal stored values hash equal, so an equal
 * hash never hides a difference the row comparison would report; values that are equal only after
 * normalization (text timestamps at different precision) hash differently, and their rows are
 * compared after normalization. No string is built per row: this runs once per row per side.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
const SEED_A = 0x9747b28c;
const SEED_B = 0x5bd1e995;

const float = new Float64Array(1);
const floatWords = new Uint32Array(float.buffer);

const ValueTag = { Null: 1, Integer: 2, Real: 3, Text: 4, Blob: 5, BigInteger: 6, Cell: 7 } as const;
type ValueTag = (typeof ValueTag)[keyof typeof ValueTag];

export class TypedRowHash {
  a = SEED_A;
  b = SEED_B;
  private words = 0;

  reset(): void {
    this.a = SEED_A;
    this.b = SEED_B;
    this.words = 0;
  }

  word(w: number): void {
    let k = Math.imul(w, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    let a = this.a ^ k;
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    let j = Math.imul(w ^ 0x85ebca6b, C2);
    j = (j << 16) | (j >>> 16);
    j = Math.imul(j, C1);
    let b = this.b ^ j;
    b = (b << 17) | (b >>> 15);
    this.b = (Math.imul(b, 9) + 0x52dce729) | 0;
    this.words++;
  }

  private double(tag: ValueTag, x: number): void {
    float[0] = x + 0;
    this.word(tag);
    this.word(floatWords[0]!);
    this.word(floatWords[1]!);
  }

  private text(tag: ValueTag, s: string): void {
    this.word(tag);
    this.word(s.length);
    const n = s.length;
    let i = 0;
    // Two UTF-16 code units per word.
    for (; i + 1 < n; i += 2) this.word(s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
    if (i < n) this.word(s.charCodeAt(i));
  }

  value(v: unknown): void {
    if (v === null || v === undefined) this.word(ValueTag.Null);
    else if (typeof v === 'bigint') {
      const n = Number(v);
      if (Number.isSafeInteger(n)) this.double(ValueTag.Integer, n);
      else this.text(ValueTag.BigInteger, v.toString());
    } else if (typeof v === 'number') this.double(ValueTag.Real, v);
    else if (typeof v === 'string') this.text(ValueTag.Text, v);
    else if (v instanceof Uint8Array) {
      this.word(ValueTag.Blob);
      this.word(v.length);
      for (let i = 0; i < v.length; i++) this.word(v[i]!);
    } else this.text(ValueTag.Text, String(v));
  }

  /** A float column under a tolerance: the grid cell, whatever the storage class. */
  cell(v: unknown, tolerance: number): void {
    if (typeof v === 'bigint' || typeof v === 'number') this.text(ValueTag.Cell, floatCell(Number(v), tolerance));
    else this.value(v);
  }

  /** Finalizes (fmix32 on each lane, then each lane folds in the other) into two uint32 halves. */
  finish(out: [number, number]): void {
    let a = this.a ^ this.words;
    let b = this.b ^ this.words;
    a = fmix(a);
    b = fmix(b ^ a);
    a = fmix(a ^ b);
    out[0] = a >>> 0;
    out[1] = b >>> 0;
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
