import { bucketRange, type BucketHash, type KeyRange } from '../engines/engine-side.js';
import { buildLayout, type BucketLayout, type SideName, type Sides } from './bucket-layout.js';
import { differingBuckets, hashLayout } from './hash-pass.js';
import { TUNING } from './tuning.js';

/** A key range to read back from both sides, each in its own form. */
export type Leaf = Record<SideName, KeyRange>;

export interface RefineResult {
  leaves: Leaf[];
  /** Buckets that were split and hashed again. */
  refined: number;
  /** Rows hashed again while refining, per side. */
  rehashed: Record<SideName, number>;
}

function rangesOf(layout: BucketLayout, i: number): Leaf {
  return {
    source: bucketRange({ range: layout.range.source, bounds: layout.bounds.source }, i),
    target: bucketRange({ range: layout.range.target, bounds: layout.bounds.target }, i),
  };
}

/**
 * Turns differing buckets into ranges to read back. A small bucket is read as is. A large one
 * (skewed keys, or a table so big that buckets are large) is cut into buckets again and only its
 * differing parts descend: the extra hashing is bounded by the rows of differing buckets, never a
 * rescan of the table (the weakness of data-diff's bisection on scattered differences).
 */
export async function refineDiffering(
  sides: Sides,
  layout: BucketLayout,
  hashes: { source: BucketHash[]; target: BucketHash[] },
  options: { jobs: number; extent: { min: bigint; max: bigint } | null; depth?: number },
): Promise<RefineResult> {
  const depth = options.depth ?? 0;
  const out: RefineResult = { leaves: [], refined: 0, rehashed: { source: 0, target: 0 } };
  await Promise.all(
    differingBuckets(hashes).map(async (i) => {
      const rows = { source: Number(hashes.source[i]!.count), target: Number(hashes.target[i]!.count) };
      const range = rangesOf(layout, i);
      if (Math.max(rows.source, rows.target) <= TUNING.refineRows || depth >= TUNING.maxRefineDepth) {
        out.leaves.push(range);
        return;
      }
      const sub = await buildLayout(sides, range, rows, { topLevel: false, extent: options.extent });
      if (sub.buckets <= 1) {
        out.leaves.push(range);
        return;
      }
      const subHashes = await hashLayout(sides, sub, Math.max(rows.source, rows.target), { jobs: options.jobs });
      const deeper = await refineDiffering(sides, sub, subHashes, { ...options, depth: depth + 1 });
      out.refined += 1 + deeper.refined;
      out.rehashed.source += rows.source + deeper.rehashed.source;
      out.rehashed.target += rows.target + deeper.rehashed.target;
      out.leaves.push(...deeper.leaves);
    }),
  );
  return out;
}
