import { availableParallelism } from 'node:os';
import { InputMissingError, UsageError, systemClock, type Clock } from '@migration-architect/core';
import { isKnownTimeZone } from '../normalization/time-zone.js';
import { parseConnectionTarget, type ConnectionTarget } from '../connection/connection-target.js';
import type { EngineSide } from '../engines/engine-side.js';
import type { CanonicalHash } from '../hashing/row-text-fields.js';
import { createSide } from '../engines/open-side.js';
import { generateFixSql } from '../fix-sql/fix-sql.js';
import { planComparison } from '../plan/compare-plan.js';
import { silentProgress, type ProgressSink } from '../progress/progress-sink.js';
import type { ReconcileLevel, ReconcileReport, TableReport } from '../report/reconcile-report.js';
import { ResumeState } from '../resume/resume-state.js';
import type { TableShape } from '../schema/table-shape.js';
import { reconcileTable, type StrategyChoice, type TableOutcome } from './reconcile-table.js';

export interface ReconcileOptions {
  source: string;
  target: string;
  /** Folder relative SQLite paths and the --resume file are resolved from. */
  cwd: string;
  /** Table names, or 'all' for every table of the source and the target. */
  tables: string[] | 'all';
  key?: string[] | null;
  columns?: string[] | null;
  exclude?: string[];
  where?: string | null;
  level?: ReconcileLevel;
  jobs?: number;
  floatTolerance?: number;
  /**
   * IANA zone (Europe/Berlin) that timestamps stored without a zone are wall-clock times of; null:
   * UTC. Matters when one side converted them to `timestamptz` in a session of that zone.
   */
  naiveTimeZone?: string | null;
  /**
   * `auto` (default): the fastest hash both sides compute alike (see "Which hash"). `md5`: every
   * table, also between two databases of one engine, is hashed by md5 of its canonical row text
   * on both sides — the strongest mixing reconcile offers (no CRC swap-miss, no non-cryptographic
   * hash), for a sign-off that must not rest on anything weaker.
   */
  hash?: HashChoice;
  /**
   * Level rows, per table: `auto` (default) hashes a probe slab and streams the next, both timed,
   * then hashes or streams the rest, whichever costs less; `hash` hashes every key range; `stream`
   * reads every row of both sides in key order and compares it (the naive way, with reconcile's
   * normalization, report and fix SQL).
   */
  strategy?: StrategyChoice;
  /** A state file: slabs hashed by an earlier run with the same file are skipped. */
  resume?: string | null;
  /** Rows listed per kind of difference and table (the counts are always complete). */
  limit?: number;
  /** Also produce SQL that would make the target match the source (never executed). */
  fixSql?: boolean;
  /** Fix SQL for PostgreSQL starts with SET LOCAL session_replication_role = replica (triggers and FK checks off). */
  fixSqlDisableTriggers?: boolean;
  clock?: Clock;
  progress?: ProgressSink;
}

export type HashChoice = 'auto' | 'md5';

export interface ReconcileResult {
  report: ReconcileReport;
  fixSql: string | null;
}

function emptyTable(name: string, status: 'missing_in_source' | 'missing_in_target'): TableReport {
  const side = { rows_per_second: null, bytes_fetched: 0, rows_fetched: 0, queries: 0 };
  return {
    table: name,
    status,
    key: [],
    columns: [],
    columns_only_in_source: [],
    columns_only_in_target: [],
    rows_source: null,
    rows_target: null,
    missing: null,
    extra: null,
    changed: null,
    unchanged: null,
    column_mismatches: {},
    key_problems: {
      null_keys_source: 0,
      null_keys_target: 0,
      duplicate_keys_source: 0,
      duplicate_keys_target: 0,
      duplicate_samples_source: [],
      duplicate_samples_target: [],
    },
    checksum: null,
    strategy: null,
    differences: { missing: [], extra: [], changed: [], truncated: false },
    performance: { seconds: 0, phases: {}, source: side, target: { ...side } },
    warnings: [`the table exists only in the ${status === 'missing_in_source' ? 'target' : 'source'}`],
  };
}

const unqualified = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** Pairs table names of both sides for `--tables all`: same name, else same unqualified name. */
function pairTableNames(source: string[], target: string[]): { both: [string, string][]; sourceOnly: string[]; targetOnly: string[] } {
  const both: [string, string][] = [];
  const remaining = new Set(target);
  const sourceOnly: string[] = [];
  for (const name of source) {
    const match = remaining.has(name) ? name : [...remaining].find((t) => unqualified(t) === unqualified(name));
    if (match === undefined) sourceOnly.push(name);
    else {
      both.push([name, match]);
      remaining.delete(match);
    }
  }
  return { both, sourceOnly, targetOnly: [...remaining] };
}

