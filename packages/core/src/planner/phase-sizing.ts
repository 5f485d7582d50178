import type { PlanWarning } from '../documents/plan.js';
import type { PlanStepInput } from '../plugin/contract-types.js';
import { splitHours } from './phase-durations.js';
import type { PhaseSources } from './phase-sources.js';

export interface PhaseSize {
  hours: number;
  basis: string;
  workMinutes: number;
  downtimeMinutes: number;
}

/** Work in quarter hours, rounded up: plans are not made to the minute. */
export function quarterHoursUp(minutes: number): number {
  return minutes <= 0 ? 0 : Math.ceil(minutes / 15) / 4;
}

export function formatHours(hours: number): string {
  return `${Math.round(hours * 100) / 100} h`;
}

/**
 * Hours per phase. The spec's hours when it gives them (a warning when the steps need more);
 * for a phase sized by its steps (a cutover), their sum; otherwise the phase's share of the
 * pattern's hours, or its steps' work when that is longer. Each phase says which in its basis.
 */
export function sizePhases(
  sources: PhaseSources,
  stepsByPhase: Map<string, PlanStepInput[]>,
): { sizes: PhaseSize[]; shares: number[]; warnings: PlanWarning[] } {
  const warnings: PlanWarning[] = [];
  const weights = sources.phases.map((p) => p.weight);
  const shares = splitHours(sources.totalHours, weights);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const sizes = sources.phases.map((phase, i): PhaseSize => {
    const steps = stepsByPhase.get(phase.name) ?? [];
    const workMinutes = steps.reduce((sum, s) => sum + s.minutes, 0);
    const downtimeMinutes = steps.filter((s) => s.downtime).reduce((sum, s) => sum + s.minutes, 0);
    const work = quarterHoursUp(workMinutes);
    const workText = steps.length ? `its ${steps.length} step(s) need ${Math.round(workMinutes)} min` : 'no sized steps';
    if (phase.specHours !== null) {
      if (work > phase.specHours) {
        warnings.push({
          code: 'work-exceeds-phase',
          message: `${phase.name}: its steps need ${formatHours(work)}, more than the ${formatHours(phase.specHours)} the spec gives it`,
          path: `${phase.specPath}.estimated_duration_hours`,
        });
      }
      return {
        hours: phase.specHours,
        basis: `spec: ${phase.specPath}.estimated_duration_hours = ${phase.specHours}; ${workText}`,
        workMinutes,
        downtimeMinutes,
      };
    }
    if (phase.sizedBy === 'steps' && steps.length) {
      return { hours: work, basis: `sum of its steps: ${Math.round(workMinutes)} min, rounded up to the quarter hour`, workMinutes, downtimeMinutes };
    }
    const share = shares[i]!;
    const shareText = `${sources.totalBasis} = ${sources.totalHours} h, weight ${phase.weight} of ${weightSum} → ${share} h`;
    if (work > share) {
      return { hours: work, basis: `its steps: ${Math.round(workMinutes)} min (more than its pattern share: ${shareText})`, workMinutes, downtimeMinutes };
    }
    return { hours: share, basis: `pattern share: ${shareText}; ${workText}`, workMinutes, downtimeMinutes };
  });
  return { sizes, shares, warnings };
}
