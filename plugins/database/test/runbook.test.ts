import { createPlan, createRunbook, MigrationSpecSchema, RollbackRunbookSchema, validateDocument } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { clock, readExample, registry } from './fixtures.js';

const spec = validateDocument(MigrationSpecSchema, readExample('sample_database_migration.json'), 'spec.json', 'a migration spec');
const plan = createPlan(registry, spec, { clock });
const runbook = createRunbook(registry, plan, { clock });

describe('runbook from the seed sample plan', () => {
  it('is a valid runbook with every phase reversed', () => {
    expect(RollbackRunbookSchema.safeParse(runbook).success).toBe(true);
    expect(runbook.rollback_phases.map((p) => p.phase_name)).toEqual([
      'rollback_cleanup',
      'rollback_contract',
      'rollback_migrate',
      'rollback_expand',
      'rollback_preparation',
    ]);
  });

  it('gives every phase, expand and migrate included, real steps before the final validation', () => {
    for (const phase of runbook.rollback_phases) {
      const steps = phase.steps;
      expect(steps.at(-1)!.step_id).toMatch(/_validate$/);
      const real = steps.slice(0, -1);
      expect(real.length, phase.phase_name).toBeGreaterThanOrEqual(2);
      for (const step of real) {
        expect(step.step_id).not.toMatch(/_revert$/);
        expect(step.script_content.trim().length).toBeGreaterThan(20);
        expect(step.success_criteria.length).toBeGreaterThan(0);
      }
      expect(new Set(steps.map((s) => s.step_id)).size).toBe(steps.length);
    }
    const migrate = runbook.rollback_phases.find((p) => p.phase_name === 'rollback_migrate')!;
    expect(migrate.steps.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Stop migration sessions', 'Disable dual writes', 'Move reads back to the old schema']),
    );
    const expand = runbook.rollback_phases.find((p) => p.phase_name === 'rollback_expand')!;
    expect(expand.steps.some((s) => s.script_content.includes("phase = 'expand'"))).toBe(true);
  });

  it('validates with runnable catalog queries, not {placeholder} templates', () => {
    const commands = runbook.rollback_phases.flatMap((p) => p.steps.at(-1)!.validation_commands);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command).toMatch(/^SELECT /);
      expect(command).not.toMatch(/\{[a-z_]+\}/);
    }
  });

  it('adds the database triggers, the DBA to escalation and a PostgreSQL recovery plan', () => {
    expect(runbook.trigger_conditions.map((t) => t.trigger_id)).toEqual(
      expect.arrayContaining(['data_integrity_failure', 'migration_progress_stalled', 'replication_lag_exceeded', 'lock_wait_queue']),
    );
    expect(runbook.escalation_matrix['level_2']!.contacts).toContain('dba_team');
    expect(runbook.escalation_matrix['level_3']!.contacts).toContain('dba_team');
    // The plan names its tables: recovery restores those, not the whole cluster.
    const recovery = runbook.data_recovery_plan;
    expect(recovery.recovery_method).toBe('table_restore');
    expect(recovery.scope).toEqual(['users', 'user_profiles', 'user_sessions', 'audit_logs']);
    expect(recovery.recovery_scripts.join('\n')).toContain(
      '--table=users --table=user_profiles --table=user_sessions --table=audit_logs "$BACKUP_DIR/pre_migration.dump"',
    );
    // 5,340 MB at 40 MB/s (restore_mb_per_second) = 2.2 min, rounded up, plus 15 min to check and analyze.
    expect(recovery.estimated_recovery_time_minutes).toBe(18);
    expect(recovery.data_validation_queries.filter((q) => q.includes('migration_meta.row_counts'))).toHaveLength(4);
    // A plan without a scope (the original planner's) keeps the full point-in-time recovery.
    const { scope: _scope, ...unscoped } = plan;
    const full = createRunbook(registry, unscoped, { clock }).data_recovery_plan;
    expect(full.recovery_method).toBe('point_in_time');
    expect(full.recovery_scripts.join('\n')).toMatch(/recovery_target_(name|time)/);
    expect(runbook.communication_templates.some((t) => t.audience === 'dba')).toBe(true);
    expect(runbook.validation_checklist).toContain('Confirm referential integrity constraints');
  });
});

describe('rollback coverage', () => {
  it('has rollback steps for every phase of every database pattern and of the default plan', () => {
    const type = registry.migrationType('database')!;
    const phases = new Set([...type.defaultPlan.phases, ...registry.patterns('database').flatMap((p) => p.phases)]);
    expect(phases.size).toBe(12);
    for (const phase of phases) {
      expect(registry.rollbacksFor('database', phase).length, phase).toBeGreaterThan(0);
      expect(registry.phaseTemplate('database', phase), phase).toBeDefined();
    }
  });

  it('gives data_migration and default-plan runbooks real steps too', () => {
    for (const pattern of ['data_migration', undefined]) {
      const other = createPlan(registry, { ...spec, ...(pattern ? { pattern } : { pattern: undefined }) }, { clock });
      const book = createRunbook(registry, other, { clock });
      for (const phase of book.rollback_phases) expect(phase.steps.length, phase.phase_name).toBeGreaterThanOrEqual(2);
    }
  });
});
