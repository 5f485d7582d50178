import type { PlanWarning } from '../documents/plan.js';
import type { PlanStepInput } from '../plugin/contract-types.js';
import type { DailyWindowCalendar } from './calendar/daily-window.js';
import type { PhaseSource } from './phase-sources.js';

/** One outage: consecutive steps of a phase that stop traffic. */
export interface Outage {
  phase: string;
  steps: PlanStepInput[];
  minutes: number;
}

export function outages(phases: PhaseSource[], stepsByPhase: Map<string, PlanStepInput[]>): Outage[] {
  const found: Outage[] = [];
  for (const phase of phases) {
    let current: Outage | null = null;
    for (const step of stepsByPhase.get(phase.name) ?? []) {
      if (!step.downtime) {
        current = null;
        continue;
      }
      if (!current) {
        current = { phase: phase.name, steps: [], minutes: 0 };
        found.push(current);
      }
      current.steps.push(step);
      current.minutes += step.minutes;
    }
  }
  return found;
}

function listing(outage: Outage): string {
  return outage.steps.map((s) => `${s.name} ${Math.round(s.minutes * 10) / 10}`).join(' + ');
}

/**
 * Every outage against the spec's downtime budget and its migration window: the plan warns when
 * one cannot fit (each outage counts on its own: max_downtime_minutes is the longest acceptable one).
 */
export function downtimeWarnings(found: Outage[], maxDowntime: number | null, window: DailyWindowCalendar | null): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  for (const outage of found) {
    const total = Math.round(outage.minutes * 10) / 10;
    if (maxDowntime !== null && outage.minutes > maxDowntime) {
      warnings.push({
        code: 'downtime-over-budget',
        message: `${outage.phase}: steps that stop traffic take ${total} min (${listing(outage)}), more than constraints.max_downtime_minutes: ${maxDowntime}`,
        path: 'constraints.max_downtime_minutes',
      });
    }
    if (window && outage.minutes > window.minutes) {
      warnings.push({
        code: 'window-too-short',
        message: `${outage.phase}: steps that stop traffic take ${total} min, longer than the ${window.minutes}-minute migration window (${window.describe()})`,
        path: 'business_continuity.preferred_migration_window',
      });
    }
  }
  return warnings;
}
