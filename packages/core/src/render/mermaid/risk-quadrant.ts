import type { Likelihood } from '../../plugin/contract-types.js';
import type { MigrationPlan } from '../../documents/plan.js';

const POSITION: Record<Likelihood, number> = { low: 0.125, medium: 0.375, high: 0.625, critical: 0.875 };
const SPREAD = 0.055;

/** Short labels for the risks, in plan order: R1, R2, ... (Mermaid point names allow little punctuation). */
export function riskLabels(plan: MigrationPlan): Map<string, string> {
  return new Map(plan.risks.map((r, i) => [r.id ?? r.description, `R${i + 1}`]));
}

/**
 * The risks on a probability × impact quadrant chart; risks that share a cell are spread around
 * its centre. Labels are R1, R2, ... as in the risk table.
 */
export function riskQuadrant(plan: MigrationPlan): string[] {
  const labels = riskLabels(plan);
  const lines = [
    'quadrantChart',
    '    title Risks by probability and impact',
    '    x-axis Low impact --> Critical impact',
    '    y-axis Low probability --> Critical probability',
    '    quadrant-1 Act before starting',
    '    quadrant-2 Watch closely',
    '    quadrant-3 Accept and monitor',
    '    quadrant-4 Prepare the response',
  ];
  const inCell = new Map<string, number>();
  for (const risk of plan.risks) {
    const cell = `${risk.probability}/${risk.impact}`;
    const k = inCell.get(cell) ?? 0;
    inCell.set(cell, k + 1);
    const x = POSITION[risk.impact] + ((k % 3) - 1) * SPREAD;
    const y = POSITION[risk.probability] + ((Math.floor(k / 3) % 3) - 1) * SPREAD;
    lines.push(`    ${labels.get(risk.id ?? risk.description)}: [${x.toFixed(3)}, ${y.toFixed(3)}]`);
  }
  return lines;
}
