import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, examples, fixtures, missingKeys, seedScripts, tempDir } from './harness.js';

const seedDbPlan = JSON.parse(readFileSync(join(fixtures, 'seed-db-plan.json'), 'utf8'));
const seedRunbook = JSON.parse(readFileSync(join(fixtures, 'seed-db-runbook.json'), 'utf8'));

describe('parity with the seed scripts', () => {
  it.each([
    ['sample_database_migration.json', 'database', 'schema_change'],
    ['sample_service_migration.json', 'service', 'strangler_fig'],
  ])('plan %s: every field of the seed plan, critical complexity like the seed', async (file, type, pattern) => {
    const { code, stdout, stderr } = await cli(['plan', join(examples, file)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.complexity).toBe('critical');
    expect(plan.migration_type).toBe(type);
    expect(plan.migration_pattern).toBe(pattern);
    expect(missingKeys(seedDbPlan, plan)).toEqual([]);
    expect(plan.phases.reduce((s: number, p: { duration_hours: number }) => s + p.duration_hours, 0)).toBe(plan.estimated_duration_hours);
  });

  it('check on the seed schemas: 4 CHECK additions potentially breaking, nothing breaking, exit 1, and the additive changes counted', async () => {
    const { code, stdout } = await cli(['check', '--before', join(examples, 'database_schema_before.json'), '--after', join(examples, 'database_schema_after.json'), '--type', 'database']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.breaking_changes_count).toBe(0);
    expect(report.potentially_breaking_count).toBe(4);
    const risky = report.issues.filter((i: { severity: string }) => i.severity === 'potentially_breaking');
    expect(risky.map((i: { type: string }) => i.type)).toEqual(['check_added', 'check_added', 'check_added', 'check_added']);
    // What the seed misses: 1 table, 8 columns, 4 indexes, 1 view, 1 view widened, 1 procedure; 3 columns widened.
    expect(report.additive_changes_count).toBe(16);
    expect(report.non_breaking_changes_count).toBe(3);
    const count = (type: string) => report.issues.filter((i: { type: string }) => i.type === type).length;
    expect([count('table_added'), count('column_added'), count('index_added'), count('view_added'), count('view_columns_added'), count('routine_added')]).toEqual([1, 8, 4, 1, 1, 1]);
    expect([count('length_increase'), count('type_widened')]).toEqual([1, 2]);
  });

  it.each([['seed-db-plan.json'], ['seed-svc-plan.json']])('rollback accepts the seed planner output %s and gives every field of the seed runbook', async (file) => {
    const { code, stdout, stderr } = await cli(['rollback', '-i', join(fixtures, file)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const runbook = JSON.parse(stdout);
    expect(missingKeys(seedRunbook, runbook)).toEqual([]);
    for (const phase of runbook.rollback_phases) expect(phase.steps.length).toBeGreaterThan(1);
  });

  it('the seed rollback_generator.py accepts a plan our planner wrote', async () => {
    const dir = tempDir();
    const planFile = join(dir, 'plan.json');
    const { stdout } = await cli(['plan', join(examples, 'sample_database_migration.json')]);
    writeFileSync(planFile, stdout);
    const seed = spawnSync('python3', [join(seedScripts, 'rollback_generator.py'), '--input', planFile, '--output', join(dir, 'rb.json'), '--format', 'json'], { encoding: 'utf8' });
    expect(seed.stderr).toBe('');
    expect(seed.status).toBe(0);
    const runbook = JSON.parse(readFileSync(join(dir, 'rb.json'), 'utf8'));
    expect(runbook.migration_id).toBe(JSON.parse(stdout).migration_id);
    expect(runbook.rollback_phases).toHaveLength(JSON.parse(stdout).phases.length);
  });
});
