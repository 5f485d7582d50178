import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPlan,
  createRegistry,
  MigrationArchitectError,
  MigrationPlanSchema,
  renderPlanMarkdown,
  renderPlanText,
  validateDocument,
  MigrationSpecSchema,
  type MigrationPlan,
  type MigrationSpec,
} from '@migration-architect/core';
import { afterAll, describe, expect, it } from 'vitest';
import infrastructure from '../src/index.js';
import { configurationDependencies, dependencyOrder } from '../src/plan/terraform-plan/configuration-dependencies.js';
import { clock } from './fixtures.js';

/*
 * `plan` for a spec that names a Terraform plan JSON (infrastructure_details.terraform_plan). The
 * fixture (test/fixtures/terraform/plan-spec/) is written for this project, modelled on
 * terraform-compliance's and infracost's test plans: a new VPC with subnets and a subnet group, the
 * orders database replaced (engine MySQL → PostgreSQL, 200 GB), an EBS volume and a listener
 * destroyed, a launch template replaced, a cache moved into a module, a bucket imported, drift.
 */
const folder = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/terraform/plan-spec');
const registry = createRegistry([infrastructure()]);
const specIn = (name: string): MigrationSpec =>
  validateDocument(MigrationSpecSchema, JSON.parse(readFileSync(join(folder, name), 'utf8')), name, 'a migration spec');
const planOf = (spec: MigrationSpec, directory = folder): MigrationPlan => createPlan(registry, spec, { clock, file: 'release-spec.json', directory });

