import type { ChangeSeverity, CompatibilityIssue } from '@migration-architect/core';
import type { Throughput } from '../plan/spec-fields.js';
import { ASSUMED_ROW_BYTES } from '../plan/table-sizes.js';
import { formatNumber } from '../plan/throughput.js';
import type { TableStats } from './table-stats.js';

/** What runs while the lock is held; each is as long as the table is large. */
export type LockedWork = 'rewrite' | 'scan' | 'index_build';

export interface LockThresholds {
  potentially_breaking_seconds: number;
  breaking_seconds: number;
}

export const DEFAULT_LOCK_THRESHOLDS: LockThresholds = { potentially_breaking_seconds: 5, breaking_seconds: 60 };

const MB = 1024 * 1024;

function seconds(value: number): string {
  if (value < 1) return `${formatNumber(Math.round(value * 100) / 100)} s`;
  if (value < 120) return `${formatNumber(Math.round(value * 10) / 10)} s`;
  return `${formatNumber(Math.round((value / 60) * 10) / 10)} min`;
}

/**
 * How long a statement holds its lock on a table of this size, from the throughputs `plan` uses:
 * a rewrite copies the table and rebuilds its indexes (total size ÷ rewrite MB/s), a scan reads
 * every row (rows ÷ validation rows/s), an index build reads the heap (table size ÷ index build
 * MB/s). The arithmetic is part of the result, with the threshold that raised the severity.
 */
export function estimateLock(
  work: LockedWork,
  lock: string,
  table: TableStats,
  throughput: Required<Throughput>,
  thresholds: LockThresholds,
  note: string | null = null,
): { lockRisk: NonNullable<CompatibilityIssue['lock_risk']>; severity: ChangeSeverity | undefined } {
  let estimated: number;
  let how: string;
  if (work === 'rewrite') {
    estimated = table.totalBytes / MB / throughput.rewrite_mb_per_second;
    how = `rewrite of ${formatNumber(table.totalBytes / MB)} MB (table and indexes) ÷ ${formatNumber(throughput.rewrite_mb_per_second)} MB/s (rewrite_mb_per_second)`;
  } else if (work === 'index_build') {
    estimated = table.tableBytes / MB / throughput.index_build_mb_per_second;
    how = `index build over ${formatNumber(table.tableBytes / MB)} MB of table ÷ ${formatNumber(throughput.index_build_mb_per_second)} MB/s (index_build_mb_per_second)`;
  } else {
    const rows = table.rows ?? Math.round(table.tableBytes / ASSUMED_ROW_BYTES);
    estimated = rows / throughput.validation_rows_per_second;
    how = `scan of ${formatNumber(rows)} rows${table.rows === null ? ` (never analyzed: assumed from ${formatNumber(table.tableBytes / MB)} MB at ${ASSUMED_ROW_BYTES} B/row)` : ''} ÷ ${formatNumber(throughput.validation_rows_per_second)} rows/s (validation_rows_per_second)`;
  }
  const writesBlocked = table.writesPerSecond !== null ? Math.round(table.writesPerSecond * estimated) : null;
  const severity =
    estimated >= thresholds.breaking_seconds ? 'breaking' : estimated >= thresholds.potentially_breaking_seconds ? 'potentially_breaking' : undefined;
  const threshold =
    severity === 'breaking'
      ? `≥ ${thresholds.breaking_seconds} s (lock_thresholds.breaking_seconds): breaking`
      : severity === 'potentially_breaking'
        ? `≥ ${thresholds.potentially_breaking_seconds} s (lock_thresholds.potentially_breaking_seconds): potentially breaking`
        : null;
  const arithmetic = [
    `${table.qualified}: ${table.rows === null ? 'rows unknown' : `${formatNumber(table.rows)} rows`}, ${formatNumber(table.totalBytes / MB)} MB, ${table.writesPerSecond === null ? 'write rate unknown' : `${formatNumber(Math.round(table.writesPerSecond * 100) / 100)} writes/s`}`,
    `${how} = ${seconds(estimated)} holding ${lock}${note ? ` (${note})` : ''}`,
    ...(writesBlocked !== null ? [`about ${formatNumber(writesBlocked)} writes wait meanwhile`] : []),
    ...(threshold ? [threshold] : []),
  ].join('; ');
  return {
    lockRisk: {
      object: table.qualified,
      rows: table.rows,
      bytes: table.totalBytes,
      writes_per_second: table.writesPerSecond,
      lock,
      work,
      estimated_seconds: estimated,
      writes_blocked: writesBlocked,
      arithmetic,
      severity_raised_by: threshold,
    },
    severity,
  };
}
