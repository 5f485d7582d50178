/**
 * The numbers the algorithm is tuned by. A bucket is small enough that reading back the rows of
 * a differing one costs little next to the hash scan; a slab is the unit a job hashes at once
 * (and --resume records).
 */
export const TUNING = {
  /** Rows per bucket aimed at in the first pass. */
  bucketRows: 64,
  /** At most this many buckets per table (memory: two 64-bit numbers per bucket and side). */
  maxBuckets: 262_144,
  /** A single integer key with at most this many key values per row counts as dense: buckets by division. */
  denseSpanPerRow: 4,
  /**
   * Rows per slab at most (a slab is one hashing query per side and one --resume record). Slabs
   * are large on purpose: a whole-table query lets PostgreSQL scan sequentially (and in parallel),
   * while a key range becomes an index scan, about twice as slow per row.
   */
  slabRows: 1_000_000,
  /** A differing bucket with more rows than this on either side is split and hashed again before rows are read. */
  refineRows: 2_000,
  /** How deep refinement may go. */
  maxRefineDepth: 4,
  /** Ranges read back per fetch request. */
  rangesPerFetch: 200,
  /** Rows (estimated) read back per fetch request at most: memory holds a few of these. */
  rowsPerFetch: 20_000,
  /** Adjacent differing buckets are read back as one range of at most this many rows (and streamed ranges are cut at it). */
  streamChunkRows: 8_192,
  /** Level rows: the probe slab is this share (1/n) of the buckets, hashed first (see stream-switch.ts). */
  probeShare: 16,
  /** Tables with fewer buckets get no probe (the whole hash pass is cheap). */
  probeMinBuckets: 256,
  /**
   * Level rows: the probe's next range is streamed (to time streaming against hashing) only when
   * at least this share of the hashed probe's rows lies in differing buckets. Below it streaming
   * cannot win unless hashing costs more than 3/4 of streaming per row; measured, hashing cost
   * 1/13 to 2/3 of it on every pair of the benchmark.
   */
  streamProbeMinShare: 0.25,
  /** The read cost is trusted when measured on at least this many rows read back from the probe; fewer: keep hashing. */
  probeMinReadRows: 1_024,
} as const;
