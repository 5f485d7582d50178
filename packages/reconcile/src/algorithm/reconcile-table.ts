import { bucketRange, type EngineSide, type KeyTuple, type SideStats } from '../engines/engine-side.js';
import { displayValue } from '../normalization/canonical-value.js';
import type { ComparePlan } from '../plan/compare-plan.js';
import type { ProgressSink } from '../progress/progress-sink.js';
import type { ReconcileLevel, TableReport } from '../report/reconcile-report.js';
import type { ResumeState } from '../resume/resume-state.js';
import { buildLayout, SIDE_NAMES, singleBucket, type BucketLayout, type SideName, type Sides } from './bucket-layout.js';
import { differingBuckets, hashLayout, slabsOf, type HashPassResult, type SlabHashes } from './hash-pass.js';
import { streamLeaves } from './stream-switch.js';
import type { TableStrategy } from '../report/reconcile-report.js';
import { decideRest, hashedWholeReason, shouldTimeStream, startStrategy, type StrategyChoice } from '../strategy/strategy-choice.js';
import { refineDiffering, type Leaf } from './refine.js';
import { compareKeyless } from './keyless-pass.js';
import { RowPairer, type FoundDifference, type PairingResult } from './row-pairing.js';
import { TUNING } from './tuning.js';

export type { StrategyChoice };

export interface TableRunOptions {
  level: ReconcileLevel;
  strategy: StrategyChoice;
  jobs: number;
  limit: number;
  tolerance: number;
  resume: ResumeState | null;
  progress: ProgressSink;
}

export interface TableOutcome {
  plan: ComparePlan;
  report: TableReport;
  /** Every row difference found (not only the listed ones), for fix SQL. */
  differences: FoundDifference[];
}

const DUPLICATE_SAMPLES = 5;

function keyRecord(names: string[], tuple: KeyTuple | null): Record<string, string | null> | null {
  if (!tuple) return null;
  const out: Record<string, string | null> = {};
  names.forEach((name, i) => (out[name] = displayValue(tuple[i] ?? null)));
  return out;
}

async function both<T>(sides: Sides, work: (side: EngineSide, name: SideName) => Promise<T>): Promise<Record<SideName, T>> {
  const [source, target] = await Promise.all(SIDE_NAMES.map((name) => work(sides[name].side, name)));
  return { source: source!, target: target! };
}

const toNumber = (n: bigint): number => Number(n);

/** Puts the paired rows' counts and listed differences into the report; returns every difference. */
function applyPaired(report: TableReport, paired: PairingResult, limit: number): FoundDifference[] {
  const differences = paired.differences;
  const count = (kind: string) => differences.filter((d) => d.kind === kind).length;
  report.missing = count('missing');
  report.extra = count('extra');
  report.changed = count('changed');
  report.unchanged = Math.max(0, report.rows_source! - report.missing - report.changed);
  report.column_mismatches = paired.columnMismatches;
  const listed = (kind: 'missing' | 'extra' | 'changed') =>
    differences
      .filter((d) => d.kind === kind)
      .slice(0, limit)
      .map((d) => ({ key: d.key, ...(kind === 'changed' ? { columns: d.columns } : {}), ...(d.duplicateKey ? { duplicate_key: true } : {}) }));
  report.differences = {
    missing: listed('missing'),
    extra: listed('extra'),
    changed: listed('changed'),
    truncated: [report.missing, report.extra, report.changed].some((n) => n > limit),
  };
  return differences;
}

/**
 * Reads back the rows of the differing ranges, a chunk of ranges at a time from both sides, and
 * pairs each chunk as it arrives: at most `jobs + 1` chunks (TUNING.rangesPerFetch ranges, about
 * TUNING.rowsPerFetch rows) are in memory at once. Returns the rows read per side.
 */
