import { bucketRange, type BucketHash, type KeyRange } from '../engines/engine-side.js';
import { buildLayout, type BucketLayout, type SideName, type Sides } from './bucket-layout.js';
import { differingBuckets, hashLayout } from './hash-pass.js';
import { TUNING } from './tuning.js';

/** A key range to read back from both sides, each in its own form, and about how many rows it holds (the larger side). */
export type Leaf = Record<SideName, KeyRange> & { rows: number };

export interface RefineResult {
  leaves: Leaf[];
  /** Buckets that were split and hashed again. */
  refined: number;
  /** Rows hashed again while refining, per side. */
  rehashed: Record<SideName, number>;
}

/** Buckets first..last of a layout as one range to read back. */
export function rangesOf(layout: BucketLayout, first: number, last = first, rows = 0): Leaf {
  const side = (name: SideName): KeyRange => {
    const request = { range: layout.range[name], bounds: layout.bounds[name] };
    return { lo: bucketRange(request, first).lo, hi: bucketRange(request, last).hi, within: layout.range[name] };
  };
  return { source: side('source'), target: side('target'), rows };
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
  options: { jobs: number; extent: { min: bigint; max: bigint } | null; depth?: number; differing?: number[] },
): Promise<RefineResult> {
  const depth = options.depth ?? 0;
  const out: RefineResult = { leaves: [], refined: 0, rehashed: { source: 0, target: 0 } };
  const rowsOf = (i: number) => ({ source: Number(hashes.source[i]!.count), target: Number(hashes.target[i]!.count) });
  const small = (i: number) => Math.max(rowsOf(i).source, rowsOf(i).target) <= TUNING.refineRows || depth >= TUNING.maxRefineDepth;
  const differing = options.differing ?? differingBuckets(hashes);
  // Runs of adjacent small differing buckets are read back as one range: one sequential read
  // instead of one per bucket, which is what makes many differences cost no more than streaming.
  for (let run = 0; run < differing.length; ) {
    const first = differing[run]!;
    if (!small(first)) {
      run++;
      continue;
    }
    let last = first;
    let rows = Math.max(rowsOf(first).source, rowsOf(first).target);
    let next = run + 1;
    while (next < differing.length && differing[next] === last + 1 && small(last + 1)) {
      const more = Math.max(rowsOf(last + 1).source, rowsOf(last + 1).target);
      if (rows + more > TUNING.streamChunkRows) break;
      rows += more;
      last++;
      next++;
    }
    out.leaves.push(rangesOf(layout, first, last, rows));
    run = next;
  }
  await Promise.all(
    differing.map(async (i) => {
      if (small(i)) return;
      const rows = rowsOf(i);
      const range = rangesOf(layout, i, i, Math.max(rows.source, rows.target));
      const sub = await buildLayout(sides, range, rows, { topLevel: false, extent: options.extent });
      if (sub.buckets <= 1) {
        out.leaves.push(range);
        return;
      }
      const subHashes = await hashLayout(sides, sub, Math.max(rows.source, rows.target), { jobs: options.jobs });
      const deeper = await refineDiffering(sides, sub, subHashes, { ...options, depth: depth + 1, differing: undefined });
      out.refined += 1 + deeper.refined;
      out.rehashed.source += rows.source + deeper.rehashed.source;
      out.rehashed.target += rows.target + deeper.rehashed.target;
      out.leaves.push(...deeper.leaves);
    }),
  );
  return out;
}
