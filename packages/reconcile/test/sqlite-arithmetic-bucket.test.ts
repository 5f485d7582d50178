import { describe, expect, it } from 'vitest';
import { arithmeticBucketOf } from '../src/engines/sqlite/sqlite-arithmetic-bucket.js';

describe('arithmetic buckets of SQLite keys', () => {
  // bounds 10, 20, 30: buckets (-inf, 10), [10, 20), [20, 30), [30, +inf)
  const request = { range: { lo: null, hi: null }, bounds: [[10n], [20n], [30n]], arithmetic: { base: 0n, width: 10n } };
  const bucketOf = arithmeticBucketOf(request);

  it('places integers and reals as the range conditions key >= bound AND key < bound do', () => {
    expect([-5n, 0n, 9n, 10n, 19n, 20n, 29n, 30n, 1000n].map(bucketOf)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3]);
    expect([9.5, 10, 19.999, 29.5, -1e300, 1e300].map(bucketOf)).toEqual([0, 1, 1, 2, 0, 3]);
  });

  it('puts text and blobs after every number, where SQLite orders them', () => {
    expect(bucketOf('5')).toBe(3);
    expect(bucketOf(new Uint8Array([1]))).toBe(3);
  });

  it('divides exactly beyond 2^53 (BigInt), where a double quotient would round', () => {
    const base = 2n ** 60n;
    const big = arithmeticBucketOf({ range: { lo: null, hi: null }, bounds: [[base + 3n], [base + 6n]], arithmetic: { base, width: 3n } });
    expect([base + 2n, base + 3n, base + 5n, base + 6n, base - 1n].map(big)).toEqual([0, 1, 1, 2, 0]);
  });

  it('has one bucket when there are no bounds', () => {
    expect(arithmeticBucketOf({ range: { lo: null, hi: null }, bounds: [], arithmetic: { base: 0n, width: 1n } })(42n)).toBe(0);
  });
});