async function fetchAndPair(sides: Sides, leaves: Leaf[], pairer: RowPairer, jobs: number, nullKeyRows: boolean): Promise<Record<SideName, number>> {
  const chunks: Leaf[][] = [];
  let chunk: Leaf[] = [];
  let rows = 0;
  for (const leaf of leaves) {
    if (chunk.length && (chunk.length >= TUNING.rangesPerFetch || rows + leaf.rows > TUNING.rowsPerFetch)) {
      chunks.push(chunk);
      chunk = [];
      rows = 0;
    }
    chunk.push(leaf);
    rows += leaf.rows;
  }
  if (chunk.length) chunks.push(chunk);
  const read = { source: 0, target: 0 };
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const mine = chunks[next++]!;
      const fetched = await both(sides, (side, name) => side.fetchRows(mine.map((leaf) => leaf[name])));
      read.source += fetched.source.length;
      read.target += fetched.target.length;
      pairer.add(fetched.source, fetched.target);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
  if (nullKeyRows) {
    const nulls = await both(sides, (side) => side.fetchNullKeyRows());
    pairer.add(nulls.source, nulls.target);
  }
  return read;
}

/**
 * Compares one table: counts; NULL and duplicate keys; then (level checksum or rows) one hashing
 * scan per side over key buckets; then (level rows) the rows of the differing buckets only, read
 * back and compared column by column.
 */
