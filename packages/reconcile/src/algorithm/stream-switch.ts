import type { BucketLayout } from './bucket-layout.js';
import { rangesOf, type Leaf } from './refine.js';
import { TUNING } from './tuning.js';

/** Per-row costs measured on the probe slab, in milliseconds of wall time (both sides work at once). */
export interface ProbeCosts {
  /** Hashing: the slower side's time for the probe slab ÷ its rows. */
  hashPerRow: number;
  /** Reading rows back and comparing them: time to read and pair the probe's differing rows ÷ those rows. */
  readPerRow: number;
}

/**
 * Whether the rest of the table is cheaper streamed (every row read back from both sides in key
 * ranges and compared, as the naive way does) than hashed. Hashing the rest costs `h` per row,
 * then reading back the share `f` of rows that lie in differing buckets costs `f × r` per row;
 * streaming costs `r` per row. So stream when `h + f × r ≥ r`, i.e. `f ≥ 1 − h / r`: the more
 * hashing costs next to reading (a fast link, a slow hash), the fewer differences it takes. `r`
 * is measured on the probe's differing rows, where per-query overhead weighs more than on long
 * streamed ranges: it is over-estimated, which errs toward hashing (the usual case).
 */
export function streamPays(dirtyShare: number, costs: ProbeCosts): boolean {
  if (dirtyShare <= 0 || !(costs.readPerRow > 0)) return false;
  return costs.hashPerRow + dirtyShare * costs.readPerRow >= costs.readPerRow;
}

/** Buckets first..last (not hashed) as ranges to stream, each of about TUNING.streamChunkRows rows. */
export function streamLeaves(layout: BucketLayout, first: number, last: number, rowsPerBucket: number): Leaf[] {
  const perLeaf = Math.max(1, Math.floor(TUNING.streamChunkRows / Math.max(1, rowsPerBucket)));
  const out: Leaf[] = [];
  for (let from = first; from <= last; from += perLeaf) {
    const to = Math.min(last, from + perLeaf - 1);
    out.push(rangesOf(layout, from, to, Math.ceil((to - from + 1) * rowsPerBucket)));
  }
  return out;
}
