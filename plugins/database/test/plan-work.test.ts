import {
  createPlan,
  createRegistry,
  createRunbook,
  MigrationSpecSchema,
  validateDocument,
  type MigrationPlan,
  type MigrationSpec,
  type PlanStep,
} from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import database from '../src/index.js';
import { check, clock, readExample, registry } from './fixtures.js';

const spec = (value: unknown): MigrationSpec => validateDocument(MigrationSpecSchema, value, 'spec.json', 'a migration spec');
const sample = spec(readExample('sample_database_migration.json'));
const plan = (s: MigrationSpec, r = registry) => createPlan(r, s, { clock });
const phase = (p: MigrationPlan, name: string) => p.phases.find((x) => x.name === name)!;
const step = (p: MigrationPlan, id: string): PlanStep => p.phases.flatMap((x) => x.steps ?? []).find((s) => s.id === id)!;
const steps = (p: MigrationPlan, name: string) => phase(p, name).steps!.map((s) => s.id);

describe('the sample database spec (schema_change): its tables and schema changes as steps', () => {
  const result = plan(sample);

  it("names every table it migrates, with its size, in the plan's scope", () => {
    expect(result.scope).toEqual([
      { kind: 'table', name: 'users', detail: '450 MB, 1,500,000 rows, critical' },
      { kind: 'table', name: 'user_profiles', detail: '890 MB, 1,500,000 rows, critical' },
      { kind: 'table', name: 'user_sessions', detail: '1,200 MB, 25,000,000 rows' },
      { kind: 'table', name: 'audit_logs', detail: '2,800 MB, 50,000,000 rows' },
    ]);
  });

  it('puts each schema change in expand with the SQL `check` writes for it, and its rollback SQL', () => {
    expect(steps(result, 'expand')).toEqual([
      'schema-changes-0-changes-0-apply',
      'schema-changes-0-changes-1-apply',
      'schema-changes-1-changes-0-apply',
      'schema-changes-1-changes-1-apply',
    ]);
    const expand = phase(result, 'expand').steps!;
    expect(expand.map((s) => s.name)).toEqual([
      'Add column email_verified_at to table users',
      'Add column phone_verified_at to table users',
      'Change type of column bio in table user_profiles from varchar(255) to text',
      'Add check constraint bio_length_check to table user_profiles',
    ]);
    // The same SQL as a compatibility check of the change writes.
    const report = check(
      { tables: { users: { columns: {} } } },
      { tables: { users: { columns: { email_verified_at: { type: 'timestamp', nullable: true } } } } },
    );
    expect(expand[0]!.script).toBe(report.migration_scripts[0]!.script_content);
    expect(expand[0]!.rollback!.script).toBe(report.migration_scripts[0]!.rollback_script);
    expect(expand[0]!.script).toBe("SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN email_verified_at timestamp;");
    // The constraint is added NOT VALID in expand and validated in migrate, where it scans the table.
    expect(expand[3]!.script).toContain('CHECK (LENGTH(bio) <= 2000) NOT VALID;');
    expect(expand[3]!.script).not.toContain('VALIDATE');
    expect(step(result, 'schema-changes-1-changes-1-validate').script).toBe('ALTER TABLE user_profiles VALIDATE CONSTRAINT bio_length_check;');
  });

  it('sizes every step from the table sizes at the stated throughputs, with the arithmetic', () => {
    expect(step(result, 'schema-changes-1-changes-1-validate').estimate).toBe('1,500,000 rows ÷ 250,000 rows/s (validation_rows_per_second) = 6 s');
    expect(step(result, 'validate-audit_logs').duration_minutes).toBeCloseTo(50_000_000 / 250_000 / 60, 2);
    expect(step(result, 'base-backup').estimate).toBe('2,560,000 MB ÷ 150 MB/s (backup_mb_per_second) = 4.7 h (constraints.data_volume_gb)');
    expect(step(result, 'dump-tables').script).toContain('--table=users --table=user_profiles --table=user_sessions --table=audit_logs');
    expect(result.assumptions!.map((a) => [a.name, a.value, a.source])).toContainEqual(['copy_mb_per_second', 40, 'default']);
    // The validations and the constraint scan load the database: they are kept out of business hours.
    expect(step(result, 'validate-users').disruptive).toBe(true);
  });

  it('durations follow from the sizes: a thousand times the data makes migrate as long as its work', () => {
    const small = phase(result, 'migrate');
    expect(small.duration_hours).toBe(1.75); // the work (65 min) plus its buffer, not a share of the pattern's hours
    expect(small.duration_basis).toMatch(/^its 6 step\(s\): 65.3 min \+ buffer 32.7 min .* = 1.75 h$/);
    const tables = (sample.tables_to_migrate as { row_count: number; size_mb: number }[]).map((t) => ({
      ...t,
      row_count: t.row_count * 1000,
      size_mb: t.size_mb * 1000,
    }));
    const big = plan({ ...sample, tables_to_migrate: tables });
    const migrate = phase(big, 'migrate');
    // 79.5 billion rows counted and checksummed at 250,000 rows/s, the constraint scan, the 60-minute benchmark.
    const minutes = (1_500_000_000 * 3 + 25_000_000_000 + 50_000_000_000) / 250_000 / 60 + 60;
    expect(migrate.work_minutes).toBeCloseTo(minutes, 1);
    expect(migrate.duration_hours).toBe(Math.ceil((minutes * 1.5) / 15) / 4);
    expect(migrate.duration_basis).toMatch(/^its 6 step\(s\): \d+(\.\d)? min \+ buffer \d+(\.\d)? min \(50% of the work, at least 15 min\)/);
    expect(big.estimated_duration_hours).toBeGreaterThan(result.estimated_duration_hours);
  });

  it('takes throughputs from the spec over the config over the defaults, and says where each came from', () => {
    const fromConfig = createRegistry([database({ throughput: { validation_rows_per_second: 500_000, copy_mb_per_second: 80 } })]);
    const both = plan({ ...sample, throughput: { validation_rows_per_second: 100_000 } } as MigrationSpec, fromConfig);
    const by = (name: string) => both.assumptions!.find((a) => a.name === name)!;
    expect([by('validation_rows_per_second').value, by('validation_rows_per_second').source]).toEqual([
      100_000,
      'spec (throughput.validation_rows_per_second)',
    ]);
    expect([by('copy_mb_per_second').value, by('copy_mb_per_second').source]).toEqual([80, 'config (plugin option throughput)']);
    expect(step(both, 'validate-audit_logs').estimate).toBe('50,000,000 rows ÷ 100,000 rows/s (validation_rows_per_second) = 8.3 min');
    expect(() => plan({ ...sample, throughput: { copy_mbps: 10 } } as MigrationSpec)).toThrowError(/copy_mbps/);
  });

  it('warns that the pattern contradicts the spec: the sample moves to another server under a pattern for one database', () => {
    const warning = result.warnings!.find((w) => w.code === 'pattern-contradiction')!;
    expect(warning.path).toBe('target');
    expect(warning.message).toContain('PostgreSQL 13 → 15');
  });
});

