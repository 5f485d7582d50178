import { describe, expect, it } from 'vitest';
import type { KeyRange } from '../src/engines/engine-side.js';
import { rangeBatches } from '../src/engines/server/range-batches.js';

/** The fetch batching PostgreSQL and MySQL sides share; the SQL of a bound is the engine's (here a stand-in). */
const bounds = (range: KeyRange, params: unknown[]): string[] => {
  const out: string[] = [];
  if (range.lo) out.push(`k >= $${params.push(range.lo[0])}`);
  if (range.hi) out.push(`k < $${params.push(range.hi[0])}`);
  return out;
};

describe('rangeBatches', () => {
  it('puts 100 ranges in a query, parameters numbered per query', () => {
    const ranges: KeyRange[] = Array.from({ length: 205 }, (_, i) => ({ lo: [i * 10], hi: [i * 10 + 10] }));
    const batches = rangeBatches(ranges, bounds);
    expect(batches.map((b) => b.params.length)).toEqual([200, 200, 10]);
    expect(batches[2]!.params).toEqual([2000, 2010, 2010, 2020, 2020, 2030, 2030, 2040, 2040, 2050]);
    expect(batches[2]!.condition.startsWith('((k >= $1 AND k < $2) OR (k >= $3 AND k < $4) OR')).toBe(true);
  });

  it('applies the enclosing ranges of a refined range, and an unbounded range is TRUE', () => {
    const outer: KeyRange = { lo: [0], hi: [100] };
    expect(
      rangeBatches(
        [
          { lo: [10], hi: null, within: outer },
          { lo: null, hi: null },
        ],
        bounds,
      ),
    ).toEqual([{ condition: '((k >= $1 AND k >= $2 AND k < $3) OR TRUE)', params: [10, 0, 100] }]);
  });

  it('no ranges, no query', () => {
    expect(rangeBatches([], bounds)).toEqual([]);
  });
});
