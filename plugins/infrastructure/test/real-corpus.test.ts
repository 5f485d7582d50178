import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkCompatibility,
  createPlan,
  createRegistry,
  MigrationArchitectError,
  MigrationPlanSchema,
  type CompatibilityReport,
  type MigrationPlan,
} from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../tooling/corpora/corpora-root.js';
import infrastructure from '../src/index.js';

/**
 * Real Terraform plans (the `terraform-plans` corpus: `hashicorp-terraform/` = Terraform's own
 * `internal/command/testdata/show-json/<case>/output.json`, `terraform-compliance/` and
 * `infracost/` = their test plans; docs/testing.md). Every plan is read, every finding comes from a
 * known rule, and the findings that were checked by hand are pinned.
 */
const root = corpusDir('terraform-plans');
const registry = createRegistry([infrastructure()]);
const rules = (report: CompatibilityReport) => report.issues.map((i) => `${i.severity} ${i.rule.replace('infrastructure/', '')} ${i.field_path}`);
const check = (file: string) => checkCompatibility(registry, { before: join(root!, file), type: 'terraform' });

describe.skipIf(!root)('terraform-plans corpus', () => {
  it('reads every plan; the only refusal is the setup-terraform wrapper output, named as such', async () => {
    let plans = 0;
    for (const folder of readdirSync(root!, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(join(root!, folder.name)).filter((f) => f.endsWith('.json'))) {
        plans++;
        const result = await check(join(folder.name, file)).catch((e: unknown) => e);
        if (result instanceof MigrationArchitectError) {
          expect(file).toMatch(/terraform_wrapper/);
          expect(result.describe()).toContain('terraform_wrapper: false');
          continue;
        }
        for (const issue of (result as CompatibilityReport).issues) expect(issue.rule).toMatch(/^infrastructure\//);
      }
    }
    expect(plans).toBeGreaterThanOrEqual(30);
  });

  it('Terraform show-json cases: replace names what forces it, moves are not deletes, drift is apart', async () => {
    expect(rules(await check('hashicorp-terraform/requires-replace.json'))).toEqual([
      'potentially_breaking resource-replaced-destroy-first resource_changes.test_instance.test',
    ]);
    const moved = rules(await check('hashicorp-terraform/moved.json'));
    expect(moved.some((r) => r.includes('resource-moved'))).toBe(true);
    expect(moved.some((r) => r.includes('deleted'))).toBe(false);
    expect(rules(await check('hashicorp-terraform/drift.json')).filter((r) => r.includes('resource_drift.'))).not.toHaveLength(0);
  });
});

/**
 * The same corpus planned: a spec naming each plan (infrastructure_details.terraform_plan) builds a
 * valid plan, and the cases checked by hand are pinned (moves are state-only, drift is a warning,
 * a module call's depends_on orders the resources inside it).
 */
describe.skipIf(!root)('terraform-plans corpus, planned', () => {
  const planFor = (file: string) =>
    createPlan(
      registry,
      { type: 'infrastructure', source: 'cloud', target: 'cloud', infrastructure_details: { terraform_plan: join(root!, file) } },
      { file: 'spec.json', directory: root!, clock: () => new Date(0) },
    );
  const stepsOf = (plan: MigrationPlan) => plan.phases.flatMap((p) => p.steps ?? []);

  it('plans every plan; the only refusal is the setup-terraform wrapper output', () => {
    let plans = 0;
    for (const folder of readdirSync(root!, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of readdirSync(join(root!, folder.name)).filter((f) => f.endsWith('.json'))) {
        plans++;
        let plan: MigrationPlan;
        try {
          plan = planFor(join(folder.name, file));
        } catch (error) {
          expect(error).toBeInstanceOf(MigrationArchitectError);
          expect(file).toMatch(/terraform_wrapper/);
          expect((error as MigrationArchitectError).exitCode).toBe(65);
          continue;
        }
        expect(MigrationPlanSchema.safeParse(plan).success, file).toBe(true);
      }
    }
    expect(plans).toBeGreaterThanOrEqual(30);
  });

  it('Terraform show-json cases: a move is state-only, drift is a warning, depends_on of a module call orders its resources', () => {
    const moved = stepsOf(planFor('hashicorp-terraform/moved.json'));
    expect(moved.map((s) => s.id)).toContain('terraform-state-only');
    expect(moved.some((s) => s.id.startsWith('terraform-cutover') || s.id === 'terraform-stateless-deletes')).toBe(false);
    expect(planFor('hashicorp-terraform/drift.json').warnings?.map((w) => w.code)).toContain('terraform-drift');
    const creates = stepsOf(planFor('hashicorp-terraform/provider-aliasing-default.json')).find((s) => s.id === 'terraform-creates');
    expect(creates?.estimate).toContain('a dependency chain 2 deep');
    expect(creates?.description.indexOf('module.child.module.no_requirements.test_instance.test')).toBeLessThan(
      creates?.description.indexOf('module.child.module.with_requirement.test_instance.test') ?? -1,
    );
  });
});