describe('a cross-region database move (data_migration)', () => {
  const move = spec({
    type: 'database',
    pattern: 'data_migration',
    source: 'PostgreSQL 14 on AWS RDS us-east-1',
    target: 'PostgreSQL 14 on AWS RDS eu-west-1',
    constraints: { max_downtime_minutes: 15, data_volume_gb: 300, dependencies: ['checkout', 'billing'] },
    tables_to_migrate: [
      { name: 'orders', row_count: 400_000_000, size_mb: 180_000, critical: true },
      { name: 'order_items', row_count: 900_000_000, size_mb: 100_000, critical: true },
      { name: 'order_events', row_count: 1_200_000_000, size_mb: 27_200 },
    ],
    business_continuity: { preferred_migration_window: { start: '02:00', end: '04:00', timezone: 'UTC' } },
  });
  const result = plan(move);

  it('copies each table through the subscription, sized from its size, and stops replicating it on rollback', () => {
    const copy = step(result, 'copy-orders');
    expect(copy.estimate).toBe('180,000 MB ÷ 40 MB/s (copy_mb_per_second) = 75 min');
    expect(copy.rollback!.name).toBe('Stop replicating orders and empty it on the target');
    expect(copy.rollback!.script).toContain('ALTER PUBLICATION migration_pub DROP TABLE orders;');
    // bulk_copy is as long as its copies and index builds, not the pattern's share.
    const bulk = phase(result, 'bulk_copy');
    expect(bulk.duration_basis).toMatch(/^sum of its steps/);
    expect(bulk.duration_hours).toBe(Math.ceil((307_200 / 40 + 307_200 / 25) / 60 / 15) / 4);
  });

  it('names the facts: cross-region and another server, with the risk they raise', () => {
    const risk = result.risks.find((r) => r.id === 'database/cross-region-transfer')!;
    expect(risk.raised_by).toEqual([
      { fact: 'cross-region', path: 'target', value: 'PostgreSQL 14 on AWS RDS eu-west-1', statement: 'data moves between regions (us-east-1 → eu-west-1)' },
    ]);
    // A 15-minute budget is "zero downtime" for the selection matrix, and data_migration's cutover stops writes.
    expect(result.warnings!.filter((w) => w.code === 'pattern-contradiction').map((w) => w.message)).toEqual([
      'pattern data_migration is meant for migrations that can stop traffic for a while; this spec allows 15 minutes of downtime (patterns recommend lists better fits)',
    ]);
  });

  it('sizes the cutover outage against max_downtime_minutes and warns that the critical counts do not fit', () => {
    const cutover = phase(result, 'cutover');
    const outage = cutover.steps!.filter((s) => s.downtime);
    expect(outage.map((s) => s.id)).toEqual([
      'cutover-pause-writes',
      'cutover-drain-replication',
      'cutover-copy-sequences',
      'cutover-count-critical',
      'cutover-switch',
    ]);
    // 1.3 billion critical rows counted on both sides at 250,000 rows/s: 173 minutes.
    expect(step(result, 'cutover-count-critical').duration_minutes).toBeCloseTo((1_300_000_000 * 2) / 250_000 / 60, 1);
    const codes = result.warnings!.map((w) => w.code);
    expect(codes).toContain('downtime-over-budget');
    expect(codes).toContain('window-too-short');
    expect(result.warnings!.find((w) => w.code === 'downtime-over-budget')!.message).toMatch(
      /^cutover: steps that stop traffic take 184\.1 min \(Stop writes: pause the connection pool 2 \+ .* \+ Compare row counts of the critical tables \(orders, order_items\) 173\.3 \+ Point the pool at the target and resume 3\), more than constraints\.max_downtime_minutes: 15$/,
    );
  });

  it('runs validation in parallel with delta sync and scopes recovery to the three tables', () => {
    expect(phase(result, 'validation').parallel_with).toEqual(['delta_sync']);
    const runbook = createRunbook(registry, result, { clock });
    expect(runbook.data_recovery_plan.scope).toEqual(['orders', 'order_items', 'order_events']);
    expect(
      runbook.rollback_phases
        .find((p) => p.phase_name === 'rollback_bulk_copy')!
        .steps.slice(0, 3)
        .map((s) => s.name),
    ).toEqual([
      'Stop replicating order_events and empty it on the target',
      'Stop replicating order_items and empty it on the target',
      'Stop replicating orders and empty it on the target',
    ]);
  });
});

