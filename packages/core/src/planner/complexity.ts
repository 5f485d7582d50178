import type { Complexity } from '../documents/levels.js';
import type { MigrationSpec } from '../documents/spec.js';
import { specConstraints } from '../documents/spec-readers.js';

/** Points for a value against ascending thresholds: one point per threshold exceeded. */
function stepScore(value: number, thresholds: readonly [number, number, number]): number {
  return thresholds.filter((t) => value > t).length;
}

export interface ComplexityBreakdown {
  complexity: Complexity;
  score: number;
  factors: { data_volume: number; dependencies: number; downtime: number; special_requirements: number };
}

/**
 * The seed's scoring, kept as is because users compare plans across tools: data volume
 * (>100 / >1,000 / >10,000 GB), dependencies (>2 / >5 / >10), downtime tolerance
 * (<480 / <240 / <60 minutes, 480 when unset), one point per special requirement;
 * 8+ critical, 5+ high, 3+ medium.
 */
export function assessComplexity(spec: MigrationSpec): ComplexityBreakdown {
  const c = specConstraints(spec);
  const factors = {
    data_volume: stepScore(c.dataVolumeGb, [100, 1000, 10000]),
    dependencies: stepScore(c.dependencies.length, [2, 5, 10]),
    downtime: [480, 240, 60].filter((t) => c.maxDowntimeMinutes < t).length,
    special_requirements: c.specialRequirements.length,
  };
  const score = factors.data_volume + factors.dependencies + factors.downtime + factors.special_requirements;
  const complexity: Complexity = score >= 8 ? 'critical' : score >= 5 ? 'high' : score >= 3 ? 'medium' : 'low';
  return { complexity, score, factors };
}
