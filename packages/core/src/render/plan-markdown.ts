import type { MigrationPlan } from '../documents/plan.js';
import { table } from './markdown-layout.js';

export function renderPlanMarkdown(plan: MigrationPlan): string {
  const out: string[] = [
    `# Migration plan \`${plan.migration_id}\``,
    '',
    `**${plan.source_system}** → **${plan.target_system}**`,
    '',
    ...table(
      ['Type', 'Pattern', 'Complexity', 'Estimated duration', 'Created'],
      [[plan.migration_type, plan.migration_pattern ?? 'default phases', plan.complexity, `${plan.estimated_duration_hours} h (${(plan.estimated_duration_hours / 24).toFixed(1)} days)`, plan.created_at]],
    ),
    '',
    '## Phases',
    '',
    ...table(
      ['#', 'Phase', 'Hours', 'Risk', 'Depends on'],
      plan.phases.map((p, i) => [i + 1, p.name, p.duration_hours, p.risk_level, p.dependencies.join(', ')]),
    ),
    '',
  ];
  plan.phases.forEach((phase, i) => {
    out.push(`### ${i + 1}. ${phase.name}`, '', phase.description, '', '**Tasks**', '', ...phase.tasks.map((t) => `- [ ] ${t}`), '', '**Gate: done when**', '', ...phase.validation_criteria.map((c) => `- ${c}`), '', '**Roll back if**', '', ...phase.rollback_triggers.map((t) => `- ${t}`), '');
  });
  out.push('## Risks', '', ...table(['Severity', 'Risk', 'Category', 'Probability', 'Impact', 'Mitigation', 'Owner'], plan.risks.map((r) => [r.severity, r.description, r.category, r.probability, r.impact, r.mitigation, r.owner])), '');
  out.push('## Rollback plan', '', '**Triggers**', '', ...plan.rollback_plan.rollback_triggers.map((t) => `- ${t}`), '');
  out.push(...table(['Phase', 'Actions', 'Minutes'], plan.rollback_plan.rollback_phases.map((p) => [p.phase, p.rollback_actions.join('; '), p.estimated_time_minutes])), '');
  out.push('**Decision matrix**', '', ...table(['Severity', 'Decision'], Object.entries(plan.rollback_plan.rollback_decision_matrix)), '');
  out.push('## Success criteria', '', ...plan.success_criteria.map((c) => `- ${c}`), '', '## Stakeholders', '', ...plan.stakeholders.map((s) => `- ${s}`), '');
  return out.join('\n');
}
