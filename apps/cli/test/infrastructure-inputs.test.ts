import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './harness.js';

const plan = (changes: unknown[], formatVersion = '1.2') =>
  JSON.stringify({ format_version: formatVersion, terraform_version: '1.9.8', resource_changes: changes });
const change = (address: string, actions: string[], before: unknown, after: unknown) => {
  const [type, name] = address.split('.');
  return { address, mode: 'managed', type, name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions, before, after, after_unknown: {} } };
};

describe('check with one input: a Terraform plan', () => {
  it('reads plan.json alone, exits 2 on a destroyed database and 0 on creates only', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'destroy.json'), plan([change('aws_db_instance.main', ['delete'], { identifier: 'main' }, null)]));
    writeFileSync(join(dir, 'create.json'), plan([change('aws_sqs_queue.jobs', ['create'], null, { name: 'jobs' })]));
    const destroy = await cli(['check', 'destroy.json', '--format', 'text'], { cwd: dir });
    expect(destroy.code).toBe(2);
    expect(destroy.stdout).toContain('aws_db_instance.main (aws_db_instance, database) is destroyed');
    const create = await cli(['check', 'create.json', '--fail-on', 'potentially_breaking'], { cwd: dir });
    expect(create.code).toBe(0);
    expect(JSON.parse(create.stdout).schema_type).toBe('terraform');
  });

  it('refuses one input that is not a change set (64), and an unknown format_version (65), in one line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'openapi.yaml'), 'openapi: 3.0.3\ninfo: { title: x, version: "1" }\npaths: {}\n');
    writeFileSync(join(dir, 'future.json'), plan([], '2.0'));
    const single = await cli(['check', 'openapi.yaml'], { cwd: dir });
    expect(single.code).toBe(64);
    expect(single.stderr).toMatch(/^migration-architect: error: openapi\.yaml reads as a api schema .*not a change set: give the after schema too/);
    const future = await cli(['check', 'future.json'], { cwd: dir });
    expect(future.code).toBe(65);
    expect(future.stderr.trim().split('\n')).toHaveLength(1);
    expect(future.stderr).toContain('future.json');
    expect(future.stderr).toContain('unknown Terraform plan format_version "2.0"');
  });
});

describe('check two Kubernetes manifest folders', () => {
  it('compares folders, takes --target-version, and writes SARIF with the file and line', async () => {
    const dir = tempDir();
    for (const side of ['before', 'after']) mkdirSync(join(dir, side));
    const cron = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n`;
    writeFileSync(join(dir, 'before/jobs.yaml'), cron('batch/v1'));
    writeFileSync(join(dir, 'after/jobs.yaml'), `# rendered by helm template\n---\n${cron('batch/v1beta1')}`);
    const old = await cli(['check', 'before', 'after', '--target-version', '1.24', '--format', 'text'], { cwd: dir });
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('removed in Kubernetes 1.25; use batch/v1');
    const current = await cli(['check', 'before', 'after', '--target-version', '1.32', '--format', 'sarif'], { cwd: dir });
    expect(current.code).toBe(2);
    const result = JSON.parse(current.stdout).runs[0].results[0];
    expect(result.ruleId).toBe('KUB111');
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'after/jobs.yaml' }, region: { startLine: 3 } });
  });
});

describe('plan with a Terraform plan JSON named by the spec', () => {
  const spec = (planPath: string) =>
    JSON.stringify({ type: 'infrastructure', source: 'aws', target: 'aws', infrastructure_details: { terraform_plan: planPath } });

  it('reads the plan relative to the spec, not to the working directory', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'release'));
    writeFileSync(join(dir, 'release', 'spec.json'), spec('plan.json'));
    writeFileSync(
      join(dir, 'release', 'plan.json'),
      plan([
        change('aws_db_instance.main', ['delete', 'create'], { identifier: 'main', allocated_storage: 20 }, { identifier: 'main', allocated_storage: 20 }),
      ]),
    );
    const result = await cli(['plan', 'release/spec.json', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const steps = (JSON.parse(result.stdout) as { phases: { steps: { id: string; script: string | null }[] }[] }).phases.flatMap((p) => p.steps);
    expect(steps.find((s) => s.id === 'terraform-snapshot-1')?.script).toBe(
      'aws rds create-db-snapshot --db-instance-identifier main --db-snapshot-identifier main-pre-apply',
    );
    // patterns recommend reads the same facts, so it resolves the plan the same way.
    const patterns = await cli(['patterns', 'recommend', 'release/spec.json'], { cwd: dir });
    expect(patterns.stderr).toBe('');
    expect(patterns.code).toBe(0);
  });

  it('a missing plan is one line naming the spec, the field and the file (66); an invalid one 65', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.json'), spec('plans/none.json'));
    const missing = await cli(['plan', 'spec.json'], { cwd: dir });
    expect(missing.code).toBe(66);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(
      /^migration-architect: error: spec\.json: infrastructure_details\.terraform_plan: cannot read plans\/none\.json \(no such file, resolved to .+\); expected a plan JSON/,
    );
    writeFileSync(join(dir, 'truncated.json'), '{"format_version": "1.2", "resource_');
    writeFileSync(join(dir, 'spec.json'), spec('truncated.json'));
    const invalid = await cli(['plan', 'spec.json'], { cwd: dir });
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toMatch(/^migration-architect: error: spec\.json: infrastructure_details\.terraform_plan: truncated\.json is not valid JSON/);
  });
});
