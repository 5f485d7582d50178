import type { PlanWarning } from '../documents/plan.js';
import type { PatternDefinition, SpecFact } from '../plugin/contract-types.js';
import { describeFactValue } from './spec-facts.js';

export interface FactFinding {
  fact: SpecFact;
  reason: string;
}

/** The facts of this spec that rule the pattern out. */
export function contradictions(pattern: PatternDefinition, facts: SpecFact[]): FactFinding[] {
  return pattern.contradictedBy.flatMap((fit) => facts.filter((f) => f.id === fit.fact).map((fact) => ({ fact, reason: fit.reason })));
}

/** The facts of this spec that favour the pattern. */
export function favours(pattern: PatternDefinition, facts: SpecFact[]): FactFinding[] {
  return pattern.favouredBy.flatMap((fit) => facts.filter((f) => f.id === fit.fact).map((fact) => ({ fact, reason: fit.reason })));
}

/**
 * Where the chosen pattern contradicts the spec: a fact the pattern declares it cannot live with,
 * or a downtime tolerance none of its selection-matrix rows is meant for.
 */
export function patternWarnings(pattern: PatternDefinition, facts: SpecFact[], maxDowntime: number | null): PlanWarning[] {
  const warnings: PlanWarning[] = contradictions(pattern, facts).map(({ fact, reason }) => ({
    code: 'pattern-contradiction',
    message: `pattern ${pattern.id} does not fit this spec: ${reason} (${describeFactValue(fact)}: ${fact.statement})`,
    path: fact.path,
  }));
  if (maxDowntime !== null && pattern.recommendedWhen.length) {
    const tolerance = maxDowntime < 60 ? 'zero' : 'some';
    if (!pattern.recommendedWhen.some((row) => row.downtime.includes(tolerance))) {
      warnings.push({
        code: 'pattern-contradiction',
        message: `pattern ${pattern.id} is meant for ${tolerance === 'zero' ? 'migrations that can stop traffic for a while' : 'zero-downtime migrations'}; this spec allows ${maxDowntime} minutes of downtime (patterns recommend lists better fits)`,
        path: 'constraints.max_downtime_minutes',
      });
    }
  }
  return warnings;
}
