import type { Complexity } from '../documents/levels.js';
import { COMPLEXITIES } from '../documents/levels.js';
import type { DowntimeTolerance, PatternDefinition } from '../plugin/contract-types.js';
import type { Owned } from '../plugin/registry.js';
import type { PluginRegistry } from '../plugin/registry.js';

export interface RecommendationQuery {
  type: string;
  complexity: Complexity;
  downtime: DowntimeTolerance;
}

export interface PatternRecommendation {
  pattern: Owned<PatternDefinition>;
  /** `exact`: a selection-matrix row matches; `near`: same downtime, complexity one step away. */
  match: 'exact' | 'near';
  reason: string;
}

/** The selection matrix's two buckets: under an hour of tolerated downtime counts as zero. */
export function downtimeToleranceOf(maxDowntimeMinutes: number | undefined): DowntimeTolerance {
  return (maxDowntimeMinutes ?? 480) < 60 ? 'zero' : 'some';
}

function complexityDistance(a: Complexity, b: Complexity): number {
  return Math.abs(COMPLEXITIES.indexOf(a) - COMPLEXITIES.indexOf(b));
}

/**
 * Patterns of a type ranked by the pattern selection matrix their plugins declare
 * (`recommendedWhen`): exact rows first, then rows one complexity step away with the same
 * downtime tolerance. An empty list means no row is close; the caller lists the type's patterns.
 */
export function recommendPatterns(registry: PluginRegistry, query: RecommendationQuery): PatternRecommendation[] {
  const found: PatternRecommendation[] = [];
  for (const pattern of registry.patterns(query.type)) {
    const rows = pattern.recommendedWhen.filter((row) => row.downtime.includes(query.downtime));
    const exact = rows.find((row) => row.complexity.includes(query.complexity));
    if (exact) {
      found.push({ pattern, match: 'exact', reason: exact.reason });
      continue;
    }
    const near = rows.find((row) => row.complexity.some((c) => complexityDistance(c, query.complexity) === 1));
    if (near) {
      found.push({ pattern, match: 'near', reason: `${near.reason} (recommended for ${near.complexity.join('/')} complexity; this migration is ${query.complexity})` });
    }
  }
  return found.sort((a, b) => (a.match === b.match ? 0 : a.match === 'exact' ? -1 : 1));
}
