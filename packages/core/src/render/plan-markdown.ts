import type { MigrationPlan, PlanPhase, PlanStep } from '../documents/plan.js';
import { groupedNumber } from '../numbers/grouped-number.js';
import { codeBlock, table } from './markdown-layout.js';
import { ganttChart } from './mermaid/gantt-chart.js';
import { phaseFlow } from './mermaid/phase-flow.js';
import { riskLabels, riskQuadrant } from './mermaid/risk-quadrant.js';

const LEVELS = ['critical', 'high', 'medium', 'low'] as const;

function when(start: string | undefined, end: string | undefined): string {
  if (!start || !end) return '';
  return `${start.slice(0, 16).replace('T', ' ')} → ${end.slice(0, 16).replace('T', ' ')}`;
}

function minutes(value: number): string {
  return value >= 90 ? `${Math.round((value / 60) * 10) / 10} h` : `${Math.round(value * 10) / 10} min`;
}

function flags(step: PlanStep): string {
  return [step.downtime ? 'stops traffic' : null, step.disruptive ? 'outside business hours' : null].filter(Boolean).join(', ');
}

function stepSection(phase: PlanPhase): string[] {
  const steps = phase.steps ?? [];
  if (!steps.length) return [];
  const out = [
    '**Steps**',
    '',
    ...table(
      ['#', 'Step', 'Time', 'How it was estimated', 'Constraints', ...(steps.some((s) => s.start) ? ['When (UTC)'] : [])],
      steps.map((s, i) => [i + 1, s.name, minutes(s.duration_minutes), s.estimate ?? '', flags(s), ...(s.start ? [when(s.start, s.end)] : [])]),
    ),
    '',
  ];
  for (const step of steps.filter((s) => s.script)) {
    out.push(
      '<details>',
      `<summary>${step.name.replace(/</g, '&lt;')}</summary>`,
      '',
      ...codeBlock(step.script!, step.script_type === 'sql' ? 'sql' : step.script_type === 'manual' ? 'text' : 'bash'),
    );
    if (step.rollback?.script)
      out.push('', `Rollback (${step.rollback.name}):`, '', ...codeBlock(step.rollback.script, step.rollback.script_type === 'sql' ? 'sql' : 'bash'));
    out.push('', '</details>', '');
  }
  return out;
}

