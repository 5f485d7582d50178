import { createPlan, MigrationPlanSchema, MigrationSpecSchema, validateDocument, type MigrationSpec } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { clock, readExample, registry } from './fixtures.js';

/** Field names of the plan the seed's migration_planner.py prints for this sample. */
const SEED_PLAN_FIELDS = [
  'migration_id',
  'source_system',
  'target_system',
  'migration_type',
  'complexity',
  'estimated_duration_hours',
  'phases',
  'risks',
  'success_criteria',
  'rollback_plan',
  'stakeholders',
  'created_at',
];
const SEED_PHASE_FIELDS = [
  'name',
  'description',
  'duration_hours',
  'dependencies',
  'validation_criteria',
  'rollback_triggers',
  'tasks',
  'risk_level',
  'resources_required',
];
const SEED_RISK_FIELDS = ['category', 'description', 'probability', 'impact', 'severity', 'mitigation', 'owner'];
const SEED_ROLLBACK_FIELDS = ['rollback_phases', 'rollback_triggers', 'rollback_decision_matrix', 'rollback_contacts'];

const spec = (value: unknown): MigrationSpec => validateDocument(MigrationSpecSchema, value, 'spec.json', 'a migration spec');
const sample = spec(readExample('sample_database_migration.json'));
const minimal = spec({ type: 'database', pattern: 'schema_change', source: 'PostgreSQL 15', target: 'PostgreSQL 15' });
const plan = (s: MigrationSpec) => createPlan(registry, s, { clock });
const riskIds = (s: MigrationSpec) => plan(s).risks.map((r) => r.id);

describe('plan for the seed sample (schema_change, critical)', () => {
  const result = plan(sample);

  it('is critical and follows the schema_change phases', () => {
    expect(result.complexity).toBe('critical');
    expect(result.migration_pattern).toBe('schema_change');
    expect(result.phases.map((p) => p.name)).toEqual(['preparation', 'expand', 'migrate', 'contract', 'cleanup']);
  });

  it('is a valid plan with every field the seed plan has', () => {
    expect(MigrationPlanSchema.safeParse(result).success).toBe(true);
    for (const key of SEED_PLAN_FIELDS) expect(result).toHaveProperty(key);
    for (const phase of result.phases) for (const key of SEED_PHASE_FIELDS) expect(phase).toHaveProperty(key);
    for (const risk of result.risks) for (const key of SEED_RISK_FIELDS) expect(risk).toHaveProperty(key);
    for (const key of SEED_ROLLBACK_FIELDS) expect(result.rollback_plan).toHaveProperty(key);
  });

  it('sizes phases with sized steps as their work plus a stated buffer; only phases without sized work share the pattern hours (24 h × 4.0 = 96 h)', () => {
    // preparation: backups and the row-count snapshot; expand and migrate: the schema changes and their checks.
    expect(result.phases.map((p) => p.duration_hours)).toEqual([7.5, 0.5, 1.75, 19, 19]);
    expect(result.phases[2]!.duration_basis).toBe(
      'its 6 step(s): 65.3 min + buffer 32.7 min (50% of the work, at least 15 min) = 97.9 min, rounded up to the quarter hour = 1.75 h',
    );
    expect(result.phases[3]!.duration_basis).toBe(
      'pattern share: pattern schema_change: base 24 h × 4 (critical) = 96 h, weight 1 of 5 → 19 h; no sized steps',
    );
    expect(result.estimated_duration_hours).toBe(47.75);
  });

  it('gives every phase database-specific tasks, not "Execute <phase> phase"', () => {
    for (const phase of result.phases) {
      expect(phase.tasks.length).toBeGreaterThanOrEqual(4);
      expect(phase.tasks.join(' ')).not.toMatch(/^Complete \w+ activities$|Execute \w+ phase/);
    }
    expect(result.phases.find((p) => p.name === 'expand')!.tasks.join(' ')).toMatch(/CONCURRENTLY/);
    expect(result.phases.find((p) => p.name === 'migrate')!.tasks.join(' ')).toMatch(/batches/);
  });

  it('includes the seed risks and the conditional ones the spec meets', () => {
    expect(result.risks.map((r) => r.id)).toEqual([
      'database/data-corruption',
      'database/extended-downtime',
      'database/business-disruption',
      'database/insufficient-rollback-testing',
      'database/zero-downtime-requirement', // max_downtime_minutes 30
      'database/regulatory-compliance', // GDPR, SOX
      'database/long-running-backfill', // user_sessions 25M rows, audit_logs 50M
      'database/constraint-validation', // add_constraint
      'database/major-version-upgrade', // PostgreSQL 13 → 15
    ]);
  });
});

