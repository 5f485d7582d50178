import type { CanonicalHash } from '../hashing/row-text-fields.js';
import type { ComparedPair, RawValue } from '../normalization/canonical-value.js';
import type { ColumnShape, Engine, TableShape } from '../schema/table-shape.js';

/**
 * How a column enters a same-engine hash: its stored value (`raw`, the engine's own hash), its
 * float grid cell (`cell`, under a tolerance) or its canonical text (`canonical`: the types differ).
 * Cross-engine comparisons always hash canonical text.
 */
export type HashKind = 'raw' | 'cell' | 'canonical';

export interface SideColumn {
  /** This side's column name. */
  name: string;
  shape: ColumnShape;
  pair: ComparedPair;
  hashKind: HashKind;
}

/** Everything one side needs to hash and fetch a table. */
export interface SidePlan {
  table: TableShape;
  key: SideColumn[];
  /** Compared columns other than the key, in the same order on both sides. */
  columns: SideColumn[];
  where: string | null;
  tolerance: number;
  /** `native`: both sides are the same engine; `canonical`: normalized text, hashed alike on both. */
  hashMode: 'native' | 'canonical';
  /**
   * The hash of the canonical row text (across engines, and tables without a key): lookup3 when
   * both sides compute PostgreSQL's hashtextextended() byte for byte (lookup3Matches), else crc
   * when both compute the CRC pair (crcMatches), else md5. MySQL on both sides hashes its own row
   * text with it too.
   */
  canonicalHash: CanonicalHash;
  /** Whether an index serves range scans on the key (else a range query would scan the table). */
  keyIndexed: boolean;
  /** The other side is another engine (canonical hashing needs a UTF8 PostgreSQL database). */
  crossEngine: boolean;
  /**
   * IANA zone that timestamps written without a zone (`timestamp without time zone`, zone-less
   * text) are wall-clock times in; null: UTC.
   */
  naiveTimeZone: string | null;
}

/** A key as one side returned it (PostgreSQL: text of each column; SQLite: stored values). */
export type KeyTuple = RawValue[];

export interface KeyRange {
  /** Inclusive lower bound, null: unbounded. */
  lo: KeyTuple | null;
  /** Exclusive upper bound, null: unbounded. */
  hi: KeyTuple | null;
  /**
   * The enclosing range when this one was cut out of it (refinement): rows must lie in both. The
   * bounds of a refined range come from the other side's key order, which can disagree with this
   * side's, so the enclosing range is always applied too.
   */
  within?: KeyRange | null;
}

/** The range and every range it lies within, innermost first. */
export function rangeChain(range: KeyRange): KeyRange[] {
  const out: KeyRange[] = [];
  for (let r: KeyRange | null | undefined = range; r; r = r.within) out.push(r);
  return out;
}

/**
 * Buckets that cut `range`: bucket 0 ends at bounds[0], bucket i spans [bounds[i-1], bounds[i]),
 * the last starts at bounds[bounds.length - 1]; every bucket also lies within `range`. With
 * `arithmetic`, bounds[i] = base + (i + 1) × width (a dense integer key), and PostgreSQL computes
 * the bucket number by a division instead of a search.
 */
export interface BucketRequest {
  range: KeyRange;
  bounds: KeyTuple[];
  arithmetic: { base: bigint; width: bigint } | null;
}

/** Bucket i of a request as a range of its own. */
export function bucketRange(request: Pick<BucketRequest, 'range' | 'bounds'>, i: number): KeyRange {
  return { lo: i === 0 ? null : request.bounds[i - 1]!, hi: i === request.bounds.length ? null : request.bounds[i]!, within: request.range };
}

/** Row count and sum of row hashes (mod 2^64) of one bucket. */
export interface BucketHash {
  count: bigint;
  sum: bigint;
}

export interface DuplicateKeys {
  /** Keys that occur more than once. */
  keys: bigint;
  sample: KeyTuple[];
}

export interface SideStats {
  /** Bytes the comparison read from the database: wire bytes for PostgreSQL, value bytes for SQLite. */
  bytesFetched: number;
  queries: number;
  rowsFetched: number;
}

/** One database, as the algorithm uses it; every method may run `jobs` times concurrently. */
export interface EngineSide {
  readonly engine: Engine;
  readonly display: string;
  /** Opens up to `jobs` connections or workers (fewer when the server or machine has less room); returns how many. */
  open(jobs: number): Promise<number>;
  /**
   * Whether this side computes lookup3 exactly as PostgreSQL's `hashtextextended(text, 0)` on a
   * little-endian machine (the JavaScript in lookup3.ts): SQLite always (it runs that JavaScript),
   * PostgreSQL when a probe value hashed by the server matches it, MySQL never (no such function).
   */
  lookup3Matches(): Promise<boolean>;
  /**
   * Whether this side computes `CRC32(t) << 32 | CRC32C(t)` of a text exactly as crc32-pair.ts
   * does: SQLite always (it runs that JavaScript), MySQL when a probe matches (MariaDB 10.8+ has
   * CRC32C; MySQL 8 does not), PostgreSQL never (no SQL-callable CRC before PostgreSQL 18).
   */
  crcMatches(): Promise<boolean>;
  listTables(): Promise<string[]>;
  describeTable(name: string): Promise<TableShape | null>;
  prepare(plan: SidePlan): Promise<void>;
  /** Rows that pass --where (NULL keys included). */
  count(): Promise<bigint>;
  /** About how many rows pass --where, as cheaply as the engine can tell (sizes the buckets). */
  estimateRows(): Promise<bigint>;
  nullKeyCount(): Promise<bigint>;
  duplicateKeys(limit: number): Promise<DuplicateKeys>;
  /** Smallest and largest key (single-column keys), null for an empty table. */
  keyExtent(): Promise<{ min: KeyTuple; max: KeyTuple } | null>;
  /** Every `step`-th key of the range in this side's key order. */
  quantiles(range: KeyRange, step: number): Promise<KeyTuple[]>;
  /** Indexes of `keys` sorted in this side's key order (a permutation). */
  order(keys: KeyTuple[]): Promise<number[]>;
  hashBuckets(request: BucketRequest): Promise<BucketHash[]>;
  /** Rows (key columns, then compared columns) of every range. */
  fetchRows(ranges: KeyRange[]): Promise<RawValue[][]>;
  fetchNullKeyRows(): Promise<RawValue[][]>;
  /**
   * Tables compared without a key: count and sum of the canonical row hashes (as across
   * engines) per partition, the partition being the hash's top `bits` bits — identical rows share a
   * partition, so a differing partition localizes the differing rows without any key.
   */
  hashPartitions(bits: number): Promise<BucketHash[]>;
  /** Rows (compared columns) whose row hash falls in one of `partitions`. */
  fetchPartitions(bits: number, partitions: number[]): Promise<RawValue[][]>;
  stats(): Promise<SideStats>;
  close(): Promise<void>;
}
