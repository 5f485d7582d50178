import type { MigrationPlan } from '../../documents/plan.js';
import { label, nodeId } from './mermaid-text.js';

function gateText(phase: MigrationPlan['phases'][number]): string {
  const metrics = phase.gates?.length
    ? `; ${phase.gates
        .map((g) => `${g.metric} ${g.operator === 'at_most' ? '≤' : '≥'} ${g.value}`)
        .slice(0, 2)
        .join(', ')}${phase.gates.length > 2 ? ', ...' : ''}`
    : '';
  return `gate: ${phase.validation_criteria.length} check(s)${metrics}`;
}

/**
 * The phases as a flowchart: dependencies with the gate each phase must pass, the critical path
 * in bold, and the rollback path: from each phase to its rollback, and back through the earlier
 * phases' rollbacks to the starting state, labelled with what triggers it.
 */
export function phaseFlow(plan: MigrationPlan): string[] {
  const index = new Map(plan.phases.map((p, i) => [p.name, i]));
  const lines = ['flowchart LR'];
  plan.phases.forEach((phase, i) => {
    const when = phase.start ? `<br/>${phase.start.slice(5, 16).replace('T', ' ')}` : '';
    lines.push(`    ${nodeId('p', i)}["${label(phase.name)}<br/>${phase.duration_hours} h${when}"]`);
  });
  lines.push('    done(["migrated"])', '    origin(["start state"])');
  const hasSuccessor = new Set<string>();
  for (const phase of plan.phases) {
    for (const dep of phase.dependencies) {
      const from = index.get(dep);
      if (from === undefined) continue;
      hasSuccessor.add(dep);
      lines.push(`    ${nodeId('p', from)} -->|"${label(gateText(plan.phases[from]!))}"| ${nodeId('p', index.get(phase.name)!)}`);
    }
  }
  plan.phases.forEach((phase, i) => {
    if (!hasSuccessor.has(phase.name)) lines.push(`    ${nodeId('p', i)} -->|"${label(gateText(phase))}"| done`);
  });
  const trigger = plan.rollback_plan.metric_triggers?.find((t) => t.action === 'automatic_rollback') ?? null;
  const why = trigger
    ? `${trigger.metric} ${trigger.operator === 'greater_than' ? '>' : '<'} ${trigger.threshold} for ${trigger.duration_minutes} min`
    : 'rollback trigger';
  const minutes = new Map(plan.rollback_plan.rollback_phases.map((r) => [r.phase, r.estimated_time_minutes]));
  plan.phases.forEach((phase, i) => {
    lines.push(`    ${nodeId('r', i)}(["roll back ${label(phase.name)}<br/>${minutes.get(phase.name) ?? '?'} min"])`);
    lines.push(`    ${nodeId('p', i)} -.->|"${label(why)}"| ${nodeId('r', i)}`);
    const before = phase.dependencies.map((d) => index.get(d)).filter((d): d is number => d !== undefined);
    if (before.length) for (const d of before) lines.push(`    ${nodeId('r', i)} -.-> ${nodeId('r', d)}`);
    else lines.push(`    ${nodeId('r', i)} -.-> origin`);
  });
  const critical = plan.phases.map((p, i) => (p.on_critical_path ? nodeId('p', i) : null)).filter(Boolean);
  lines.push('    classDef crit stroke:#c0392b,stroke-width:3px', '    classDef rollback fill:#fdecea,stroke:#c0392b,stroke-dasharray:4 3');
  if (critical.length) lines.push(`    class ${critical.join(',')} crit`);
  lines.push(`    class ${plan.phases.map((_, i) => nodeId('r', i)).join(',')} rollback`);
  return lines;
}