describe('conditional risks', () => {
  it('are absent when the spec does not meet their condition', () => {
    expect(riskIds(minimal)).toEqual([
      'database/data-corruption',
      'database/extended-downtime',
      'database/business-disruption',
      'database/insufficient-rollback-testing',
    ]);
  });

  it('follow each condition', () => {
    const withSpec = (extra: Record<string, unknown>) => riskIds(spec({ ...minimal, ...extra }));
    expect(withSpec({ constraints: { max_downtime_minutes: 59 } })).toContain('database/zero-downtime-requirement');
    expect(withSpec({ constraints: { max_downtime_minutes: 60 } })).not.toContain('database/zero-downtime-requirement');
    expect(withSpec({ constraints: { data_volume_gb: 5001 } })).toContain('database/large-data-volume');
    expect(withSpec({ constraints: { data_volume_gb: 5000 } })).not.toContain('database/large-data-volume');
    expect(withSpec({ constraints: { compliance_requirements: ['HIPAA'] } })).toContain('database/regulatory-compliance');
    expect(withSpec({ constraints: { compliance_requirements: [] } })).not.toContain('database/regulatory-compliance');
    expect(withSpec({ tables_to_migrate: [{ name: 'events', row_count: 10_000_001 }] })).toContain('database/long-running-backfill');
    expect(withSpec({ tables_to_migrate: [{ name: 'events', row_count: 10_000_000 }] })).not.toContain('database/long-running-backfill');
    expect(withSpec({ source: 'PostgreSQL 12', target: 'postgres:16.2' })).toContain('database/major-version-upgrade');
    expect(withSpec({ pattern: 'data_migration' })).toContain('database/replication-slot-wal-retention');
  });

  it('flag a table rewrite only for type changes PostgreSQL rewrites the table for', () => {
    const modify = (old_type?: string, new_type?: string) =>
      riskIds(spec({ ...minimal, schema_changes: [{ table: 't', changes: [{ type: 'modify_column', column: 'c', old_type, new_type }] }] }));
    expect(modify('integer', 'bigint')).toContain('database/table-rewrite-lock');
    expect(modify('varchar(255)', 'text')).not.toContain('database/table-rewrite-lock');
    expect(modify('varchar(50)', 'varchar(100)')).not.toContain('database/table-rewrite-lock');
    expect(modify(undefined, 'bigint')).toContain('database/table-rewrite-lock');
    // The seed sample's only type change is varchar(255) → text.
    expect(riskIds(sample)).not.toContain('database/table-rewrite-lock');
  });

  it('are never reached with fields of the wrong shape: the planner refuses those, naming the path', () => {
    const odd = { ...minimal, tables_to_migrate: 'users' } as unknown as MigrationSpec;
    expect(() => plan(odd)).toThrowError(/expected array, received string/);
    const change = (c: Record<string, unknown>) => ({ ...minimal, schema_changes: [{ table: 't', changes: [c] }] }) as unknown as MigrationSpec;
    expect(() => plan(change({ type: 'add_column', column: 'c' }))).toThrowError(/an add_column change needs "data_type"/);
    expect(() => plan(change({ type: 'add_constraint', constraint_type: 'foreign_key', columns: ['user_id'] }))).toThrowError(
      expect.objectContaining({ location: expect.objectContaining({ path: 'schema_changes[0].changes[0].references' }) }),
    );
    // Risk conditions read facts, and the type's facts never throw on shapes they do not expect.
    const facts = registry.migrationType('database')!.facts!;
    expect(() =>
      facts(
        {
          type: 'database',
          source: 'x',
          target: 'y',
          tables_to_migrate: [{ name: 1 }],
          schema_changes: [null, { changes: 'none' }],
        } as unknown as MigrationSpec,
        { file: null, directory: process.cwd() },
      ),
    ).not.toThrow();
  });
});

