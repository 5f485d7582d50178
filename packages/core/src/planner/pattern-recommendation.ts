import type { Complexity } from '../documents/levels.js';
import { COMPLEXITIES } from '../documents/levels.js';
import type { DowntimeTolerance, PatternDefinition, SpecFact } from '../plugin/contract-types.js';
import type { Owned } from '../plugin/registry.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { contradictions, favours } from './pattern-fit.js';
import { describeFactValue } from './spec-facts.js';

export interface RecommendationQuery {
  type: string;
  complexity: Complexity;
  downtime: DowntimeTolerance;
  /** The spec's facts, when the query comes from a spec: they rule patterns out or favour them. */
  facts?: SpecFact[] | undefined;
}

export interface PatternRecommendation {
  pattern: Owned<PatternDefinition>;
  /**
   * `exact`: a selection-matrix row matches; `near`: same downtime, complexity one step away;
   * `contradicted`: a row matches but a fact of the spec rules the pattern out (listed last).
   */
  match: 'exact' | 'near' | 'contradicted';
  reason: string;
  /** Facts of the spec that favour (+) or rule out (−) the pattern, in words. */
  facts: string[];
}

/** The selection matrix's two buckets: under an hour of tolerated downtime counts as zero. */
export function downtimeToleranceOf(maxDowntimeMinutes: number | undefined): DowntimeTolerance {
  return (maxDowntimeMinutes ?? 480) < 60 ? 'zero' : 'some';
}

function complexityDistance(a: Complexity, b: Complexity): number {
  return Math.abs(COMPLEXITIES.indexOf(a) - COMPLEXITIES.indexOf(b));
}

const RANK = { exact: 0, near: 1, contradicted: 2 } as const;

/**
 * Patterns of a type ranked by the pattern selection matrix their plugins declare
 * (`recommendedWhen`): exact rows first, then rows one complexity step away with the same
 * downtime tolerance; among equals, patterns the spec's facts favour come first; a pattern a fact
 * rules out comes last, marked so. An empty list means no row is close.
 */
export function recommendPatterns(registry: PluginRegistry, query: RecommendationQuery): PatternRecommendation[] {
  const facts = query.facts ?? [];
  const found: (PatternRecommendation & { favoured: number })[] = [];
  for (const pattern of registry.patterns(query.type)) {
    const rows = pattern.recommendedWhen.filter((row) => row.downtime.includes(query.downtime));
    const exact = rows.find((row) => row.complexity.includes(query.complexity));
    const near = exact ? undefined : rows.find((row) => row.complexity.some((c) => complexityDistance(c, query.complexity) === 1));
    const against = contradictions(pattern, facts);
    const pro = favours(pattern, facts);
    const factNotes = [
      ...pro.map(({ fact, reason }) => `+ ${reason} (${describeFactValue(fact)})`),
      ...against.map(({ fact, reason }) => `− ${reason} (${describeFactValue(fact)})`),
    ];
    if (!exact && !near && !pro.length) continue;
    const base = exact
      ? exact.reason
      : near
        ? `${near.reason} (recommended for ${near.complexity.join('/')} complexity; this migration is ${query.complexity})`
        : `not in the selection matrix for ${query.complexity} complexity and ${query.downtime} downtime, but the spec's facts favour it`;
    found.push({
      pattern,
      match: against.length ? 'contradicted' : exact ? 'exact' : 'near',
      reason: base,
      facts: factNotes,
      favoured: pro.length,
    });
  }
  return found.sort((a, b) => RANK[a.match] - RANK[b.match] || b.favoured - a.favoured).map(({ favoured: _f, ...r }) => r);
}