describe('a zero-downtime column type change (schema_change)', () => {
  const base = {
    type: 'database',
    pattern: 'schema_change',
    source: 'PostgreSQL 16 (orders)',
    target: 'PostgreSQL 16 (orders)',
    tables_to_migrate: [{ name: 'orders', row_count: 500_000_000, size_mb: 200_000, primary_key: ['id'] }],
    schema_changes: [{ table: 'orders', changes: [{ type: 'modify_column', column: 'amount', old_type: 'integer', new_type: 'bigint' }] }],
  };

  it('goes through a new column with zero downtime: expand adds it with a sync trigger, migrate backfills, contract swaps', () => {
    const result = plan(spec({ ...base, constraints: { max_downtime_minutes: 0 } }));
    expect(steps(result, 'expand')).toEqual(['schema-changes-0-changes-0-expand']);
    expect(steps(result, 'migrate')).toEqual(['schema-changes-0-changes-0-backfill', 'schema-changes-0-changes-0-check', 'validate-orders']);
    expect(steps(result, 'contract')).toEqual(['schema-changes-0-changes-0-swap']);
    const expand = step(result, 'schema-changes-0-changes-0-expand');
    expect(expand.script).toContain('ALTER TABLE orders ADD COLUMN amount_new bigint;');
    expect(expand.script).toContain('CREATE TRIGGER orders_amount_sync BEFORE INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_amount_sync();');
    expect(expand.description).toContain(
      'an in-place ALTER would block reads and writes for ~66.7 min (200,000 MB ÷ 50 MB/s (rewrite_mb_per_second) = 66.7 min), and the spec allows 0 min of downtime',
    );
    const backfill = step(result, 'schema-changes-0-changes-0-backfill');
    // Walks the primary key the spec gives, not ctid.
    expect(backfill.script).toContain('WHERE (id) IN (SELECT id FROM orders WHERE amount_new IS NULL AND amount IS NOT NULL LIMIT 10000)');
    expect(backfill.estimate).toBe('500,000,000 rows ÷ 5,000 rows/s (backfill_rows_per_second) = 27.8 h');
    expect(step(result, 'schema-changes-0-changes-0-swap').rollback!.script).toContain('ALTER TABLE orders RENAME COLUMN amount_old TO amount;');
    // Migrate lasts the backfill's work plus its buffer.
    expect(phase(result, 'migrate').duration_basis).toMatch(/^its \d+ step\(s\): .* \+ buffer/);
    expect(result.phases.flatMap((p) => p.steps!).filter((s) => s.downtime)).toEqual([]);
    const risk = result.risks.find((r) => r.id === 'database/table-rewrite-lock')!;
    expect(risk.raised_by!.map((f) => f.path)).toEqual(['schema_changes[0].changes[0]']);
  });

  it('rewrites in place inside the window when the table is small enough for the downtime budget', () => {
    const small = { ...base, tables_to_migrate: [{ name: 'orders', row_count: 5_000_000, size_mb: 2_000 }] };
    const result = plan(spec({ ...small, constraints: { max_downtime_minutes: 120 } }));
    const alter = step(result, 'schema-changes-0-changes-0-apply');
    expect(alter.downtime).toBe(true);
    expect(alter.script).toBe("SET lock_timeout = '5s';\nALTER TABLE orders ALTER COLUMN amount TYPE bigint;");
    expect(alter.estimate).toBe(
      '2,000 MB ÷ 50 MB/s (rewrite_mb_per_second) = 40 s: PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock',
    );
    expect(result.warnings!.map((w) => w.code)).not.toContain('downtime-over-budget');
  });

  it('recommends schema_change for it, favoured by the rewrite', () => {
    const recommendation = registry.patterns('database').find((p) => p.id === 'schema_change')!;
    expect(recommendation.favouredBy.map((f) => f.fact)).toContain('table-rewrite');
  });
});
