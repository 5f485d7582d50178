import type { MigrationPlan } from '../documents/plan.js';
import { banner, section } from './text-layout.js';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'] as const;

function span(start: string | undefined, end: string | undefined): string {
  return start && end ? ` [${start.slice(0, 16).replace('T', ' ')} → ${end.slice(0, 16).replace('T', ' ')} UTC]` : '';
}

function minutes(value: number): string {
  return value >= 90 ? `${Math.round((value / 60) * 10) / 10} h` : `${Math.round(value * 10) / 10} min`;
}

export function renderPlanText(plan: MigrationPlan): string {
  const out: string[] = [...banner(`MIGRATION PLAN: ${plan.migration_id}`)];
  out.push(
    `Source System: ${plan.source_system}`,
    `Target System: ${plan.target_system}`,
    `Migration Type: ${plan.migration_type.toUpperCase()}`,
    ...(plan.migration_pattern ? [`Pattern: ${plan.migration_pattern}`] : []),
    `Complexity Level: ${plan.complexity.toUpperCase()}`,
    `Estimated Duration: ${plan.estimated_duration_hours} hours (${(plan.estimated_duration_hours / 24).toFixed(1)} days)`,
    ...(plan.critical_path?.length ? [`Critical Path: ${plan.critical_path.join(' → ')}`] : []),
    ...(plan.schedule ? [`Schedule: ${plan.schedule.start} → ${plan.schedule.end} (${plan.schedule.calendar_hours} h on the calendar)`] : []),
    `Created: ${plan.created_at}`,
    '',
  );
  if (plan.warnings?.length) {
    out.push(...section('WARNINGS'), ...plan.warnings.map((w) => `! ${w.code}${w.path ? ` (${w.path})` : ''}: ${w.message}`), '');
  }
  if (plan.schedule) {
    out.push(
      ...section('CALENDAR'),
      `Business hours: ${plan.schedule.business_hours ?? 'not stated'}`,
      `Migration window: ${plan.schedule.migration_window ?? 'not stated'}`,
      ...plan.schedule.notes.map((n) => `  • ${n}`),
      '',
    );
  }
  out.push(...section('MIGRATION PHASES'));
  plan.phases.forEach((phase, i) => {
    out.push(
      `${i + 1}. ${phase.name.toUpperCase()} (${phase.duration_hours}h)${phase.on_critical_path ? ' [critical path]' : ''}${span(phase.start, phase.end)}`,
      `   Description: ${phase.description}`,
      `   Risk Level: ${phase.risk_level.toUpperCase()}`,
    );
    if (phase.duration_basis) out.push(`   Duration: ${phase.duration_basis}`);
    if (phase.dependencies.length) out.push(`   Dependencies: ${phase.dependencies.join(', ')}`);
    if (phase.parallel_with?.length) out.push(`   Runs In Parallel With: ${phase.parallel_with.join(', ')}`);
    out.push('   Tasks:', ...phase.tasks.map((t) => `     • ${t}`));
    if (phase.steps?.length) {
      out.push('   Steps:');
      for (const step of phase.steps) {
        const marks = [step.downtime ? 'STOPS TRAFFIC' : null, step.disruptive ? 'outside business hours' : null].filter(Boolean);
        out.push(`     - ${step.name}: ${minutes(step.duration_minutes)}${marks.length ? ` [${marks.join(', ')}]` : ''}${span(step.start, step.end)}`);
        if (step.estimate) out.push(`         ${step.estimate}`);
      }
    }
    out.push('   Success Criteria:', ...phase.validation_criteria.map((c) => `     ✓ ${c}`), '');
  });
  const rollouts = plan.feature_flag_rollouts ?? [];
  if (rollouts.length) {
    out.push(...section('FEATURE FLAG ROLLOUTS'));
    for (const rollout of rollouts) {
      out.push(`${rollout.flag} (starts in ${rollout.phase ?? 'no phase'}, ${rollout.total_hours} h):`);
      for (const stage of rollout.stages) {
        const gates = stage.gates.map((g) => `${g.metric} ${g.operator === 'at_most' ? '≤' : '≥'} ${g.value}`).join(', ');
        out.push(
          `  ${stage.percentage}% for ${stage.hold_hours} h from hour ${stage.start_offset_hours}${span(stage.start, stage.end)}${gates ? `; move on when ${gates}` : ''}`,
        );
      }
      out.push('');
    }
  }
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
        ...(risk.raised_by?.length ? [`    Raised By: ${risk.raised_by.map((f) => `${f.path} (${f.statement})`).join('; ')}`] : []),
        `    Mitigation: ${risk.mitigation}`,
        `    Owner: ${risk.owner}`,
        '',
      );
    }
  }
  if (plan.assumptions?.length) {
    out.push(...section('ASSUMPTIONS'), ...plan.assumptions.map((a) => `  ${a.name} = ${a.value} ${a.unit} (${a.source})`), '');
  }
  out.push(...section('ROLLBACK STRATEGY'), 'Rollback Triggers:', ...plan.rollback_plan.rollback_triggers.map((t) => `  • ${t}`), '', 'Rollback Phases:');
  for (const phase of plan.rollback_plan.rollback_phases) {
    out.push(
      `  ${phase.phase.toUpperCase()}:`,
      ...phase.rollback_actions.map((a) => `    - ${a}`),
      `    Estimated Time: ${phase.estimated_time_minutes} minutes`,
      '',
    );
  }
  out.push(...section('SUCCESS CRITERIA'), ...plan.success_criteria.map((c) => `✓ ${c}`), '');
  out.push(...section('STAKEHOLDERS'), ...plan.stakeholders.map((s) => `• ${s}`), '');
  return `${out.join('\n')}\n`;
}
