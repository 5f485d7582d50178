import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkCompatibility, createRegistry, MigrationArchitectError, type CompatibilityReport } from '@migration-architect/core';
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
