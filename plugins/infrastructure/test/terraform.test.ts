import { fileURLToPath } from 'node:url';
import {
  checkCompatibility,
  createRegistry,
  exitCodeForReport,
  InputDataError,
  MigrationArchitectError,
  renderDocument,
  renderReportGithub,
  renderReportSarif,
  ruleCatalog,
  UsageError,
} from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import infrastructure from '../src/index.js';
import { examplePlan } from '../src/terraform/rules/plan-examples.js';
import { clock } from './fixtures.js';

const registry = createRegistry([infrastructure()]);
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/terraform/${name}`, import.meta.url));
const check = (before: string | { name: string; document: unknown }, type?: string) => checkCompatibility(registry, { before, type, clock });
const rows = (report: Awaited<ReturnType<typeof check>>) => report.issues.map((i) => `${i.severity} ${i.rule.replace('infrastructure/', '')} ${i.field_path}`);

describe('check plan.json: one input, a change set', () => {
  it('is recognized by content, without --type, and classifies every resource change', async () => {
    const report = await check(fixture('release-plan.json'));
    expect(report.schema_type).toBe('terraform');
    expect(report.inputs?.after).toMatchObject({ source: 'infrastructure/terraform-plan-json', dialect: 'terraform-plan-1.2' });
    expect(rows(report).sort()).toEqual(
      [
        'breaking stateful-resource-replaced resource_changes.aws_db_instance.orders',
        'breaking stateful-resource-deleted resource_changes.aws_s3_bucket.assets',
        'additive resource-created resource_changes.aws_s3_bucket.static',
        'non_breaking resource-moved resource_changes.module.cache.aws_elasticache_replication_group.main',
        'potentially_breaking deletion-protection-removed resource_changes.aws_rds_cluster.analytics.deletion_protection',
        'potentially_breaking backup-retention-lowered resource_changes.aws_rds_cluster.analytics.backup_retention_period',
        'potentially_breaking important-attribute-unknown resource_changes.aws_rds_cluster.analytics.engine_version',
        'potentially_breaking public-access-opened resource_changes.aws_security_group.db.ingress.cidr_blocks',
        'potentially_breaking resource-replaced resource_changes.aws_launch_template.web',
        'non_breaking resource-drifted resource_drift.aws_security_group.web',
      ].sort(),
    );
    expect(exitCodeForReport(report)).toBe(2);
  });

  it('names what forces a replacement, the order, the reason and the missing final snapshot', async () => {
    const report = await check(fixture('release-plan.json'));
    const replaced = report.issues.find((i) => i.rule === 'infrastructure/stateful-resource-replaced')!;
    expect(replaced.description).toContain('destroy-before-create');
    expect(replaced.description).toContain('Forced by `engine`');
    expect(replaced.description).toContain('replace_because_cannot_update');
    expect(replaced.description).toContain('no final snapshot');
    expect(replaced.old_value).toEqual({ engine: 'mysql' });
    const script = report.migration_scripts[replaced.migration_script_index!]!;
    expect(script.script_content).toContain('prevent_destroy = true');
    expect(script.rollback_script).toContain('terraform import aws_db_instance.orders');
  });

  it('suggests a moved block when a delete and a create of the same type look like a rename', async () => {
    const report = await check(fixture('release-plan.json'));
    const deleted = report.issues.find((i) => i.rule === 'infrastructure/stateful-resource-deleted')!;
    expect(deleted.description).toContain('aws_s3_bucket.static');
    expect(report.migration_scripts[deleted.migration_script_index!]!.script_content).toBe(
      'moved {\n  from = aws_s3_bucket.assets\n  to   = aws_s3_bucket.static\n}',
    );
  });

  it('a move is not a delete; drift is reported apart, under resource_drift', async () => {
    const report = await check(fixture('release-plan.json'));
    const cache = report.issues.filter((i) => i.field_path.includes('elasticache'));
    expect(cache.map((i) => i.rule)).toEqual(['infrastructure/resource-moved']);
    expect(cache[0]!.old_value).toBe('aws_elasticache_replication_group.main');
    const drift = report.issues.find((i) => i.type === 'resource_drift')!;
    expect(drift.description).toMatch(/^Drift \(not part of the plan\): aws_security_group.web changed outside Terraform: description/);
  });

  it('names values unknown at plan time as unknown, never guessed', async () => {
    const report = await check(fixture('release-plan.json'));
    const unknown = report.issues.find((i) => i.rule === 'infrastructure/important-attribute-unknown')!;
    expect(unknown.old_value).toBe('15.4');
    expect(unknown.new_value).toBe('(known after apply)');
    expect(report.issues.some((i) => i.rule === 'infrastructure/engine-major-version-upgrade')).toBe(false);
  });

  it('never prints a sensitive value, in any format', async () => {
    const report = await check(fixture('release-plan.json'));
    const rules = ruleCatalog(registry, 'terraform');
    const outputs = [
      renderDocument({ kind: 'report', document: report }, 'json'),
      renderDocument({ kind: 'report', document: report }, 'text'),
      renderDocument({ kind: 'report', document: report }, 'markdown'),
      renderReportSarif(report, { rules, toolVersion: '0.0.0' }),
      renderReportGithub(report),
    ];
    for (const output of outputs) {
      expect(output).toContain('aws_db_instance.orders');
      for (const secret of ['s3cr3t', 'cluster-secret', 'token-value', 'hunter2']) expect(output).not.toContain(secret);
    }
  });

  it('with --type terraform, a JSON file that is not a plan is refused with its path (65)', async () => {
    const error = await check({ name: 'spec.json', document: { format_version: '1.0', resource_changes: [{ address: 'x' }] } }, 'terraform').catch((e) => e);
    expect(error).toBeInstanceOf(InputDataError);
    expect((error as MigrationArchitectError).exitCode).toBe(65);
    expect((error as MigrationArchitectError).describe()).toContain('resource_changes[0].type');
  });

  it('refuses an unknown format_version and a truncated file with one line naming the file (65)', async () => {
    for (const [file, text] of [
      ['future-format.json', 'unknown Terraform plan format_version "2.0"'],
      ['truncated-plan.json', 'truncated-plan.json'],
    ] as const) {
      const error = (await check(fixture(file)).catch((e) => e)) as MigrationArchitectError;
      expect(error).toBeInstanceOf(InputDataError);
      expect(error.exitCode).toBe(65);
      expect(error.describe()).toContain(text);
      expect(error.describe()).toContain(file);
      expect(error.describe().split('\n')).toHaveLength(1);
    }
  });

  it('names the setup-terraform wrapper when its "[command]" line precedes the JSON (65)', async () => {
    const error = (await check({ name: 'plan.json', document: '[command]/usr/bin/terraform show -json plan.out\n{"format_version":"1.2"}' }).catch(
      (e) => e,
    )) as MigrationArchitectError;
    expect(error.exitCode).toBe(65);
    expect(error.describe()).toContain('terraform_wrapper: false');
  });

  it('one input that is not a change set asks for the other side (64)', async () => {
    const error = await checkCompatibility(createRegistry([infrastructure()]), { before: { name: 'a.json', document: { openapi: '3.0.0' } }, clock }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(MigrationArchitectError);
    const plan = examplePlan([{ address: 'aws_instance.a', actions: ['create'], after: { ami: 'x' } }]);
    const report = await check({ name: 'plan.json', document: plan });
    expect(report.overall_compatibility).toBe('backward_compatible');
    expect(UsageError).toBeDefined();
  });
});

describe('the catalog is data the plugin options extend', () => {
  const plan = examplePlan([{ address: 'acme_ledger.main', actions: ['delete'], before: { name: 'ledger' } }]);
  it('an unknown type is stateless; a configured row makes its delete breaking', async () => {
    const plain = await check({ name: 'plan.json', document: plan });
    expect(plain.issues.map((i) => i.rule)).toEqual(['infrastructure/resource-deleted']);
    const extended = createRegistry([infrastructure({ terraform: { resources: [{ type: 'acme_ledger', category: 'database' }] } })]);
    const report = await checkCompatibility(extended, { before: { name: 'plan.json', document: plan }, clock });
    expect(report.issues.map((i) => `${i.severity} ${i.rule}`)).toEqual(['breaking infrastructure/stateful-resource-deleted']);
  });

  it('configured attribute rows add risky in-place updates', async () => {
    const update = examplePlan([{ address: 'acme_ledger.main', actions: ['update'], before: { tier: 'gold' }, after: { tier: 'bronze' } }]);
    const extended = createRegistry([
      infrastructure({ terraform: { attributes: [{ types: ['acme_ledger'], attribute: 'tier', risk: 'instance-class', test: 'changed' }] } }),
    ]);
    const report = await checkCompatibility(extended, { before: { name: 'plan.json', document: update }, clock });
    expect(report.issues.map((i) => i.rule)).toEqual(['infrastructure/instance-class-changed']);
  });
});
