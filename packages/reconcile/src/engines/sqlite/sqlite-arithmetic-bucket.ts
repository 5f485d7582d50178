import type { BucketRequest } from '../engine-side.js';

/** Beyond this magnitude a key or base is bucketed in BigInt: the double division could round up. */
const EXACT = 2 ** 52;

/**
 * The bucket of a stored key under an arithmetic request (bounds[i] = base + (i + 1) × width), as
 * SQLite's own `key >= bound AND key < bound` conditions would place it: integers and reals by
 * their value, text and blobs after every number (SQLite orders them after numbers). The hash
 * pass can then read a whole range in one scan and bucket each row here, instead of one query
 * per bucket.
 */
export function arithmeticBucketOf(request: BucketRequest): (key: unknown) => number {
  const { arithmetic, bounds } = request;
  if (!arithmetic) throw new Error('arithmeticBucketOf needs an arithmetic request');
  const last = bounds.length;
  if (last === 0) return () => 0;
  const base = arithmetic.base;
  const width = arithmetic.width;
  const first = base + width;
  const top = base + BigInt(last) * width;
  const exact = -EXACT <= base && top <= EXACT;
  const [baseN, widthN, firstN, topN] = [Number(base), Number(width), Number(first), Number(top)];
  const big = (k: bigint): number => (k < first ? 0 : k >= top ? last : Number((k - base) / width));
  return (key) => {
    if (typeof key === 'bigint') {
      if (!exact || key < -EXACT || key > EXACT) return big(key);
      key = Number(key);
    }
    if (typeof key !== 'number') return last;
    const k = key as number;
    if (k < firstN) return 0;
    if (k >= topN) return last;
    if (!exact) return Number.isInteger(k) ? big(BigInt(k)) : Math.min(last, Math.max(0, Math.floor((k - baseN) / widthN)));
    return Math.floor((k - baseN) / widthN);
  };
}
