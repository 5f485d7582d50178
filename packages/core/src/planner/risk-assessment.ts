import type { Likelihood } from '../plugin/contract-types.js';
import type { RiskItem } from '../documents/plan.js';
import type { MigrationSpec } from '../documents/spec.js';
import type { SpecFact } from '../plugin/contract-types.js';
import { runPluginCode } from '../plugin/plugin-code.js';
import { qualifiedId } from '../plugin/qualified-id.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { factRef } from './spec-facts.js';

/**
 * The type's risks that apply to this spec. A risk whose `when` returns facts names them
 * (`raised_by`); one whose `when` returns true names its condition only.
 */
export function assessRisks(registry: PluginRegistry, spec: MigrationSpec, facts: SpecFact[]): RiskItem[] {
  return registry.risks(spec.type).flatMap((risk) => {
    const id = qualifiedId(risk.namespace, risk.id);
    const result = risk.when ? runPluginCode(risk.plugin, `risk ${id}: when()`, () => risk.when!(spec, facts)) : true;
    if (result === false || (Array.isArray(result) && result.length === 0)) return [];
    return [
      {
        id,
        category: risk.category,
        description: risk.description,
        probability: risk.probability,
        impact: risk.impact,
        severity: risk.severity,
        mitigation: risk.mitigation,
        owner: risk.owner,
        raised_by: Array.isArray(result) ? result.map(factRef) : [],
        condition: risk.condition ?? null,
      },
    ];
  });
}

const LEVELS: Likelihood[] = ['critical', 'high', 'medium', 'low'];

/** Probability × impact: the non-empty cells, most likely and worst first. */
export function riskMatrix(risks: RiskItem[]): { probability: Likelihood; impact: Likelihood; risks: string[] }[] {
  const cells: { probability: Likelihood; impact: Likelihood; risks: string[] }[] = [];
  for (const probability of LEVELS) {
    for (const impact of LEVELS) {
      const here = risks.filter((r) => r.probability === probability && r.impact === impact).map((r) => r.id ?? r.description);
      if (here.length) cells.push({ probability, impact, risks: here });
    }
  }
  return cells;
}
