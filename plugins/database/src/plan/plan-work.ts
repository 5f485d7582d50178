import type { MigrationSpec, PlanStepContext, PlanStepInput, PlanWork } from '@migration-architect/core';
import { cutoverSteps } from './cutover-steps.js';
import { schemaChangeSteps } from './schema-change-steps.js';
import type { Throughput } from './spec-fields.js';
import { schemaChanges, tablesToMigrate } from './spec-readers.js';
import { copySteps, preparationSteps, validationSteps } from './table-steps.js';
import { resolveThroughput } from './throughput.js';

function benchmarkStep(spec: MigrationSpec, onProduction: boolean): PlanStepInput | null {
  const p = (spec as Record<string, unknown>)['performance_requirements'] as Record<string, number | undefined> | undefined;
  if (!p || (p['max_query_response_time_ms'] === undefined && p['transactions_per_second'] === undefined && p['concurrent_connections'] === undefined))
    return null;
  const target = [
    p['transactions_per_second'] !== undefined ? `${p['transactions_per_second']} TPS` : null,
    p['concurrent_connections'] !== undefined ? `${p['concurrent_connections']} connections` : null,
  ].filter(Boolean);
  return {
    key: 'benchmark',
    phases: ['validation', 'migrate', 'migration'],
    name: `Benchmark the top queries${target.length ? ` at ${target.join(' with ')}` : ''}`,
    description: `Replay the top statements of pg_stat_statements${p['max_query_response_time_ms'] !== undefined ? `; gate: p95 ≤ ${p['max_query_response_time_ms']} ms` : ''} (performance_requirements)`,
    minutes: 60,
    estimate: '60 min (assumed: one load run of the top statements)',
    disruptive: onProduction,
    scriptType: 'bash',
    script: `pgbench --client=${p['concurrent_connections'] ?? 50} --jobs=8 --time=1800 --rate=${p['transactions_per_second'] ?? 100} --file=top_statements.sql "$TARGET_DATABASE_URL"`,
  };
}

/**
 * The database type's work for a spec: backups and the row-count snapshot, a copy and an index
 * build per table when the pattern copies data, the schema changes as expand / migrate / contract
 * steps with the checker's SQL, a validation per table, the benchmark the performance
 * requirements ask for, and the cutover. Throughputs come from the spec, then the config, then
 * the defaults; each is listed in the plan.
 */
export function createDatabasePlanWork(configured: Throughput | undefined) {
  return (spec: MigrationSpec, context: PlanStepContext): PlanWork => {
    const { values: tp, assumptions } = resolveThroughput(spec, configured);
    const has = (id: string) => context.phases.some((p) => p.name === id || p.template === id);
    const warnings: NonNullable<PlanWork['warnings']> = [];
    const tables = tablesToMigrate(spec);
    const copies = has('bulk_copy') || has('migration');
    const replicated = has('delta_sync');
    const steps: PlanStepInput[] = [
      ...preparationSteps(spec, tables, tp),
      ...(copies ? copySteps(tables, tp, replicated, warnings) : []),
      ...schemaChangeSteps(schemaChanges(spec), tables, tp, context, warnings),
      ...validationSteps(tables, tp, copies),
    ];
    const benchmark = benchmarkStep(spec, !copies);
    if (benchmark) steps.push(benchmark);
    if (has('cutover')) steps.push(...cutoverSteps(tables, tp, replicated, context.maxDowntimeMinutes, warnings));
    return { steps, assumptions, warnings };
  };
}
