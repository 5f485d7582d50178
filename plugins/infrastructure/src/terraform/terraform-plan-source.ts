import { defineSource, InputDataError } from '@migration-architect/core';
import { looksLikePlan, readPlan } from './plan/read-plan.js';
import type { TerraformPlanSide } from './plan/terraform-model.js';

/**
 * `terraform show -json plan.out` (or `tofu show -json`): one input that is a change set. Read by
 * content (a `format_version` and `resource_changes`); with `--type terraform`, any JSON file is
 * read as a plan and fails with the path of what is wrong.
 */
export const terraformPlanSource = defineSource<TerraformPlanSide>({
  id: 'terraform-plan-json',
  checker: 'terraform',
  title: 'Terraform plan JSON',
  description: 'The JSON of a saved Terraform or OpenTofu plan (terraform show -json plan.out), format_version 0.x or 1.x: one input, a change set.',
  read: async (input) => {
    if (input.scheme || !input.isDocumentFile()) return undefined;
    if (!input.explicit && !/\.json$/i.test(input.fileName ?? '') && !input.inMemory) return undefined;
    // hashicorp/setup-terraform's wrapper prints the command before the JSON: a common way to get a broken plan.json.
    if ((await input.text()).startsWith('[command]'))
      throw new InputDataError(
        'starts with a "[command]" line from the setup-terraform wrapper, expected plan JSON: set terraform_wrapper: false, or drop the first line',
        { file: input.name, line: 1 },
      );
    const document = await input.document();
    if (!input.explicit && !looksLikePlan(document)) return undefined;
    const pair = readPlan(document, input.name);
    const version = pair.after.terraformVersion ? `Terraform ${pair.after.terraformVersion}` : 'Terraform';
    return {
      model: pair.after,
      dialect: `terraform-plan-${pair.after.formatVersion}`,
      summary: `${input.name} (${version} plan, ${pair.after.planned.length} resource changes)`,
      changeSet: pair,
    };
  },
});