const plan = planOf(specIn('release-spec.json'));
const steps = plan.phases.flatMap((p) => (p.steps ?? []).map((s) => ({ ...s, phase: p.name })));
const step = (id: string) => {
  const found = steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id} in ${steps.map((s) => s.id).join(', ')}`);
  return found;
};

describe('a plan JSON named by the spec', () => {
  it('is a valid plan whose Terraform steps come in the order the apply is reviewed', () => {
    expect(MigrationPlanSchema.safeParse(plan).success).toBe(true);
    expect(steps.filter((s) => s.id.startsWith('terraform-')).map((s) => s.id)).toEqual([
      'terraform-state-only',
      'terraform-creates',
      'terraform-updates',
      'terraform-stateless-replaces',
      'terraform-snapshot-1',
      'terraform-cutover-1',
      'terraform-snapshot-2',
      'terraform-cutover-2',
      'terraform-stateless-deletes',
    ]);
    expect(step('terraform-state-only').phase).toBe('preparation');
    expect(step('terraform-creates').phase).toBe('migration');
  });

  it('orders creates by the configuration: the VPC, then its subnets, then the subnet group (a chain 3 deep)', () => {
    const creates = step('terraform-creates');
    expect(creates.description).toBe(
      'New resources; nothing existing changes, in dependency order (depends_on and references in the plan JSON configuration): aws_vpc.main, aws_subnet.private["a"], aws_subnet.private["b"], aws_db_subnet_group.orders',
    );
    // Abbreviated in the name (text), every address in the description (JSON).
    expect(creates.name).toBe('Create 4 resources: aws_vpc.main, aws_subnet.private["a"], aws_subnet.private["b"] and 1 more');
    expect(creates.duration_minutes).toBe(6);
    expect(creates.estimate).toBe(
      '4 resources, 10 at a time (terraform_parallelism), a dependency chain 3 deep: 3 rounds × 2 min (minutes_per_resource_change) = 6 min',
    );
  });

  it('makes the replaced database a cutover: snapshot before (sized from allocated_storage), restore as the rollback', () => {
    const snapshot = step('terraform-snapshot-1');
    expect(snapshot.name).toBe('Snapshot aws_db_instance.orders (RDS DB snapshot)');
    expect(snapshot.script).toBe('aws rds create-db-snapshot --db-instance-identifier orders-prod --db-snapshot-identifier orders-prod-pre-apply');
    expect(snapshot.script_type).toBe('bash');
    expect(snapshot.downtime).toBe(true);
    // 200 GB × 1024 ÷ 50 MB/s ÷ 60 = 68.27 min
    expect(snapshot.duration_minutes).toBe(68.27);
    expect(snapshot.estimate).toBe('200 GB (allocated_storage) × 1024 ÷ 50 MB/s (snapshot_mb_per_second) = 68.3 min');
    const cutover = step('terraform-cutover-1');
    expect(cutover.name).toBe('Replace aws_db_instance.orders (database) and restore its data');
    expect(cutover.description).toMatch(
      /^TF111: aws_db_instance\.orders \(aws_db_instance, database\) is replaced \(destroy-before-create\)\. Forced by `engine`\./,
    );
    expect(cutover.duration_minutes).toBe(88.27);
    expect(cutover.estimate).toBe(
      '20 min to create a database (create_minutes_database) + 68.3 min to restore 200 GB (allocated_storage) at 50 MB/s (snapshot_mb_per_second) = 88.3 min',
    );
    expect(cutover.downtime).toBe(true);
    expect(cutover.rollback?.name).toBe('Restore aws_db_instance.orders from its snapshot');
    expect(cutover.rollback?.script).toContain('aws rds restore-db-instance-from-db-snapshot --db-instance-identifier orders-prod');
    expect(cutover.rollback?.duration_minutes).toBe(68.27);
  });

  it('snapshots a destroyed volume by its id and size, without stopping traffic; its destroy is one operation', () => {
    const snapshot = step('terraform-snapshot-2');
    expect(snapshot.script).toBe('aws ec2 create-snapshot --volume-id vol-0123abcd --description "vol-0123abcd before terraform apply"');
    expect(snapshot.downtime).toBe(false);
    expect(snapshot.duration_minutes).toBe(34.13);
    const destroy = step('terraform-cutover-2');
    expect(destroy.name).toBe('Destroy aws_ebs_volume.scratch (volume)');
    expect(destroy.duration_minutes).toBe(2);
    expect(destroy.rollback?.script).toContain('aws ec2 create-volume --snapshot-id <snapshot-id>');
  });

  it('keeps stateless changes in their groups: the launch template replace, the listener destroy last', () => {
    expect(step('terraform-stateless-replaces').name).toBe('Replace 1 resource (stateless): aws_launch_template.web');
    expect(step('terraform-stateless-deletes').name).toBe('Destroy 1 resource (stateless): aws_lb_listener.legacy_http');
    expect(step('terraform-updates').name).toBe('Update 1 resource in place: aws_security_group.db');
  });

  it('counts moves and imports as state-only, never as destroys', () => {
    const stateOnly = step('terraform-state-only');
    expect(stateOnly.name).toBe('Record state-only changes (1 moved, 1 imported): module.cache.aws_elasticache_replication_group.main, aws_s3_bucket.audit');
    expect(steps.some((s) => s.name.includes('elasticache') && s.id !== 'terraform-state-only')).toBe(false);
  });

  it('lists drift apart, as a warning, and warns that the database cutover exceeds the downtime budget', () => {
    const codes = plan.warnings?.map((w) => w.code);
    expect(codes).toContain('terraform-drift');
    expect(plan.warnings?.find((w) => w.code === 'terraform-drift')?.message).toBe(
      "release-plan.json: 1 resource changed outside Terraform since the last apply (resource_drift, not part of the plan's changes): aws_security_group.web; reconcile the configuration before applying",
    );
    // 68.3 + 88.3 min stop traffic, 120 allowed.
    expect(codes).toContain('downtime-over-budget');
    expect(steps.some((s) => s.name.includes('aws_security_group.web'))).toBe(false);
  });

  it('raises risks from the plan findings, each naming the resource the rule found', () => {
    const risk = (id: string) => plan.risks.find((r) => r.id === `infrastructure/${id}`);
    const replaced = risk('terraform-stateful-resource-replaced');
    expect(replaced?.severity).toBe('critical');
    expect(replaced?.raised_by?.map((f) => f.statement)).toEqual([expect.stringMatching(/^TF111: aws_db_instance\.orders /)]);
    expect(risk('terraform-stateful-resource-deleted')?.raised_by?.[0]?.statement).toMatch(/^TF101: aws_ebs_volume\.scratch /);
    expect(risk('terraform-serving-resource-deleted')?.raised_by?.[0]?.statement).toMatch(/^TF102: aws_lb_listener\.legacy_http /);
    expect(risk('terraform-resource-replaced')?.severity).toBe('high');
    // No finding, no risk.
    expect(risk('terraform-public-access-opened')).toBeUndefined();
  });

  it('states every assumption the estimates use, and only those', () => {
    expect(plan.assumptions?.map((a) => `${a.name}=${a.value}`)).toEqual([
      'transfer_mb_per_second=100',
      'terraform_parallelism=10',
      'minutes_per_resource_change=2',
      'create_minutes_database=20',
      'snapshot_mb_per_second=50',
    ]);
  });

  it('never prints a sensitive value in any rendering', () => {
    for (const text of [JSON.stringify(plan), renderPlanText(plan), renderPlanMarkdown(plan)]) {
      expect(text).not.toContain('never-printed');
    }
  });

  it('takes the snapshot throughput from the spec when it gives one', () => {
    const spec = { ...specIn('release-spec.json'), throughput: { snapshot_mb_per_second: 200 } } as MigrationSpec;
    const faster = planOf(spec);
    const snapshot = faster.phases.flatMap((p) => p.steps ?? []).find((s) => s.id === 'terraform-snapshot-1');
    expect(snapshot?.duration_minutes).toBe(17.07);
    expect(faster.assumptions?.find((a) => a.name === 'snapshot_mb_per_second')?.source).toBe('spec (throughput.snapshot_mb_per_second)');
  });

  it('without terraform_plan, plans as before: no Terraform steps, no plan risks', () => {
    const spec = specIn('release-spec.json') as MigrationSpec & { infrastructure_details: Record<string, unknown> };
    const without = planOf({ ...spec, infrastructure_details: {} } as MigrationSpec);
    expect(without.phases.flatMap((p) => p.steps ?? [])).toEqual([]);
    expect(without.risks.some((r) => r.id?.startsWith('infrastructure/terraform-'))).toBe(false);
  });
});

describe('sizes when the plan shows none, and the snapshot catalog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ma-tfplan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => writeFileSync(join(dir, name), content);
  const specFor = (file: string) =>
    validateDocument(
      MigrationSpecSchema,
      { type: 'infrastructure', source: 'GCP', target: 'GCP', infrastructure_details: { terraform_plan: file } },
      'spec.json',
      'a migration spec',
    );
  const entry = (address: string, type: string, actions: string[], before: unknown, after: unknown = null) => ({
    address,
    mode: 'managed',
    type,
    name: address.split('.')[1],
    provider_name: 'registry.terraform.io/hashicorp/google',
    change: { actions, before, after, after_unknown: {} },
  });

  it('uses the stated defaults for a size the plan does not show, and the category method for a type without a row', () => {
    write(
      'gcp.json',
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          entry('google_storage_bucket.exports', 'google_storage_bucket', ['delete'], { name: 'acme-exports' }),
          entry('google_spanner_database.ledger', 'google_spanner_database', ['delete', 'create'], { name: 'ledger' }, { name: 'ledger' }),
        ],
      }),
    );
    const result = createPlan(registry, specFor('gcp.json'), { clock, file: 'spec.json', directory: dir });
    const all = result.phases.flatMap((p) => p.steps ?? []);
    const bucket = all.find(
      (s) => s.name === 'Snapshot google_storage_bucket.exports (Cloud Storage object copy; object versioning turned on beforehand also keeps them)',
    );
    expect(bucket?.script).toBe('gcloud storage cp --recursive gs://acme-exports/* gs://acme-exports-pre-apply/');
    expect(bucket?.estimate).toBe('size not in the plan: 30 min (snapshot_minutes_when_size_unknown)');
    const ledger = all.find((s) => s.name === 'Snapshot google_spanner_database.ledger (database backup)');
    expect(ledger?.script_type).toBe('manual');
    expect(ledger?.script).toBe("Take the provider's on-demand backup of ledger, or a logical dump (pg_dump, mysqldump)");
    const replace = all.find((s) => s.name === 'Replace google_spanner_database.ledger (database) and restore its data');
    expect(replace?.estimate).toBe(
      '20 min to create a database (create_minutes_database) + 60 min to restore, size not in the plan (restore_minutes_when_size_unknown) = 80 min',
    );
    expect(all.find((s) => s.id === 'terraform-creates')).toBeUndefined();
    // No configuration in the plan: the grouping says so.
    expect(result.assumptions?.map((a) => a.name)).toContain('restore_minutes_when_size_unknown');
  });

  it('snapshots a database before an in-place engine major upgrade (no way back but the snapshot), with its restore as rollback', () => {
    write(
      'upgrade.json',
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          entry(
            'aws_db_instance.reports',
            'aws_db_instance',
            ['update'],
            { identifier: 'reports', engine: 'postgres', engine_version: '13.7', allocated_storage: 30 },
            { identifier: 'reports', engine: 'postgres', engine_version: '15.4', allocated_storage: 30 },
          ),
          entry('aws_db_instance.audit', 'aws_db_instance', ['update'], { identifier: 'audit', tags: { a: '1' } }, { identifier: 'audit', tags: { a: '2' } }),
        ],
      }),
    );
    const result = createPlan(registry, specFor('upgrade.json'), { clock, file: 'spec.json', directory: dir });
    const all = result.phases.flatMap((p) => p.steps ?? []);
    expect(all.map((s) => s.id)).toEqual(['terraform-pre-update-snapshot-1', 'terraform-updates']);
    const snapshot = all[0]!;
    expect(snapshot.name).toBe('Snapshot aws_db_instance.reports before its in-place update (RDS DB snapshot)');
    expect(snapshot.description).toMatch(/^TF121: aws_db_instance\.reports\.engine_version: 13\.7 → 15\.4/);
    expect(snapshot.script).toBe('aws rds create-db-snapshot --db-instance-identifier reports --db-snapshot-identifier reports-pre-apply');
    // 30 GB × 1024 ÷ 50 MB/s ÷ 60
    expect(snapshot.duration_minutes).toBe(10.24);
    expect(snapshot.rollback?.name).toBe('Restore aws_db_instance.reports from its pre-update snapshot');
    // The tag change on the other database is no reason for a snapshot.
    expect(all.filter((s) => s.name.includes('aws_db_instance.audit') && s.id !== 'terraform-updates')).toEqual([]);
  });

  it("takes snapshot rows from the plugin options (a type of the team's own)", () => {
    write(
      'custom.json',
      JSON.stringify({ format_version: '1.2', resource_changes: [entry('acme_ledger.main', 'acme_ledger', ['delete'], { ledger_id: 'L-1' })] }),
    );
    const custom = createRegistry([
      infrastructure({
        terraform: {
          resources: [{ type: 'acme_ledger', category: 'database' }],
          snapshots: [{ types: ['acme_ledger'], method: 'ledger export', idAttribute: 'ledger_id', snapshot: 'acme export {id}', restore: 'acme import {id}' }],
        },
      }),
    ]);
    const result = createPlan(custom, specFor('custom.json'), { clock, file: 'spec.json', directory: dir });
    const all = result.phases.flatMap((p) => p.steps ?? []);
    expect(all.find((s) => s.id === 'terraform-snapshot-1')?.script).toBe('acme export L-1');
    expect(all.find((s) => s.id === 'terraform-cutover-1')?.rollback?.script).toBe('acme import L-1');
  });

  it('gives one line naming the spec field, the file and what was expected, with exit 66 or 65', () => {
    write('broken.json', '{"format_version": "1.2", "resource_changes": [');
    write('future.json', JSON.stringify({ format_version: '2.0', resource_changes: [] }));
    write('openapi.json', JSON.stringify({ openapi: '3.1.0', paths: {} }));
    write('wrapped.json', `[command]/usr/bin/terraform show -json plan.out\n{"format_version":"1.2"}`);
    write('bad-entry.json', JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'a.b', type: 'a', change: {} }] }));
    const failure = (file: string) => {
      try {
        createPlan(registry, specFor(file), { clock, file: 'spec.json', directory: dir });
      } catch (error) {
        expect(error).toBeInstanceOf(MigrationArchitectError);
        const e = error as MigrationArchitectError;
        return { code: e.exitCode, line: e.describe() };
      }
      throw new Error(`${file} was accepted`);
    };
    expect(failure('missing.json')).toEqual({
      code: 66,
      line: `spec.json: infrastructure_details.terraform_plan: cannot read missing.json (no such file, resolved to ${join(dir, 'missing.json')}); expected a plan JSON (terraform show -json plan.out > plan.json) relative to the spec`,
    });
    expect(failure('broken.json').code).toBe(65);
    expect(failure('broken.json').line).toMatch(
      /^spec\.json: infrastructure_details\.terraform_plan: broken\.json is not valid JSON \(.+\); expected the output of terraform show -json plan\.out$/,
    );
    expect(failure('future.json')).toEqual({
      code: 65,
      line: 'spec.json: infrastructure_details.terraform_plan: future.json: format_version: unknown Terraform plan format_version "2.0", expected 0.x or 1.x (terraform show -json of Terraform 0.12 or later, or OpenTofu)',
    });
    expect(failure('openapi.json')).toEqual({
      code: 65,
      line: 'spec.json: infrastructure_details.terraform_plan: openapi.json is not a Terraform plan JSON: expected an object with format_version and resource_changes (terraform show -json plan.out)',
    });
    expect(failure('wrapped.json').line).toContain('wrapped.json starts with a "[command]" line from the setup-terraform wrapper');
    expect(failure('bad-entry.json').line).toMatch(
      /^spec\.json: infrastructure_details\.terraform_plan: bad-entry\.json: resource_changes\[0\]\.change\.actions: not a Terraform plan JSON/,
    );
    expect(failure('.').line).toContain('(it is a folder,');
  });
});

describe('dependencies from a plan configuration', () => {
  it('follow references, depends_on, module calls and module references; instance keys are dropped', () => {
    const graph = configurationDependencies({
      root_module: {
        resources: [
          { address: 'aws_vpc.main', mode: 'managed', expressions: {} },
          { address: 'aws_instance.web', mode: 'managed', expressions: { subnet_id: { references: ['module.net.subnet_id', 'module.net'] } } },
          { address: 'aws_eip.web', mode: 'managed', expressions: { instance: { references: ['aws_instance.web[0].id'] } }, depends_on: ['aws_vpc.main'] },
          { address: 'data.aws_ami.web', mode: 'data', expressions: {} },
        ],
        module_calls: {
          net: {
            expressions: { vpc_id: { references: ['aws_vpc.main.id', 'aws_vpc.main'] } },
            module: { resources: [{ address: 'aws_subnet.a', mode: 'managed', expressions: { tags: [{ owner: { references: ['var.owner'] } }] } }] },
          },
        },
      },
    });
    expect(graph.stated).toBe(true);
    expect([...graph.edges.get('module.net.aws_subnet.a')!]).toEqual(['aws_vpc.main']);
    expect([...graph.edges.get('aws_instance.web')!]).toEqual(['module.net.aws_subnet.a']);
    expect([...graph.edges.get('aws_eip.web')!].sort()).toEqual(['aws_instance.web', 'aws_vpc.main']);
    expect(graph.edges.has('data.aws_ami.web')).toBe(false);
    const order = dependencyOrder(['aws_eip.web', 'aws_instance.web[0]', 'module.net.aws_subnet.a', 'aws_vpc.main'], graph);
    expect(order).toEqual({ ordered: ['aws_vpc.main', 'module.net.aws_subnet.a', 'aws_instance.web[0]', 'aws_eip.web'], depth: 4 });
  });

  it('without a configuration keeps plan order, one level deep', () => {
    const graph = configurationDependencies(undefined);
    expect(graph.stated).toBe(false);
    expect(dependencyOrder(['b.b', 'a.a'], graph)).toEqual({ ordered: ['b.b', 'a.a'], depth: 1 });
  });
});