export async function reconcileTable(plan: ComparePlan, engines: Record<SideName, EngineSide>, options: TableRunOptions): Promise<TableOutcome> {
  const started = performance.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round((phases[name] ?? 0) * 1000 + now - mark) / 1000;
    mark = now;
  };
  const sides: Sides = { source: { side: engines.source, plan: plan.source }, target: { side: engines.target, plan: plan.target } };
  const statsBefore = await both(sides, (side) => side.stats());
  await both(sides, (side, name) => side.prepare(sides[name].plan));
  const warnings = [...plan.warnings];

  const keyless = plan.key.length === 0;
  // Counting scans the table on PostgreSQL; for checksums the hash pass counts every bucket anyway,
  // so only level count (and sizing, from statistics) asks for counts here.
  const counted = options.level === 'count' ? await both(sides, (side) => side.count()) : null;
  const estimated = counted ?? (await both(sides, (side) => side.estimateRows()));
  const nullKeys = await both(sides, (side, name) =>
    keyless || !sides[name].plan.key.some((c) => c.shape.nullable) ? Promise.resolve(0n) : side.nullKeyCount(),
  );
  const duplicates = keyless
    ? { source: { keys: 0n, sample: [] }, target: { keys: 0n, sample: [] } }
    : await both(sides, (side) => side.duplicateKeys(DUPLICATE_SAMPLES));
  const keyed = { source: Math.max(0, toNumber(estimated.source - nullKeys.source)), target: Math.max(0, toNumber(estimated.target - nullKeys.target)) };
  const counts = counted ?? { source: 0n, target: 0n };
  phase('count');

  const report: TableReport = {
    table: plan.name,
    status: 'equal',
    key: plan.key,
    columns: plan.columns,
    columns_only_in_source: plan.columnsOnlyInSource,
    columns_only_in_target: plan.columnsOnlyInTarget,
    rows_source: toNumber(counts.source),
    rows_target: toNumber(counts.target),
    missing: null,
    extra: null,
    changed: null,
    unchanged: null,
    column_mismatches: {},
    key_problems: {
      null_keys_source: toNumber(nullKeys.source),
      null_keys_target: toNumber(nullKeys.target),
      duplicate_keys_source: toNumber(duplicates.source.keys),
      duplicate_keys_target: toNumber(duplicates.target.keys),
      duplicate_samples_source: duplicates.source.sample.map((t) => keyRecord(plan.key, t)!),
      duplicate_samples_target: duplicates.target.sample.map((t) => keyRecord(plan.key, t)!),
    },
    checksum: null,
    strategy: null,
    differences: { missing: [], extra: [], changed: [], truncated: false },
    performance: {
      seconds: 0,
      phases: {},
      source: { rows_per_second: null, bytes_fetched: 0, rows_fetched: 0, queries: 0 },
      target: { rows_per_second: null, bytes_fetched: 0, rows_fetched: 0, queries: 0 },
    },
    warnings,
  };
  for (const name of SIDE_NAMES) {
    if (nullKeys[name] > 0n) warnings.push(`${nullKeys[name]} row(s) of the ${name} have a NULL key; they are compared as a multiset of whole rows`);
    if (duplicates[name].keys > 0n)
      warnings.push(`${duplicates[name].keys} key value(s) occur more than once in the ${name}; their rows are compared as a multiset`);
  }
  let differences: FoundDifference[] = [];
  let different = plan.columnsOnlyInSource.length > 0 || (counted !== null && counted.source !== counted.target);

  if (options.level !== 'count' && keyless) {
    options.progress.start(plan.name, keyed.source + keyed.target);
    const result = await compareKeyless(plan, sides, Math.max(keyed.source, keyed.target), { level: options.level, tolerance: options.tolerance });
    options.progress.stop();
    phase('hash');
    for (const name of SIDE_NAMES) {
      counts[name] = result.counts[name];
      report[`rows_${name}`] = toNumber(counts[name]);
      const seconds = result.elapsedMs[name] / 1000;
      report.performance[name].rows_per_second = counts[name] > 0n && seconds > 0 ? Math.round(toNumber(counts[name]) / seconds) : null;
    }
    report.checksum = { buckets: result.partitions, differing_buckets: result.differing.length, refined_buckets: 0, differing_ranges: [] };
    report.strategy = { ran: 'hash', reason: 'no key: rows hashed by content into partitions (a key range cannot be streamed)' };
    different = different || counts.source !== counts.target || result.differing.length > 0;
    if (result.paired) {
      differences = applyPaired(report, result.paired, options.limit);
      different = differences.length > 0 || plan.columnsOnlyInSource.length > 0;
    }
    phase('fetch');
  } else if (options.level !== 'count') {
    // Dense integer keys are cut by division: the key's extent comes from the index ends.
    const integer = plan.source.key.length === 1 && plan.source.key[0]!.shape.family === 'integer' && plan.target.key[0]!.shape.family === 'integer';
    let extent: { min: bigint; max: bigint } | null = null;
    if (integer) {
      const extents = await both(sides, (side) => side.keyExtent());
      const values = SIDE_NAMES.flatMap((n) => (extents[n] ? [BigInt(String(extents[n]!.min[0])), BigInt(String(extents[n]!.max[0]))] : []));
      if (values.length) extent = { min: values.reduce((a, b) => (b < a ? b : a)), max: values.reduce((a, b) => (b > a ? b : a)) };
    }
    const whole = { source: { lo: null, hi: null }, target: { lo: null, hi: null } };
    let layout: BucketLayout | null = options.resume?.layout(plan.name) ?? null;
    if (!layout) layout = keyed.source + keyed.target === 0 ? singleBucket(whole) : await buildLayout(sides, whole, keyed, { topLevel: true, extent });
    if (layout.dropped > 0) warnings.push(`${layout.dropped} bucket bound(s) dropped: the two sides order the key differently (collation)`);
    const most = Math.max(keyed.source, keyed.target);
    // Level rows: the strategy per table. `auto` hashes a probe slab and streams the next one,
    // both timed, then hashes or streams the rest, whichever costs less (strategy-choice.ts).
    const wantsProbe = options.level === 'rows' && options.strategy === 'auto';
    const proposed = slabsOf(layout, most, options.jobs, wantsProbe);
    const recorded = options.resume ? await options.resume.begin(plan.name, layout, proposed) : proposed;
    // A state file from before the probe ran with --resume: its slabs had no probe; keep them, and hash.
    const slabs = recorded ?? slabsOf(layout, most, options.jobs, false);
    const shape = { buckets: layout.buckets, slabs: slabs.length, recorded: recorded !== null };
    const start = startStrategy(options.level, options.strategy, shape);
    phase('layout');

    options.progress.start(plan.name, keyed.source + keyed.target);
    const onSlab = (slab: number, hashes: SlabHashes) => {
      options.progress.advance(
        hashes.source.concat(hashes.target).reduce((n, h) => n + Number(h.count), 0),
        'hashing',
      );
      void options.resume?.slabDone(plan.name, slab, hashes);
    };
    const pairer =
      options.level === 'rows'
        ? new RowPairer(
            plan,
            { engine: engines.source.engine, columns: [...plan.source.key, ...plan.source.columns] },
            { engine: engines.target.engine, columns: [...plan.target.key, ...plan.target.columns] },
            options.tolerance,
            nullKeys.source === 0n && nullKeys.target === 0n && duplicates.source.keys === 0n && duplicates.target.keys === 0n,
          )
        : null;
    const streamed = { buckets: 0, source: 0, target: 0 };
    const rowsPerBucket = most / Math.max(1, layout.buckets);
    /** Streams buckets first..last: read from both sides in key ranges and paired, never hashed. */
    const stream = async (first: number, last: number) => {
      if (last < first) return { ms: 0, rows: 0 };
      const before = performance.now();
      options.progress.advance(0, 'streaming rows');
      const read = await fetchAndPair(sides, streamLeaves(layout!, first, last, rowsPerBucket), pairer!, options.jobs, false);
      streamed.buckets += last - first + 1;
      streamed.source += read.source;
      streamed.target += read.target;
      options.progress.advance(read.source + read.target, 'streaming rows');
      phase('fetch');
      return { ms: performance.now() - before, rows: Math.max(read.source, read.target) };
    };
    let refinedBuckets = 0;
    const done = options.resume?.slabs(plan.name);
    const slabNumbers = (from: number) => slabs.map((_, i) => i).slice(from);
    const hashed: HashPassResult = { source: new Array(layout.buckets), target: new Array(layout.buckets), elapsedMs: { source: 0, target: 0 } };
    const hashSlabs = async (only: number[], stored = done) => {
      const elapsed = { ...hashed.elapsedMs };
      const pass = await hashLayout(sides, layout!, most, { jobs: options.jobs, slabs, only, done: stored, onSlab });
      for (const name of SIDE_NAMES) {
        pass[name].forEach((h, i) => {
          if (h) hashed[name][i] = h;
        });
        hashed.elapsedMs[name] = elapsed[name] + pass.elapsedMs[name];
      }
      phase('hash');
    };
    let strategy: TableStrategy;
    if (start.wanted === 'stream') {
      await stream(0, layout.buckets - 1);
      strategy = { ran: 'stream', reason: '--strategy stream' };
    } else if (!start.probed) {
      await hashSlabs(slabNumbers(0));
      strategy = { ran: 'hash', reason: hashedWholeReason(options.level, start, shape) };
    } else {
      const [, probeLast] = slabs[0]!;
      const [streamFirst, streamLast] = slabs[1]!;
      const decided = options.resume?.rest(plan.name) ?? null;
      // The probe's hash time is measured only when it is hashed in this run: without a recorded
      // decision, its slab is hashed again even if an interrupted run recorded it (it is small).
      const probeDone = decided ? done : new Map([...(done ?? new Map<number, SlabHashes>())].filter(([slab]) => slab !== 0));
      await hashSlabs([0], probeDone);
      const probeRows = Math.max(...SIDE_NAMES.map((n) => hashed[n].slice(0, probeLast + 1).reduce((sum, h) => sum + Number(h.count), 0)));
      const probeDiffering = differingBuckets(hashed, 0, probeLast);
      const dirtyRows = probeDiffering.reduce((sum, i) => sum + Math.max(Number(hashed.source[i]!.count), Number(hashed.target[i]!.count)), 0);
      const probe = { rows: probeRows, dirtyRows, hashMs: Math.max(hashed.elapsedMs.source, hashed.elapsedMs.target) };
      const streamedProbe = shouldTimeStream(probe, decided) ? await stream(streamFirst, streamLast) : null;
      const decision = decideRest(probe, streamedProbe, decided);
      await options.resume?.decide(plan.name, decision.rest);
      // The probe's streamed range, if it was not streamed, is hashed or streamed with the rest.
      const restFrom = streamedProbe ? 2 : 1;
      if (decision.rest === 'stream') await stream(slabs[restFrom]![0], layout.buckets - 1);
      else await hashSlabs(slabNumbers(restFrom));
      strategy = decision.strategy;
    }
    await options.resume?.save(true);
    report.strategy = strategy;
    // Exact counts: every keyed row falls in exactly one bucket, hashed or streamed.
    for (const name of SIDE_NAMES) {
      counts[name] = hashed[name].reduce((n, h) => n + (h ? h.count : 0n), 0n) + BigInt(streamed[name]) + nullKeys[name];
      keyed[name] = toNumber(counts[name] - nullKeys[name]);
      report[`rows_${name}`] = toNumber(counts[name]);
    }
    if (counts.source !== counts.target) different = true;
    for (const name of SIDE_NAMES) {
      const seconds = hashed.elapsedMs[name] / 1000;
      const hashedRows = keyed[name] - streamed[name];
      report.performance[name].rows_per_second = hashedRows > 0 && seconds > 0 ? Math.round(hashedRows / seconds) : null;
    }
    const differing = differingBuckets(hashed);
    report.checksum = {
      buckets: layout.buckets,
      differing_buckets: differing.length,
      refined_buckets: 0,
      ...(streamed.buckets ? { streamed_buckets: streamed.buckets } : {}),
      differing_ranges: [],
    };
    if (differing.length > 0 || streamed.buckets > 0) different = true;
    if (nullKeys.source !== nullKeys.target) different = true;

    if (options.level === 'checksum') {
      report.checksum.differing_ranges = differing.slice(0, options.limit).map((i) => {
        const range = bucketRange({ range: layout!.range.source, bounds: layout!.bounds.source }, i);
        return {
          from: keyRecord(plan.key, range.lo),
          to: keyRecord(plan.key, range.hi),
          rows_source: Number(hashed.source[i]!.count),
          rows_target: Number(hashed.target[i]!.count),
        };
      });
    } else {
      options.progress.advance(0, 'reading differing rows');
      const refined = await refineDiffering(sides, layout, hashed, { jobs: options.jobs, extent, differing });
      refinedBuckets += refined.refined;
      phase('refine');
      await fetchAndPair(sides, refined.leaves, pairer!, options.jobs, false);
      if (nullKeys.source > 0n || nullKeys.target > 0n) await fetchAndPair(sides, [], pairer!, options.jobs, true);
      phase('fetch');
      report.checksum.refined_buckets = refinedBuckets;
      const paired = pairer!.finish();
      differences = applyPaired(report, paired, options.limit);
      phase('compare');
      // Row-level truth: equal rows after normalization (timestamps at the coarser precision, floats
      // within the tolerance) are not differences even when their raw hashes differed.
      different = differences.length > 0 || plan.columnsOnlyInSource.length > 0;
    }
    options.progress.stop();
  }

  // Counting alone proves nothing about the content: equal counts are never reported as equal.
  report.status = different ? 'different' : options.level === 'count' ? 'counted' : 'equal';
  const statsAfter = await both(sides, (side) => side.stats());
  for (const name of SIDE_NAMES) {
    const delta = (key: keyof SideStats) => statsAfter[name][key] - statsBefore[name][key];
    Object.assign(report.performance[name], { bytes_fetched: delta('bytesFetched'), rows_fetched: delta('rowsFetched'), queries: delta('queries') });
  }
  report.performance.seconds = Math.round(performance.now() - started) / 1000;
  report.performance.phases = phases;
  return { plan, report, differences };
}