/** A plan as Markdown with Mermaid diagrams (schedule, phase flow with gates and rollback paths, risk matrix). */
export function renderPlanMarkdown(plan: MigrationPlan): string {
  const calendar = plan.schedule;
  const out: string[] = [
    `# Migration plan \`${plan.migration_id}\``,
    '',
    `**${plan.source_system}** → **${plan.target_system}**`,
    '',
    ...(plan.description ? [plan.description, ''] : []),
    ...table(
      ['Type', 'Pattern', 'Complexity', 'Estimated duration', 'Max downtime', ...(calendar ? ['Start (UTC)', 'End (UTC)'] : []), 'Created'],
      [
        [
          plan.migration_type,
          plan.migration_pattern ?? 'default phases',
          plan.complexity,
          `${plan.estimated_duration_hours} h (${(plan.estimated_duration_hours / 24).toFixed(1)} days)`,
          plan.max_downtime_minutes === null || plan.max_downtime_minutes === undefined ? 'not stated' : `${plan.max_downtime_minutes} min`,
          ...(calendar ? [calendar.start.slice(0, 16).replace('T', ' '), calendar.end.slice(0, 16).replace('T', ' ')] : []),
          plan.created_at,
        ],
      ],
    ),
    '',
  ];
  if (plan.critical_path?.length) out.push(`Critical path: ${plan.critical_path.join(' → ')} (${plan.estimated_duration_hours} h).`, '');
  if (plan.warnings?.length) {
    out.push('## Warnings', '', ...plan.warnings.map((w) => `- **${w.code}**${w.path ? ` (\`${w.path}\`)` : ''}: ${w.message}`), '');
  }

  out.push('## Schedule', '', ...codeBlock(ganttChart(plan).join('\n'), 'mermaid'), '');
  if (calendar) {
    out.push(
      `Business hours: ${calendar.business_hours ?? 'not stated'}; migration window: ${calendar.migration_window ?? 'not stated'}; ${calendar.calendar_hours} h on the calendar.`,
      '',
      ...calendar.notes.map((n) => `- ${n}`),
      '',
    );
  }

  out.push('## Phases', '', ...codeBlock(phaseFlow(plan).join('\n'), 'mermaid'), '');
  out.push(
    ...table(
      ['#', 'Phase', 'Hours', 'From', 'Risk', 'Depends on', 'Runs with', ...(calendar ? ['When (UTC)'] : [])],
      plan.phases.map((p, i) => [
        i + 1,
        p.on_critical_path ? `**${p.name}**` : p.name,
        p.duration_hours,
        p.origin ?? '',
        p.risk_level,
        p.dependencies.join(', '),
        (p.parallel_with ?? []).join(', '),
        ...(calendar ? [when(p.start, p.end)] : []),
      ]),
    ),
    '',
  );
  plan.phases.forEach((phase, i) => {
    out.push(`### ${i + 1}. ${phase.name}`, '', phase.description, '');
    if (phase.duration_basis) out.push(`*${phase.duration_hours} h — ${phase.duration_basis}*`, '');
    out.push('**Tasks**', '', ...phase.tasks.map((t) => `- [ ] ${t}`), '');
    out.push(...stepSection(phase));
    out.push(
      '**Gate: done when**',
      '',
      ...phase.validation_criteria.map((c) => `- ${c}`),
      '',
      '**Roll back if**',
      '',
      ...phase.rollback_triggers.map((t) => `- ${t}`),
      '',
    );
  });

  const rollouts = plan.feature_flag_rollouts ?? [];
  if (rollouts.length) {
    out.push('## Feature flag rollouts', '');
    for (const rollout of rollouts) {
      out.push(
        `### ${rollout.flag}`,
        '',
        `${rollout.description}${rollout.description ? '. ' : ''}Starts in ${rollout.phase ?? '(no phase)'}; ${rollout.total_hours} h to the last stage.`,
        '',
      );
      out.push(
        ...table(
          ['Stage', 'Hold', 'From hour', ...(rollout.stages.some((s) => s.start) ? ['When (UTC)'] : []), 'Move on when', 'Abort when'],
          rollout.stages.map((s) => [
            `${s.percentage}%`,
            `${s.hold_hours} h`,
            s.start_offset_hours,
            ...(s.start ? [when(s.start, s.end)] : []),
            s.gates.map((g) => `${g.metric} ${g.operator === 'at_most' ? '≤' : '≥'} ${g.value}`).join(', ') || '—',
            s.abort_when.join('; ') || '—',
          ]),
        ),
        '',
      );
    }
  }

  const labels = riskLabels(plan);
  out.push('## Risks', '', ...codeBlock(riskQuadrant(plan).join('\n'), 'mermaid'), '');
  out.push(
    ...table(
      ['Probability \\ impact', ...[...LEVELS].reverse()],
      LEVELS.map((p) => [
        p,
        ...[...LEVELS].reverse().map((i) =>
          plan.risks
            .filter((r) => r.probability === p && r.impact === i)
            .map((r) => labels.get(r.id ?? r.description))
            .join(' '),
        ),
      ]),
    ),
    '',
  );
  out.push(
    ...table(
      ['', 'Severity', 'Risk', 'Raised by', 'Probability', 'Impact', 'Mitigation', 'Owner'],
      plan.risks.map((r) => [
        labels.get(r.id ?? r.description),
        r.severity,
        r.description,
        // A conditional risk whose `when` answered true names no fact: show its condition, never "every plan".
        r.raised_by?.length
          ? r.raised_by.map((f) => `\`${f.path}\`: ${f.statement}`).join('; ')
          : r.condition
            ? `when ${r.condition}`
            : 'every plan of this type',
        r.probability,
        r.impact,
        r.mitigation,
        r.owner,
      ]),
    ),
    '',
  );

  if (plan.assumptions?.length) {
    out.push(
      '## Assumptions',
      '',
      'Estimates rest on these figures; set them in the spec or the config to match your measurements.',
      '',
      ...table(
        ['Name', 'Value', 'Source', 'Meaning'],
        plan.assumptions.map((a) => [a.name, `${groupedNumber(a.value)} ${a.unit}`, a.source, a.description]),
      ),
      '',
    );
  }

  out.push('## Rollback plan', '', '**Triggers**', '', ...plan.rollback_plan.rollback_triggers.map((t) => `- ${t}`), '');
  out.push(
    ...table(
      ['Phase', 'Actions', 'Minutes'],
      plan.rollback_plan.rollback_phases.map((p) => [p.phase, p.rollback_actions.join('; '), p.estimated_time_minutes]),
    ),
    '',
  );
  out.push('**Decision matrix**', '', ...table(['Severity', 'Decision'], Object.entries(plan.rollback_plan.rollback_decision_matrix)), '');
  out.push('## Success criteria', '', ...plan.success_criteria.map((c) => `- ${c}`), '', '## Stakeholders', '', ...plan.stakeholders.map((s) => `- ${s}`), '');
  if (plan.affected_systems?.length) out.push('## Affected systems', '', ...plan.affected_systems.map((s) => `- ${s}`), '');
  return out.join('\n');
}
