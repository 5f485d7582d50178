import { groupedNumber } from '@migration-architect/core';
import type { MigrationSpec, PlanAssumption } from '@migration-architect/core';
import { ThroughputSchema, type Throughput } from './spec-fields.js';

/**
 * The defaults are deliberately modest figures for a production PostgreSQL under normal load;
 * measure yours in the rehearsal and set them in the spec (`throughput`) or the config.
 */
export const DEFAULT_THROUGHPUT: Required<Throughput> = {
  copy_mb_per_second: 40,
  index_build_mb_per_second: 25,
  backfill_rows_per_second: 5000,
  validation_rows_per_second: 250_000,
  rewrite_mb_per_second: 50,
  backup_mb_per_second: 150,
  restore_mb_per_second: 40,
};

const UNITS: Record<keyof Throughput, string> = {
  copy_mb_per_second: 'MB/s',
  index_build_mb_per_second: 'MB/s',
  backfill_rows_per_second: 'rows/s',
  validation_rows_per_second: 'rows/s',
  rewrite_mb_per_second: 'MB/s',
  backup_mb_per_second: 'MB/s',
  restore_mb_per_second: 'MB/s',
};

export interface ResolvedThroughput {
  values: Required<Throughput>;
  assumptions: PlanAssumption[];
}

/** Spec over config over default, field by field, each value saying where it came from. */
export function resolveThroughput(spec: MigrationSpec, configured: Throughput | undefined): ResolvedThroughput {
  const parsed = ThroughputSchema.safeParse((spec as Record<string, unknown>)['throughput']);
  const fromSpec: Throughput = parsed.success ? parsed.data : {};
  const values = { ...DEFAULT_THROUGHPUT };
  const assumptions: PlanAssumption[] = [];
  for (const key of Object.keys(DEFAULT_THROUGHPUT) as (keyof Throughput)[]) {
    const spec = fromSpec[key];
    const config = configured?.[key];
    values[key] = spec ?? config ?? DEFAULT_THROUGHPUT[key];
    const description = ThroughputSchema.shape[key].meta()?.description ?? key;
    assumptions.push({
      name: key,
      value: values[key],
      unit: UNITS[key],
      source: spec !== undefined ? `spec (throughput.${key})` : config !== undefined ? 'config (plugin option throughput)' : 'default',
      description: description.replace(/ Default [\d,]+\.$/, ''),
    });
  }
  return { values, assumptions };
}

/** `12 s`, `4.2 min`, `3.1 h`: estimates read at a glance. */
export function formatDuration(minutes: number): string {
  if (minutes < 1) return `${Math.max(1, Math.round(minutes * 60))} s`;
  if (minutes < 90) return `${Math.round(minutes * 10) / 10} min`;
  return `${Math.round((minutes / 60) * 10) / 10} h`;
}

export function formatNumber(n: number): string {
  return groupedNumber(n, 1);
}
