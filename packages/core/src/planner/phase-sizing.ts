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
 * What a phase adds to its steps' work for what steps do not show (hand-offs, checks between
 * steps, a retry): half the work, as a DBA pads a run sheet, and at least a quarter hour.
 */
export const PHASE_BUFFER = { share: 0.5, minimumMinutes: 15 };

/** The work plus the buffer, with the arithmetic. */
export function workWithBuffer(workMinutes: number): { hours: number; arithmetic: string } {
  const buffer = Math.max(workMinutes * PHASE_BUFFER.share, PHASE_BUFFER.minimumMinutes);
  const hours = quarterHoursUp(workMinutes + buffer);
  const round = (m: number) => Math.round(m * 10) / 10;
  return {
    hours,
    arithmetic: `${round(workMinutes)} min + buffer ${round(buffer)} min (${PHASE_BUFFER.share * 100}% of the work, at least ${PHASE_BUFFER.minimumMinutes} min) = ${round(workMinutes + buffer)} min, rounded up to the quarter hour = ${formatHours(hours)}`,
  };
}

/**
 * Hours per phase. The spec's hours when it gives them (a warning when the steps need more);
 * for a phase sized by its steps (a cutover), their sum; for a phase whose steps are sized, their
 * work plus a stated buffer; only a phase with no sized work takes its share of the pattern's
 * hours. Each phase says which in its basis, with the arithmetic.
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
    if (workMinutes > 0) {
      const padded = workWithBuffer(workMinutes);
      return { hours: padded.hours, basis: `its ${steps.length} step(s): ${padded.arithmetic}`, workMinutes, downtimeMinutes };
    }
    // Nothing sized to build on: the pattern's hours, split by the phases' weights.
    const share = shares[i]!;
    const shareText = `${sources.totalBasis} = ${sources.totalHours} h, weight ${phase.weight} of ${weightSum} → ${share} h`;
    return { hours: share, basis: `pattern share: ${shareText}; ${workText}`, workMinutes, downtimeMinutes };
  });
  return { sizes, shares, warnings };
}
