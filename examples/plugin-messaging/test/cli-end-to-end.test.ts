import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const demo = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');
const bin = join(dirname(createRequire(import.meta.url).resolve('@migration-architect/cli/package.json')), 'dist', 'bin.js');

function run(args: string[], cwd = demo) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '0' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI loads this plugin through a config file', () => {
  it('lists it from the TS config', () => {
    const { code, stdout, stderr } = run(['plugins']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Plugins from .*migration-architect\.config\.ts:\n {2}migration-architect-plugin-messaging 0\.1\.0 {2}\(namespace messaging\)/);
    expect(stdout).not.toContain('plugin-database');
  });

  it('plans and rolls back a messaging migration with the configured options', () => {
    const plan = run(['plan', 'kafka-to-pulsar.yaml']);
    expect(plan.stderr).toBe('');
    const parsed = JSON.parse(plan.stdout);
    expect(parsed).toMatchObject({ migration_type: 'messaging', migration_pattern: 'dual_publish', complexity: 'high' });
    expect(parsed.risks.map((r: { id: string }) => r.id)).toContain('messaging/zero-downtime');
    const dir = mkdtempSync(join(tmpdir(), 'ma-messaging-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'plan.json'), plan.stdout);
    const runbook = run(['rollback', join(dir, 'plan.json'), '--config', join(demo, 'migration-architect.config.ts')], dir);
    expect(runbook.code).toBe(0);
    const phases = JSON.parse(runbook.stdout).rollback_phases;
    expect(phases[0].phase_name).toBe('rollback_decommission');
    expect(phases.find((p: { phase_name: string }) => p.phase_name === 'rollback_consumer_cutover').steps[0].name).toBe('Move consumer groups back');
  });

  it('checks topic catalogs with its own checker, type inferred, config rule override applied', () => {
    const { code, stdout } = run(['check', 'topics-before.yaml', 'topics-after.yaml']);
    expect(code).toBe(2);
    const report = JSON.parse(stdout);
    expect(report.schema_type).toBe('topics');
    const byRule = Object.fromEntries(report.issues.map((i: { rule: string; severity: string }) => [i.rule, i.severity]));
    expect(byRule).toEqual({
      'messaging/partitions-increased': 'breaking',
      'messaging/field-removed': 'breaking',
      'messaging/field-added': 'additive',
      'messaging/retention-reduced': 'potentially_breaking',
      'messaging/field-retyped': 'breaking',
      'messaging/topic-added': 'additive',
    });
  });

  it('loads it by package name with options from a YAML config', () => {
    const { code, stdout } = run(['patterns', '--type', 'messaging'], join(demo, 'yaml-config'));
    expect(code).toBe(0);
    expect(stdout).toContain('messaging/dual_publish — Dual publishing (migration-architect-plugin-messaging)');
    expect(stdout).toContain('Producers write to both brokers for 24 h');
  });

  it('recommends a pattern from the selection matrix and explains it', () => {
    const { stdout } = run(['patterns', 'recommend', 'kafka-to-pulsar.yaml']);
    expect(stdout).toContain('For a high-complexity messaging migration with zero downtime tolerance');
    expect(stdout).toMatch(/→ dual_publish \(Dual publishing\)\n\s+Producers never stop/);
  });
});