function validate(options: ReconcileOptions): Required<Pick<ReconcileOptions, 'level' | 'jobs' | 'floatTolerance' | 'limit'>> {
  const level = options.level ?? 'rows';
  const jobs = options.jobs ?? 1;
  const floatTolerance = options.floatTolerance ?? 0;
  const limit = options.limit ?? 100;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64; got ${jobs}`);
  if (!Number.isFinite(floatTolerance) || floatTolerance < 0) throw new UsageError(`--float-tolerance must be a number ≥ 0 (e.g. 1e-9); got ${floatTolerance}`);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number ≥ 0; got ${limit}`);
  if (options.tables !== 'all' && options.tables.length === 0) throw new UsageError('name the tables to compare: --table T, --tables a,b,c or --tables all');
  if (options.naiveTimeZone && !isKnownTimeZone(options.naiveTimeZone))
    throw new UsageError(`--naive-time-zone: unknown time zone "${options.naiveTimeZone}" (expected an IANA name such as Europe/Berlin, or UTC)`);
  if (options.hash !== undefined && options.hash !== 'auto' && options.hash !== 'md5')
    throw new UsageError(`--hash must be auto or md5; got "${options.hash}"`);
  if (options.strategy !== undefined && !['auto', 'hash', 'stream'].includes(options.strategy))
    throw new UsageError(`--strategy must be auto, hash or stream; got "${options.strategy}"`);
  if (options.fixSql && level !== 'rows') throw new UsageError('--print-fix-sql needs --level rows (the rows must be read to write SQL for them)');
  return { level, jobs, floatTolerance, limit };
}

