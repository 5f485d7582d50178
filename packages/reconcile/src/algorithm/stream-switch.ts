import type { BucketLayout } from './bucket-layout.js';
import { rangesOf, type Leaf } from './refine.js';
import { TUNING } from './tuning.js';

/** Per-row costs measured on the probe, in milliseconds of wall time (both sides work at once). */
export interface ProbeCosts {
  /** Hashing: the slower side's time for the hashed probe slab ÷ its rows. */
  hashPerRow: number;
  /** Streaming: time to read the streamed probe slab from both sides and pair it ÷ its rows. */
  readPerRow: number;
}

/**
 * Whether the rest of the table is cheaper streamed (every row read from both sides in key ranges
 * and compared, as the naive way does) than hashed. Hashing the rest costs `h` per row, then
 * reading back the share `f` of rows that lie in differing buckets costs `f × r` per row;
 * streaming costs `r` per row. So stream when `h + f × r ≥ r`, i.e. `f ≥ 1 − h / r`. With no
 * difference at all (`f = 0`) this still streams when hashing costs more than reading (MariaDB's
 * row text, md5 on both sides): the table is then compared at the cost of the cheaper of the two,
 * which is what makes reconcile no slower than reading both sides, by construction. Both costs
 * are measured on real work of this table (neither probe is wasted: its rows count as compared).
 */
export function streamPays(dirtyShare: number, costs: ProbeCosts): boolean {
  if (!(costs.readPerRow > 0) || !(costs.hashPerRow > 0)) return false;
  return costs.hashPerRow + Math.min(1, Math.max(0, dirtyShare)) * costs.readPerRow >= costs.readPerRow;
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
