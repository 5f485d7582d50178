import { keyForSide } from '../engines/key-conversion.js';
import type { EngineSide, KeyRange, KeyTuple, SidePlan } from '../engines/engine-side.js';
import { longestIncreasingSubsequence } from './longest-increasing-subsequence.js';
import { TUNING } from './tuning.js';

export type SideName = 'source' | 'target';

export interface Sides {
  source: { side: EngineSide; plan: SidePlan };
  target: { side: EngineSide; plan: SidePlan };
}

/** The same buckets on both sides: each side's range and bounds in that side's own form. */
export interface BucketLayout {
  buckets: number;
  range: Record<SideName, KeyRange>;
  bounds: Record<SideName, KeyTuple[]>;
  arithmetic: { base: bigint; width: bigint } | null;
  /** Bounds dropped because the two sides order the key differently (collations). */
  dropped: number;
}

export const SIDE_NAMES: SideName[] = ['source', 'target'];

export function singleBucket(range: Record<SideName, KeyRange>): BucketLayout {
  return { buckets: 1, range, bounds: { source: [], target: [] }, arithmetic: null, dropped: 0 };
}

const asBigInt = (value: unknown): bigint => BigInt(String(value));

function integerKey(sides: Sides): boolean {
  return sides.source.plan.key.length === 1 && SIDE_NAMES.every((s) => sides[s].plan.key[0]!.shape.family === 'integer');
}

function bucketsFor(rows: number): number {
  return Math.min(TUNING.maxBuckets, Math.max(1, Math.ceil(rows / TUNING.bucketRows)));
}

/** Buckets by division: [lo, hi) cut into `wanted` equal spans. */
function arithmeticLayout(sides: Sides, range: Record<SideName, KeyRange>, lo: bigint, hi: bigint, wanted: number): BucketLayout {
  const span = hi - lo;
  const width = (span + BigInt(wanted) - 1n) / BigInt(wanted);
  const buckets = Number((span + width - 1n) / width);
  const raw: KeyTuple[] = Array.from({ length: buckets - 1 }, (_, i) => [lo + BigInt(i + 1) * width]);
  return {
    buckets,
    range,
    bounds: {
      source: raw.map((b) => keyForSide(b, sides.source.side.engine, sides.source.plan)),
      target: raw.map((b) => keyForSide(b, sides.target.side.engine, sides.target.plan)),
    },
    arithmetic: { base: lo, width },
    dropped: 0,
  };
}

const tupleId = (tuple: KeyTuple): string =>
  tuple.map((v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : `${typeof v}:${String(v)}`)).join('\u0000');

/**
 * Buckets by sampled keys: every `step`-th key of the side with more rows is a bound. The other
 * side orders the bounds too; where the two orders disagree (a collation), only bounds sorted on
 * both are kept (a longest increasing subsequence), so that each side's buckets partition its rows.
 */
async function quantileLayout(sides: Sides, range: Record<SideName, KeyRange>, rows: Record<SideName, number>, wanted: number): Promise<BucketLayout> {
  const reference: SideName = rows.source >= rows.target ? 'source' : 'target';
  const other: SideName = reference === 'source' ? 'target' : 'source';
  const step = Math.max(1, Math.floor(rows[reference] / wanted));
  const sampled = await sides[reference].side.quantiles(range[reference], step);
  const unique: KeyTuple[] = [];
  const seen = new Set<string>();
  for (const tuple of sampled) {
    const id = tupleId(tuple);
    if (!seen.has(id)) unique.push(tuple);
    seen.add(id);
  }
  const converted = unique.map((b) => keyForSide(b, sides[other].side.engine, sides[other].plan));
  const order = await sides[other].side.order(converted);
  const rank = new Array<number>(order.length);
  order.forEach((index, position) => (rank[index] = position));
  const kept = longestIncreasingSubsequence(rank);
  const bounds = { [reference]: kept.map((i) => unique[i]!), [other]: kept.map((i) => converted[i]!) } as Record<SideName, KeyTuple[]>;
  return { buckets: kept.length + 1, range, bounds, arithmetic: null, dropped: unique.length - kept.length };
}

/**
 * Cuts a key range (the whole table, or a differing bucket being refined) into buckets of about
 * TUNING.bucketRows rows. Integer keys dense in their span are cut by division (no sampling scan);
 * other keys by sampled bounds. An unindexed key gets one bucket: each bucket would cost a scan.
 */
export async function buildLayout(
  sides: Sides,
  range: Record<SideName, KeyRange>,
  rows: Record<SideName, number>,
  options: { topLevel: boolean; extent: { min: bigint; max: bigint } | null },
): Promise<BucketLayout> {
  const most = Math.max(rows.source, rows.target);
  const wanted = bucketsFor(most);
  if (wanted <= 1 || !sides.source.plan.keyIndexed || !sides.target.plan.keyIndexed) return singleBucket(range);
  if (integerKey(sides)) {
    const lo = range.source.lo ? asBigInt(range.source.lo[0]) : options.extent?.min;
    const hi = range.source.hi ? asBigInt(range.source.hi[0]) : options.extent ? options.extent.max + 1n : undefined;
    if (lo !== undefined && hi !== undefined && hi - lo >= 2n) {
      const dense = hi - lo <= BigInt(TUNING.denseSpanPerRow) * BigInt(Math.max(1, most));
      if (dense || !options.topLevel) return arithmeticLayout(sides, range, lo, hi, Math.min(wanted, Number(hi - lo)));
    } else if (lo !== undefined && hi !== undefined) return singleBucket(range);
  }
  return quantileLayout(sides, range, rows, wanted);
}
