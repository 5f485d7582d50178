import type { MigrationPlan } from '../../documents/plan.js';
import { taskName } from './mermaid-text.js';

const HOUR_MS = 3_600_000;
/** Without --start, day 1 of the chart is the first day of the migration. */
const NOMINAL_START = Date.UTC(2000, 0, 1);

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The schedule as a Mermaid Gantt chart: phases (critical path marked), the outages of steps that
 * stop traffic, and each feature flag's stages. On the calendar with --start; otherwise in days
 * from the start.
 */
export function ganttChart(plan: MigrationPlan): string[] {
  const onCalendar = Boolean(plan.schedule);
  const origin = onCalendar ? Date.parse(plan.schedule!.start) : NOMINAL_START;
  const at = (offsetHours: number) => origin + offsetHours * HOUR_MS;
  const lines = [
    'gantt',
    `    title ${taskName(onCalendar ? `Schedule from ${plan.schedule!.start.slice(0, 16).replace('T', ' ').replace(':', 'h')} UTC` : 'Schedule in days from the start (no --start given)')}`,
    '    dateFormat YYYY-MM-DD HH:mm',
    `    axisFormat ${onCalendar ? '%m-%d %H:%M' : 'day %j'}`,
    '    section Phases',
  ];
  plan.phases.forEach((phase, i) => {
    const start = phase.start ? Date.parse(phase.start) : at(phase.start_offset_hours ?? 0);
    const end = phase.end ? Date.parse(phase.end) : at(phase.end_offset_hours ?? phase.duration_hours);
    const tags = [phase.on_critical_path ? 'crit' : null, `p${i}`].filter(Boolean).join(', ');
    lines.push(`    ${taskName(phase.name)} (${phase.duration_hours} h) :${tags}, ${stamp(start)}, ${stamp(Math.max(end, start + 60_000))}`);
  });
  const outages = plan.phases.flatMap((phase) => (phase.steps ?? []).filter((s) => s.downtime).map((s) => ({ phase, step: s })));
  if (outages.length && outages.every(({ step }) => step.start)) {
    lines.push('    section Traffic stopped');
    outages.forEach(({ step }, i) => {
      lines.push(
        `    ${taskName(step.name)} :crit, d${i}, ${stamp(Date.parse(step.start!))}, ${stamp(Math.max(Date.parse(step.end!), Date.parse(step.start!) + 60_000))}`,
      );
    });
  }
  (plan.feature_flag_rollouts ?? []).forEach((rollout, r) => {
    if (!rollout.phase) return;
    lines.push(`    section ${taskName(rollout.flag)}`);
    rollout.stages.forEach((stage, s) => {
      const start = stage.start ? Date.parse(stage.start) : at(stage.start_offset_hours);
      const end = stage.end ? Date.parse(stage.end) : at(stage.end_offset_hours);
      lines.push(
        stage.hold_hours > 0
          ? `    ${stage.percentage}% :f${r}s${s}, ${stamp(start)}, ${stamp(end)}`
          : `    ${stage.percentage}% :milestone, f${r}s${s}, ${stamp(start)}, 0d`,
      );
    });
  });
  return lines;
}
