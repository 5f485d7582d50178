import type { RiskTemplateInput, SpecFact } from '@migration-architect/core';
import { terraformRules } from '../../terraform/rules/terraform-rules.js';
import type { SpecTerraformPlan } from './read-spec-plan.js';
import { TERRAFORM_PLAN_FIELD } from './read-spec-plan.js';

/** The fact a finding of this rule becomes: `terraform-stateful-resource-replaced`. */
export const findingFactId = (ruleId: string) => `terraform-${ruleId}`;

/** One fact per finding `check` would fail on (breaking or potentially breaking), stated in the rule's own words. */
export function terraformPlanFacts(plan: SpecTerraformPlan): SpecFact[] {
  return plan.findings
    .filter((f) => f.rule.severity === 'breaking' || f.rule.severity === 'potentially_breaking')
    .map((f) => ({
      id: findingFactId(f.rule.id),
      path: TERRAFORM_PLAN_FIELD,
      value: `${plan.file}: ${f.change.path}`,
      statement: `${f.rule.code ?? f.rule.id}: ${f.description}`,
    }));
}

/**
 * A risk per Terraform rule that can fail `check`, raised by that rule's findings in the plan the
 * spec names (the plan lists each finding under "raised by"). The rule's description is the risk,
 * its safe alternative the mitigation.
 */
export const terraformPlanRisks: Omit<RiskTemplateInput, 'type'>[] = terraformRules
  .filter((rule) => rule.severity === 'breaking' || rule.severity === 'potentially_breaking')
  .map((rule) => ({
    id: findingFactId(rule.id),
    category: 'technical',
    description: `Terraform plan: ${rule.title}${rule.code ? ` (${rule.code})` : ''}. ${rule.description ?? ''}`.trim(),
    probability: rule.severity === 'breaking' ? 'high' : 'medium',
    impact: rule.severity === 'breaking' ? 'critical' : 'high',
    severity: rule.severity === 'breaking' ? 'critical' : 'high',
    mitigation: rule.safeAlternative ?? 'Review the change in terraform show before applying.',
    owner: 'Infrastructure / Platform Team',
    condition: `the plan JSON in ${TERRAFORM_PLAN_FIELD} has a ${rule.code ?? rule.id} finding`,
    when: (_spec: unknown, facts: SpecFact[]) => facts.filter((f) => f.id === findingFactId(rule.id)),
  }));
