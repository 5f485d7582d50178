import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixtures, missingKeys, tempDir } from './harness.js';

/**
 * Parity with the original migration-architect scripts. Their sample inputs and what they print
 * for them live in test/fixtures/seed/ (see its README), so everything below except the last group
 * runs from the repository alone.
 *
 * The last group runs the original Python scripts themselves. Point MIGRATION_ARCHITECT_SEED_SCRIPTS
 * at the directory holding migration_planner.py, compatibility_checker.py and rollback_generator.py
 * (python3 on PATH) to run it; without it the group is reported as skipped, with a notice.
 */
const seedDir = join(fixtures, 'seed');
const asset = (name: string) => join(seedDir, 'assets', name);
const expectedFile = (name: string) => join(seedDir, 'expected', name);
const expected = (name: string) => JSON.parse(readFileSync(expectedFile(name), 'utf8'));

const issueKey = (i: { type: string; severity: string; field_path: string; new_value: unknown }) =>
  `${i.type} ${i.severity} ${i.field_path} ${JSON.stringify(i.new_value)}`;

describe('parity with the original scripts', () => {
  it.each([
    // The original ignored the service spec's own migration_phases and used the pattern's; we keep the spec's.
    ['sample_database_migration.json', 'db_plan.json', 'database', 'schema_change', ['preparation', 'expand', 'migrate', 'contract', 'cleanup']],
    [
      'sample_service_migration.json',
      'svc_plan.json',
      'service',
      'strangler_fig',
      ['preparation', 'intercept', 'gradual_migration', 'validation', 'decommission'],
    ],
  ])(
    'plan %s: every field of the original plan (%s), the same systems and complexity; errors none, warnings only',
    async (file, planFile, type, pattern, phases) => {
      const { code, stdout, stderr } = await cli(['plan', asset(file)]);
      expect(stderr.split('\n').filter((l) => l && !l.startsWith('migration-architect: warning:'))).toEqual([]);
      expect(code).toBe(0);
      const plan = JSON.parse(stdout);
      const original = expected(planFile);
      expect(plan.migration_type).toBe(type);
      expect(plan.migration_pattern).toBe(pattern);
      expect(missingKeys(original, plan)).toEqual([]);
      for (const field of ['source_system', 'target_system', 'migration_type', 'complexity']) expect(plan[field], field).toBe(original[field]);
      expect(plan.complexity).toBe('critical');
      expect(plan.phases.map((p: { name: string }) => p.name)).toEqual(phases);
      // Phases run one after another in both samples, so the total is their sum.
      expect(plan.phases.reduce((s: number, p: { duration_hours: number }) => s + p.duration_hours, 0)).toBe(plan.estimated_duration_hours);
    },
  );

  it("the database sample keeps the original's phase names; the service sample the spec's own five phases and 86 h", async () => {
    const db = JSON.parse((await cli(['plan', asset('sample_database_migration.json')])).stdout);
    expect(db.phases.map((p: { name: string }) => p.name)).toEqual(expected('db_plan.json').phases.map((p: { name: string }) => p.name));
    const svc = JSON.parse((await cli(['plan', asset('sample_service_migration.json')])).stdout);
    expect(svc.estimated_duration_hours).toBe(86);
    expect(expected('svc_plan.json').estimated_duration_hours).toBe(500);
  });

  it('check on the original schemas: 4 CHECK additions potentially breaking, nothing breaking, exit 1, and the additive changes counted', async () => {
    const { code, stdout } = await cli([
      'check',
      '--before',
      asset('database_schema_before.json'),
      '--after',
      asset('database_schema_after.json'),
      '--type',
      'database',
    ]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.breaking_changes_count).toBe(0);
    expect(report.potentially_breaking_count).toBe(4);
    const risky = report.issues.filter((i: { severity: string }) => i.severity === 'potentially_breaking');
    expect(risky.map((i: { type: string }) => i.type)).toEqual(['check_added', 'check_added', 'check_added', 'check_added']);
    // What the original misses: 1 table, 8 columns, 4 indexes, 1 view, 1 view widened, 1 procedure; 3 columns widened.
    expect(report.additive_changes_count).toBe(16);
    expect(report.non_breaking_changes_count).toBe(3);
    const count = (type: string) => report.issues.filter((i: { type: string }) => i.type === type).length;
    expect([
      count('table_added'),
      count('column_added'),
      count('index_added'),
      count('view_added'),
      count('view_columns_added'),
      count('routine_added'),
    ]).toEqual([1, 8, 4, 1, 1, 1]);
    expect([count('length_increase'), count('type_widened')]).toEqual([1, 2]);
  });

  it('check on the original schemas: every field of the original report, its verdict, its risk assessment and each of its findings', async () => {
    const { stdout } = await cli([
      'check',
      '--before',
      asset('database_schema_before.json'),
      '--after',
      asset('database_schema_after.json'),
      '--type',
      'database',
    ]);
    const report = JSON.parse(stdout);
    const original = expected('compat.json');
    expect(missingKeys(original, report)).toEqual([]);
    expect(report.overall_compatibility).toBe(original.overall_compatibility);
    expect(report.breaking_changes_count).toBe(original.breaking_changes_count);
    expect(report.potentially_breaking_count).toBe(original.potentially_breaking_count);
    expect(report.risk_assessment).toEqual(original.risk_assessment);
    const ours = new Set(report.issues.map(issueKey));
    for (const issue of original.issues) expect(ours, issueKey(issue)).toContain(issueKey(issue));
  });

  it.each([
    ['db_plan.json', 'db_rb.json'],
    ['svc_plan.json', 'svc_rb.json'],
  ])('rollback accepts the original planner output %s and gives every field of the original runbook %s', async (planFile, runbookFile) => {
    const { code, stdout, stderr } = await cli(['rollback', '-i', expectedFile(planFile)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const runbook = JSON.parse(stdout);
    const original = expected(runbookFile);
    expect(missingKeys(original, runbook)).toEqual([]);
    expect(runbook.migration_id).toBe(original.migration_id);
    expect(runbook.rollback_phases.map((p: { phase_name: string }) => p.phase_name)).toEqual(
      original.rollback_phases.map((p: { phase_name: string }) => p.phase_name),
    );
    for (const phase of runbook.rollback_phases) expect(phase.steps.length).toBeGreaterThan(1);
  });
});

const seedScripts = process.env['MIGRATION_ARCHITECT_SEED_SCRIPTS'];
if (!seedScripts) {
  console.info('seed-parity: MIGRATION_ARCHITECT_SEED_SCRIPTS is not set, so the cross-check that runs the original Python scripts is skipped');
}

function runScript(script: string, args: string[]): { status: number | null; stderr: string } {
  const path = join(seedScripts!, script);
  expect(existsSync(path), `MIGRATION_ARCHITECT_SEED_SCRIPTS=${seedScripts} holds no ${script}`).toBe(true);
  const run = spawnSync('python3', [path, ...args], { encoding: 'utf8' });
  if (run.error) throw new Error(`python3 ${script}: ${run.error.message}`);
  return { status: run.status, stderr: run.stderr };
}

/** Drops what changes from run to run: timestamps, and the order of what the checker collects in Python sets. */
function comparable(document: Record<string, unknown>): Record<string, unknown> {
  const { created_at: _created, analysis_date: _analysed, ...rest } = document;
  for (const key of ['issues', 'migration_scripts']) {
    if (Array.isArray(rest[key])) rest[key] = (rest[key] as unknown[]).map((x) => JSON.stringify(x)).sort();
  }
  return rest;
}

describe.skipIf(!seedScripts)('cross-check with the original Python scripts (needs MIGRATION_ARCHITECT_SEED_SCRIPTS)', () => {
  it('the original rollback_generator.py accepts a plan our planner wrote', async () => {
    const dir = tempDir();
    const planFile = join(dir, 'plan.json');
    const { stdout } = await cli(['plan', asset('sample_database_migration.json')]);
    writeFileSync(planFile, stdout);
    const seed = runScript('rollback_generator.py', ['--input', planFile, '--output', join(dir, 'rb.json'), '--format', 'json']);
    expect(seed.stderr).toBe('');
    expect(seed.status).toBe(0);
    const runbook = JSON.parse(readFileSync(join(dir, 'rb.json'), 'utf8'));
    expect(runbook.migration_id).toBe(JSON.parse(stdout).migration_id);
    expect(runbook.rollback_phases).toHaveLength(JSON.parse(stdout).phases.length);
  });

  it.each([
    [
      'migration_planner.py on assets/sample_database_migration.json gives expected/db_plan.json',
      'migration_planner.py',
      ['--input', asset('sample_database_migration.json')],
      'db_plan.json',
      0,
    ],
    [
      'migration_planner.py on assets/sample_service_migration.json gives expected/svc_plan.json',
      'migration_planner.py',
      ['--input', asset('sample_service_migration.json')],
      'svc_plan.json',
      0,
    ],
    [
      'compatibility_checker.py on the assets/ schemas gives expected/compat.json',
      'compatibility_checker.py',
      ['--before', asset('database_schema_before.json'), '--after', asset('database_schema_after.json'), '--type', 'database'],
      'compat.json',
      1,
    ],
    [
      'rollback_generator.py on expected/db_plan.json gives expected/db_rb.json',
      'rollback_generator.py',
      ['--input', expectedFile('db_plan.json')],
      'db_rb.json',
      0,
    ],
    [
      'rollback_generator.py on expected/svc_plan.json gives expected/svc_rb.json',
      'rollback_generator.py',
      ['--input', expectedFile('svc_plan.json')],
      'svc_rb.json',
      0,
    ],
  ] as const)('the fixtures are what the original scripts print: %s', (_run, script, args, file, status) => {
    const out = join(tempDir(), file);
    const seed = runScript(script, [...args, '--output', out, '--format', 'json']);
    expect(seed.stderr).toBe('');
    expect(seed.status).toBe(status);
    expect(comparable(JSON.parse(readFileSync(out, 'utf8')))).toEqual(comparable(expected(file)));
  });
});
