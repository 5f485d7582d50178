import { defineChecker } from '@migration-architect/core';
import { createTerraformCatalog, type TerraformCatalogOptions } from './catalog/terraform-catalog.js';
import { TERRAFORM_CHANGE_KINDS } from './diff/terraform-change-kinds.js';
import { diffTerraformPlan, type TerraformChange } from './diff/terraform-diff.js';
import type { TerraformPlanSide } from './plan/terraform-model.js';
import { terraformRules } from './rules/terraform-rules.js';

/** `check plan.json` / `check --type terraform`: every resource change of a Terraform or OpenTofu plan, classified. */
export const createTerraformChecker = (options: Partial<TerraformCatalogOptions> = {}) => {
  const catalog = createTerraformCatalog(options);
  return defineChecker<TerraformPlanSide, TerraformChange>({
    id: 'terraform',
    title: 'Terraform / OpenTofu plan',
    description:
      'Classifies the resource changes of a saved plan (terraform show -json plan.out): destroys and replacements of resources that hold data, risky in-place updates (engine major version, instance class, storage type, encryption, deletion protection, backups, public access, firewall rules), moves, imports and drift. Sensitive values are never shown.',
    changeKinds: [...TERRAFORM_CHANGE_KINDS],
    diff: (before, after) => diffTerraformPlan(before, after, catalog),
    rules: terraformRules,
    recommendations: {
      breaking: [
        'Do not apply this plan as it is: a resource that holds data is destroyed or replaced, or an engine is upgraded with no way back. Snapshot first, or change the configuration (moved / removed blocks, lifecycle { prevent_destroy = true }).',
      ],
      potentiallyBreaking: ['Apply in an announced window, after a snapshot of what the plan touches, and watch the services that depend on it.'],
      withScripts: ['The scripts are Terraform snippets (moved blocks, lifecycle blocks) to add to the configuration, with how to undo them.'],
      always: [
        'Keep this check in CI on the saved plan (terraform plan -out plan.out && terraform show -json plan.out > plan.json): exit 2 blocks destructive plans.',
      ],
    },
  });
};
