import type { ChangeSeverity, RuleContext } from '@migration-architect/core';
import type { TerraformChange } from '../../terraform/diff/terraform-diff.js';
import type { TerraformPlanSide } from '../../terraform/plan/terraform-model.js';
import { terraformRules } from '../../terraform/rules/terraform-rules.js';

/** One change of the plan with the rule that classifies it, as `check` would report it. */
export interface PlanFinding {
  change: TerraformChange;
  rule: { id: string; code: string | null; title: string; severity: ChangeSeverity };
  /** The rule's sentence for this change: names the resource and what happens to it. */
  description: string;
  suggestedMigration: string;
}

/**
 * Classifies the changes with the Terraform checker's own rules (first rule of the change's kind
 * whose `when` holds, as core's engine picks it), so a plan's risks say what `check` says.
 */
export function classifyPlanChanges(changes: TerraformChange[], pair: { before: TerraformPlanSide; after: TerraformPlanSide }): PlanFinding[] {
  const context: RuleContext<TerraformPlanSide> = { before: pair.before, after: pair.after, dialect: null };
  return changes.flatMap((change) => {
    const rule = terraformRules.find((r) => r.change === change.kind && (!r.when || r.when(change, context)));
    if (!rule) return [];
    const outcome = rule.classify(change, context);
    return [
      {
        change,
        rule: { id: rule.id, code: rule.code ?? null, title: rule.title, severity: outcome.severity ?? rule.severity },
        description: outcome.description,
        suggestedMigration: outcome.suggestedMigration,
      },
    ];
  });
}