describe('other patterns and the default plan', () => {
  it('data_migration: six phases sharing 48 h × 1.2, the cutover sized by its steps, validation in parallel with delta sync', () => {
    const result = plan(spec({ ...minimal, pattern: 'data_migration' }));
    expect(result.phases.map((p) => p.name)).toEqual(['assessment', 'setup', 'bulk_copy', 'delta_sync', 'validation', 'cutover']);
    expect(result.complexity).toBe('low');
    // 58 h split by weight; the cutover takes its steps' 27 min (rounded up to 0.5 h), not its 9 h share.
    expect(result.phases.map((p) => p.duration_hours)).toEqual([10, 10, 10, 10, 9, 0.5]);
    expect(result.phases.find((p) => p.name === 'validation')!.dependencies).toEqual(['bulk_copy']);
    expect(result.phases.find((p) => p.name === 'validation')!.parallel_with).toEqual(['delta_sync']);
    expect(result.critical_path).toEqual(['assessment', 'setup', 'bulk_copy', 'delta_sync', 'cutover']);
    expect(result.estimated_duration_hours).toBe(40.5);
  });

  it('no pattern: the default phases, with a multiplier that grows with complexity (the seed used a flat 1.5)', () => {
    const { pattern: _unused, ...withoutPattern } = readExample('sample_database_migration.json') as Record<string, unknown>;
    const critical = plan(spec(withoutPattern));
    expect(critical.migration_pattern).toBeNull();
    expect(critical.phases.map((p) => p.name)).toEqual(['preparation', 'migration', 'validation', 'cutover']);
    // Each phase's steps plus a buffer, and the cutover its steps (0.5 h), not shares of 48 h × 4 = 192 h.
    expect(critical.phases.map((p) => p.duration_hours)).toEqual([7.5, 0.5, 2, 0.5]);
    expect(critical.estimated_duration_hours).toBe(10.5);
    const { pattern: _none, ...minimalWithoutPattern } = minimal;
    expect(plan(spec(minimalWithoutPattern)).phases.map((p) => p.duration_hours)).toEqual([12, 12, 12, 0.5]);
  });
});

describe('a cutover that fits its downtime budget', () => {
  const orders = { name: 'orders', row_count: 60_000_000, size_mb: 12_000, critical: true };
  const migration = (table: Record<string, unknown>, budget = 15) =>
    spec({ ...minimal, pattern: 'data_migration', tables_to_migrate: [table], constraints: { max_downtime_minutes: budget } });
  const steps = (p: ReturnType<typeof plan>) => p.phases.flatMap((phase) => (phase.steps ?? []).map((s) => ({ ...s, phase: phase.name })));
  const outageWarnings = (p: ReturnType<typeof plan>) =>
    (p.warnings ?? []).filter((w) => w.code === 'downtime-over-budget' || w.code === 'cutover-comparison-not-repairable');

  // Pause 2 + replication drain 5 + sequences 0.25 + switch 3 min, plus count(*) of 60 M rows on both sides (8 min): 18.25 min > 15.
  it('compares a critical table in full before the pause and only the rows changed since while writes are stopped', () => {
    const result = plan(migration({ ...orders, changed_at_column: 'updated_at' }));
    const cutover = steps(result).filter((s) => s.phase === 'cutover');
    const before = cutover.find((s) => s.id.includes('cutover-validate-critical'))!;
    const during = cutover.find((s) => s.id.includes('cutover-compare-changed'))!;
    // The full comparison runs while traffic runs, before the pause; the outage compares 1% of the rows.
    expect(before.downtime).toBe(false);
    expect(cutover.indexOf(before)).toBeLessThan(cutover.findIndex((s) => s.id.includes('cutover-pause-writes')));
    expect(before.duration_minutes).toBeCloseTo((60_000_000 * 2) / 250_000 / 60, 6);
    expect(during.downtime).toBe(true);
    expect(during.duration_minutes).toBeCloseTo((600_000 * 2) / 250_000 / 60, 6);
    expect(during.script).toContain(`WHERE updated_at >= :'validated_at_orders'`);
    expect(cutover.some((s) => s.id.includes('cutover-count-critical'))).toBe(false);
    expect(outageWarnings(result)).toEqual([]);
  });

  it('uses a one-column key range when the table has no changed_at column', () => {
    const during = steps(plan(migration({ ...orders, primary_key: ['id'] }))).find((s) => s.id.includes('cutover-compare-changed'))!;
    expect(during.script).toContain(`WHERE id > :'max_key_orders'`);
  });

  it('keeps the full count when it fits, and warns only when no repair fits', () => {
    const fits = plan(migration({ ...orders, changed_at_column: 'updated_at' }, 120));
    expect(steps(fits).some((s) => s.id.includes('cutover-count-critical'))).toBe(true);
    expect(steps(fits).some((s) => s.id.includes('cutover-validate-critical'))).toBe(false);
    const noKey = plan(migration(orders));
    expect(
      outageWarnings(noKey)
        .map((w) => w.code)
        .sort(),
    ).toEqual(['cutover-comparison-not-repairable', 'downtime-over-budget']);
  });
});
