import type { BucketHash, BucketRequest } from '../engines/engine-side.js';
import { SIDE_NAMES, type BucketLayout, type SideName, type Sides } from './bucket-layout.js';
import { TUNING } from './tuning.js';

/** Hashes of both sides for one slab (a run of consecutive buckets). */
export interface SlabHashes {
  source: BucketHash[];
  target: BucketHash[];
}

export interface HashPassOptions {
  jobs: number;
  /** Slabs already hashed by an earlier run (--resume), by slab number. */
  done?: ReadonlyMap<number, SlabHashes>;
  /** Called when both sides have hashed a slab. */
  onSlab?: (slab: number, hashes: SlabHashes) => void;
  /** The slabs (default: slabsOf without a probe). */
  slabs?: [number, number][];
  /** Hash only these slabs (by number); the other buckets stay unhashed (undefined). */
  only?: readonly number[];
}

export interface HashPassResult {
  source: BucketHash[];
  target: BucketHash[];
  /** Milliseconds each side spent until its last slab was hashed. */
  elapsedMs: Record<SideName, number>;
}

/**
 * How the buckets of a layout are grouped into slabs: [first, last] bucket numbers. With `probe`
 * (level rows, large enough tables), slab 0 is a small probe of the first buckets, hashed first,
 * and slab 1 the next few buckets, streamed: together they tell what hashing and streaming cost
 * per row on this table and how many rows differ, before the rest is hashed or streamed (see
 * stream-switch.ts).
 */
export function slabsOf(layout: BucketLayout, rows: number, jobs: number, probe = false): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  if (probe && layout.buckets >= TUNING.probeMinBuckets) {
    const rowsPerBucket = Math.max(1, rows / layout.buckets);
    const hashed = Math.ceil(layout.buckets / TUNING.probeShare);
    // Streamed: one streamed range (one query per side), at most a sixteenth. When hashing wins,
    // these rows cost r − h more than hashing them would: the price of knowing r, kept small.
    const streamed = Math.min(hashed, Math.ceil(TUNING.streamChunkRows / rowsPerBucket));
    out.push([0, hashed - 1], [hashed, hashed + streamed - 1]);
    start = hashed + streamed;
    rows -= Math.round(start * rowsPerBucket);
  }
  const left = layout.buckets - start;
  const wantedSlabs = Math.max(jobs, Math.ceil(Math.max(0, rows) / TUNING.slabRows));
  const perSlab = Math.max(1, Math.ceil(left / wantedSlabs));
  for (let first = start; first < layout.buckets; first += perSlab) out.push([first, Math.min(layout.buckets, first + perSlab) - 1]);
  return out;
}

/** The request for buckets first..last, renumbered from 0, as one side sees them. */
function slabRequest(layout: BucketLayout, side: SideName, first: number, last: number): BucketRequest {
  const bounds = layout.bounds[side];
  return {
    range: { lo: first > 0 ? bounds[first - 1]! : null, hi: last < layout.buckets - 1 ? bounds[last]! : null, within: layout.range[side] },
    bounds: bounds.slice(first, last),
    arithmetic: layout.arithmetic ? { base: layout.arithmetic.base + BigInt(first) * layout.arithmetic.width, width: layout.arithmetic.width } : null,
  };
}

/**
 * One hashing scan per side, both sides at once: every slab is one query per side (a job), and
 * each query returns count and hash sum for every bucket of the slab, so the data is read once
 * whatever the number or spread of differences.
 */
export async function hashLayout(sides: Sides, layout: BucketLayout, rows: number, options: HashPassOptions): Promise<HashPassResult> {
  const slabs = options.slabs ?? slabsOf(layout, rows, options.jobs);
  const only = options.only ? new Set(options.only) : null;
  const result: HashPassResult = {
    source: new Array<BucketHash>(layout.buckets),
    target: new Array<BucketHash>(layout.buckets),
    elapsedMs: { source: 0, target: 0 },
  };
  const started = performance.now();
  const partial = new Map<number, Partial<SlabHashes>>();
  const finish = (slab: number, side: SideName, hashes: BucketHash[]) => {
    const [first] = slabs[slab]!;
    hashes.forEach((h, i) => (result[side][first + i] = h));
    const entry = partial.get(slab) ?? {};
    entry[side] = hashes;
    partial.set(slab, entry);
    if (entry.source && entry.target) {
      partial.delete(slab);
      options.onSlab?.(slab, entry as SlabHashes);
    }
  };
  await Promise.all(
    SIDE_NAMES.map(async (side) => {
      await Promise.all(
        slabs.map(async ([first, last], slab) => {
          if (only && !only.has(slab)) return;
          const stored = options.done?.get(slab);
          if (stored) {
            stored[side].forEach((h, i) => (result[side][first + i] = h));
            return;
          }
          finish(slab, side, await sides[side].side.hashBuckets(slabRequest(layout, side, first, last)));
        }),
      );
      result.elapsedMs[side] = performance.now() - started;
    }),
  );
  return result;
}

/** Bucket numbers whose count or hash sum differ (buckets not hashed are skipped). */
export function differingBuckets(result: Pick<HashPassResult, 'source' | 'target'>, from = 0, to = result.source.length - 1): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) {
    const a = result.source[i];
    const b = result.target[i];
    if (a && b && (a.count !== b.count || a.sum !== b.sum)) out.push(i);
  }
  return out;
}
