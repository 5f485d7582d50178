import { type KeyRange, rangeChain } from '../engine-side.js';

/** Ranges per fetch query: enough to save round trips, few enough for the planner to use the index. */
export const RANGES_PER_FETCH = 100;

/** One fetch query's share of the ranges: a condition (the ranges ORed) and the parameters it names. */
export interface RangeBatch {
  condition: string;
  params: unknown[];
}

/**
 * Key ranges to fetch the rows of, in batches of RANGES_PER_FETCH: each range with the ranges it
 * lies within, in the engine's SQL (`bounds` adds its parameters), the batch's ranges ORed.
 */
export function rangeBatches(ranges: readonly KeyRange[], bounds: (range: KeyRange, params: unknown[]) => string[]): RangeBatch[] {
  const batches: RangeBatch[] = [];
  for (let i = 0; i < ranges.length; i += RANGES_PER_FETCH) {
    const params: unknown[] = [];
    const alternatives = ranges.slice(i, i + RANGES_PER_FETCH).map((range) => {
      const parts = rangeChain(range).flatMap((r) => bounds(r, params));
      return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
    });
    batches.push({ condition: `(${alternatives.join(' OR ')})`, params });
  }
  return batches;
}
