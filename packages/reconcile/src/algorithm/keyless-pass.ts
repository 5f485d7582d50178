import type { BucketHash } from '../engines/engine-side.js';
import type { ComparePlan } from '../plan/compare-plan.js';
import { SIDE_NAMES, type SideName, type Sides } from './bucket-layout.js';
import { RowPairer, type PairingResult } from './row-pairing.js';
import { TUNING } from './tuning.js';

/** Differing partitions read back per query (each query scans the table once per side). */
const PARTITIONS_PER_FETCH = 4096;

export interface KeylessResult {
  counts: Record<SideName, bigint>;
  partitions: number;
  differing: number[];
  elapsedMs: Record<SideName, number>;
  /** Level rows only. */
  paired: PairingResult | null;
}

/** Partition bits for a table of `rows`: about TUNING.bucketRows rows per partition, at most TUNING.maxBuckets partitions. */
export function partitionBits(rows: number): number {
  let bits = 0;
  while (bits < 18 && 2 ** bits < Math.min(TUNING.maxBuckets, rows / TUNING.bucketRows)) bits++;
  return bits;
}

const same = (a: BucketHash | undefined, b: BucketHash | undefined) => (a?.count ?? 0n) === (b?.count ?? 0n) && (a?.sum ?? 0n) === (b?.sum ?? 0n);

/**
 * Compares a table that has no key by content: each side sums the canonical hashes of its rows
 * per partition (the top bits of the row hash, so identical rows always share a partition), in one
 * scan inside the database. Equal partitions hold the same multiset of rows (up to hash
 * collisions); at level rows, only the rows of differing partitions are read back and matched as
 * multisets — what is left over is missing or extra.
 */
export async function compareKeyless(
  plan: ComparePlan,
  sides: Sides,
  rowsEstimate: number,
  options: { level: 'checksum' | 'rows'; tolerance: number },
): Promise<KeylessResult> {
  const bits = partitionBits(rowsEstimate);
  const elapsedMs = { source: 0, target: 0 };
  const started = performance.now();
  const [source, target] = await Promise.all(
    SIDE_NAMES.map(async (name) => {
      const hashes = await sides[name].side.hashPartitions(bits);
      elapsedMs[name] = performance.now() - started;
      return hashes;
    }),
  );
  const counts = {
    source: source!.reduce((n, h) => n + h.count, 0n),
    target: target!.reduce((n, h) => n + h.count, 0n),
  };
  const differing: number[] = [];
  for (let i = 0; i < 2 ** bits; i++) if (!same(source![i], target![i])) differing.push(i);
  if (options.level !== 'rows') return { counts, partitions: 2 ** bits, differing, elapsedMs, paired: null };

  const pairer = new RowPairer(
    plan,
    { engine: sides.source.side.engine, columns: [...plan.source.key, ...plan.source.columns] },
    { engine: sides.target.side.engine, columns: [...plan.target.key, ...plan.target.columns] },
    options.tolerance,
  );
  for (let i = 0; i < differing.length; i += PARTITIONS_PER_FETCH) {
    const chunk = differing.slice(i, i + PARTITIONS_PER_FETCH);
    const [a, b] = await Promise.all(SIDE_NAMES.map((name) => sides[name].side.fetchPartitions(bits, chunk)));
    // Identical rows share a partition, so each chunk settles on its own.
    pairer.add(a!, b!);
  }
  return { counts, partitions: 2 ** bits, differing, elapsedMs, paired: pairer.finish() };
}