/**
 * Compares tables of two databases: counts, then checksums of key ranges computed inside each
 * database, then the rows of the ranges that differ. Never writes to either database.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileResult> {
  const { level, jobs, floatTolerance, limit } = validate(options);
  const started = performance.now();
  const clock = options.clock ?? systemClock;
  const progress = options.progress ?? silentProgress;
  // --hash md5: md5 of the canonical row text on every table, whatever the engines.
  const strongHash = options.hash === 'md5';
  const targets: [ConnectionTarget, ConnectionTarget] = [
    parseConnectionTarget(options.source, '--source', options.cwd),
    parseConnectionTarget(options.target, '--target', options.cwd),
  ];
  const resume = options.resume
    ? await ResumeState.open(
        options.resume,
        ResumeState.fingerprint([
          targets[0].display,
          targets[1].display,
          options.tables,
          options.key ?? null,
          options.columns ?? null,
          options.exclude ?? [],
          options.where ?? null,
          floatTolerance,
          level,
          // Absent from older state files: a run without the option keeps their fingerprint.
          ...(options.naiveTimeZone ? [options.naiveTimeZone] : []),
          ...(strongHash ? ['hash=md5'] : []),
        ]),
      )
    : null;
  const opened: EngineSide[] = [];
  const outcomes: TableOutcome[] = [];
  try {
    const [source, target] = await Promise.all(targets.map(createSide));
    opened.push(source!, target!);
    // Both open at once; if one fails, the other must finish opening before it can be closed.
    const openings = await Promise.allSettled([source!.open(jobs), target!.open(jobs)]);
    const failed = openings.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    // Each side may open fewer connections or threads than asked (free connections, CPUs).
    const effectiveJobs = Math.min(...openings.map((o) => (o as PromiseFulfilledResult<number>).value));
    const runWarnings: string[] = [];
    if (effectiveJobs < jobs)
      runWarnings.push(
        `--jobs ${jobs} lowered to ${effectiveJobs}: at most half of a server's free connections, and one SQLite thread per CPU (${availableParallelism()} here)`,
      );

    // lookup3 where both sides compute it byte for byte (a probe on PostgreSQL), else the CRC pair
    // (a probe on MySQL / MariaDB), else md5.
    const canonicalHash: CanonicalHash = strongHash
      ? 'md5'
      : (await Promise.all([source!.lookup3Matches(), target!.lookup3Matches()])).every(Boolean)
        ? 'lookup3'
        : (await Promise.all([source!.crcMatches(), target!.crcMatches()])).every(Boolean)
          ? 'crc'
          : 'md5';

    let pairs: [string, string][];
    const unmatched: TableReport[] = [];
    if (options.tables === 'all') {
      const [a, b] = await Promise.all([source!.listTables(), target!.listTables()]);
      const paired = pairTableNames(a, b);
      pairs = paired.both;
      unmatched.push(...paired.sourceOnly.map((n) => emptyTable(n, 'missing_in_target')), ...paired.targetOnly.map((n) => emptyTable(n, 'missing_in_source')));
    } else {
      pairs = options.tables.map((n) => [n, n]);
    }
    const shapes: [TableShape | null, TableShape | null][] = [];
    for (const [a, b] of pairs) shapes.push(await Promise.all([source!.describeTable(a), target!.describeTable(b)]));
    // Nothing compared is no proof: a table on neither side, or no table at all, is an error.
    const nowhere = pairs.filter((_, i) => !shapes[i]![0] && !shapes[i]![1]).map(([a]) => a);
    if (nowhere.length)
      throw new InputMissingError(
        `table${nowhere.length > 1 ? 's' : ''} ${nowhere.join(', ')} exist${nowhere.length > 1 ? '' : 's'} in neither ${targets[0].display} nor ${targets[1].display}: nothing was compared`,
      );
    if (pairs.length === 0 && unmatched.length === 0)
      throw new InputMissingError(`no table to compare: neither ${targets[0].display} nor ${targets[1].display} has a table (--tables all)`);
    const reports: TableReport[] = [];
    for (let i = 0; i < pairs.length; i++) {
      const [s, t] = shapes[i]!;
      if (!s || !t) {
        reports.push(emptyTable(pairs[i]![0], !s ? 'missing_in_source' : 'missing_in_target'));
        continue;
      }
      const plan = planComparison(
        { engine: source!.engine, table: s },
        { engine: target!.engine, table: t },
        { key: options.key ?? null, columns: options.columns ?? null, exclude: options.exclude ?? [] },
        { where: options.where ?? null, tolerance: floatTolerance, naiveTimeZone: options.naiveTimeZone ?? null, canonicalHash, forceCanonical: strongHash },
      );
      const outcome = await reconcileTable(
        plan,
        { source: source!, target: target! },
        { level, strategy: options.strategy ?? 'auto', jobs: effectiveJobs, limit, tolerance: floatTolerance, resume, progress },
      );
      outcomes.push(outcome);
      reports.push(outcome.report);
    }
    reports.push(...unmatched);
    await resume?.finish(true);

    const total = (pick: (t: TableReport) => number | null) => {
      const values = reports.map(pick);
      return level === 'rows' ? values.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null;
    };
    const report: ReconcileReport = {
      report: 'reconcile',
      generated_at: clock().toISOString(),
      source: { database: targets[0].display, engine: targets[0].engine },
      target: { database: targets[1].display, engine: targets[1].engine },
      options: {
        level,
        key: options.key ?? null,
        columns: options.columns ?? null,
        exclude: options.exclude ?? [],
        where: options.where ?? null,
        float_tolerance: floatTolerance,
        naive_time_zone: options.naiveTimeZone ?? null,
        jobs: effectiveJobs,
        hash: targets[0].engine === targets[1].engine && targets[0].engine !== 'mysql' && !strongHash ? 'native' : 'canonical',
        canonical_hash: canonicalHash,
      },
      summary: {
        equal: reports.every((r) => r.status === 'equal'),
        tables: reports.length,
        tables_different: reports.filter((r) => r.status !== 'equal').length,
        rows_source: reports.reduce((n, r) => n + (r.rows_source ?? 0), 0),
        rows_target: reports.reduce((n, r) => n + (r.rows_target ?? 0), 0),
        missing: total((r) => r.missing),
        extra: total((r) => r.extra),
        changed: total((r) => r.changed),
        unchanged: total((r) => r.unchanged),
        seconds: Math.round(performance.now() - started) / 1000,
      },
      tables: reports,
      ...(runWarnings.length ? { warnings: runWarnings } : {}),
    };
    const fixSql = options.fixSql
      ? generateFixSql(report, outcomes, {
          engine: targets[1].engine,
          display: targets[1].display,
          disableTriggers: options.fixSqlDisableTriggers ?? false,
        })
      : null;
    return { report, fixSql };
  } finally {
    progress.stop();
    await Promise.all(opened.map((side) => side.close().catch(() => {})));
  }
}
