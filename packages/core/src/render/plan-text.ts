import type { MigrationPlan } from '../documents/plan.js';
import { banner, section } from './text-layout.js';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'] as const;

export function renderPlanText(plan: MigrationPlan): string {
  const out: string[] = [...banner(`MIGRATION PLAN: ${plan.migration_id}`)];
  out.push(
    `Source System: ${plan.source_system}`,
    `Target System: ${plan.target_system}`,
    `Migration Type: ${plan.migration_type.toUpperCase()}`,
    ...(plan.migration_pattern ? [`Pattern: ${plan.migration_pattern}`] : []),
    `Complexity Level: ${plan.complexity.toUpperCase()}`,
    `Estimated Duration: ${plan.estimated_duration_hours} hours (${(plan.estimated_duration_hours / 24).toFixed(1)} days)`,
    `Created: ${plan.created_at}`,
    '',
    ...section('MIGRATION PHASES'),
  );
  plan.phases.forEach((phase, i) => {
    out.push(`${i + 1}. ${phase.name.toUpperCase()} (${phase.duration_hours}h)`, `   Description: ${phase.description}`, `   Risk Level: ${phase.risk_level.toUpperCase()}`);
    if (phase.dependencies.length) out.push(`   Dependencies: ${phase.dependencies.join(', ')}`);
    out.push('   Tasks:', ...phase.tasks.map((t) => `     • ${t}`), '   Success Criteria:', ...phase.validation_criteria.map((c) => `     ✓ ${c}`), '');
  });
  out.push(...section('RISK ASSESSMENT'));
  for (const severity of SEVERITY_ORDER) {
    const risks = plan.risks.filter((r) => r.severity === severity);
    if (!risks.length) continue;
    out.push(`${severity.toUpperCase()} SEVERITY RISKS:`);
    for (const risk of risks) {
      out.push(
        `  • ${risk.description}`,
        `    Category: ${risk.category}`,
        `    Probability: ${risk.probability} | Impact: ${risk.impact}`,
        `    Mitigation: ${risk.mitigation}`,
        `    Owner: ${risk.owner}`,
        '',
      );
    }
  }
  out.push(...section('ROLLBACK STRATEGY'), 'Rollback Triggers:', ...plan.rollback_plan.rollback_triggers.map((t) => `  • ${t}`), '', 'Rollback Phases:');
  for (const phase of plan.rollback_plan.rollback_phases) {
    out.push(`  ${phase.phase.toUpperCase()}:`, ...phase.rollback_actions.map((a) => `    - ${a}`), `    Estimated Time: ${phase.estimated_time_minutes} minutes`, '');
  }
  out.push(...section('SUCCESS CRITERIA'), ...plan.success_criteria.map((c) => `✓ ${c}`), '');
  out.push(...section('STAKEHOLDERS'), ...plan.stakeholders.map((s) => `• ${s}`), '');
  return `${out.join('\n')}\n`;
}
