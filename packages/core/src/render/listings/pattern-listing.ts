import type { PatternDefinition } from '../../plugin/contract-types.js';
import type { PatternRecommendation, RecommendationQuery } from '../../planner/pattern-recommendation.js';
import type { Owned } from '../../plugin/registry.js';

/** `patterns --json`. */
export function patternListingJson(patterns: Owned<PatternDefinition>[]): string {
  return `${JSON.stringify(
    patterns.map(({ plugin, namespace: _ns, recommendedWhen, ...p }) => ({ ...p, plugin, recommended_when: recommendedWhen })),
    null,
    2,
  )}\n`;
}

/** `patterns`: a paragraph per pattern. */
export function renderPatternListing(patterns: Owned<PatternDefinition>[]): string {
  if (patterns.length === 0) return 'No patterns: no loaded plugin provides any.\n';
  return patterns
    .flatMap((p) => [
      `${p.type}/${p.id} — ${p.title} (${p.plugin})`,
      `  ${p.description}`,
      `  phases: ${p.phases.join(' → ')}; base ${p.baseDurationHours} h (×${p.complexityMultiplier.low} low … ×${p.complexityMultiplier.critical} critical)`,
      ...p.whenToUse.map((w) => `  use when: ${w}`),
      '',
    ])
    .join('\n');
}

/** `patterns recommend --json`. */
export function recommendationJson(query: RecommendationQuery, found: PatternRecommendation[]): string {
  const { facts, ...rest } = query;
  return `${JSON.stringify({ ...rest, facts: (facts ?? []).map((f) => ({ id: f.id, path: f.path, statement: f.statement })), recommendations: found.map((r) => ({ pattern: r.pattern.id, match: r.match, reason: r.reason, facts: r.facts })) }, null, 2)}\n`;
}

/** `patterns recommend`: the ranking, the reasons, and where the query came from. */
export function renderRecommendation(query: RecommendationQuery, found: PatternRecommendation[], basis: string, typePatterns: string[]): string {
  const lines = [`For a ${query.complexity}-complexity ${query.type} migration with ${query.downtime} downtime tolerance (${basis}):`];
  if (!found.length) lines.push(`  no pattern of the selection matrix fits; patterns of this type: ${typePatterns.join(', ') || 'none'}`);
  for (const [i, r] of found.entries()) {
    const mark = r.match === 'near' ? ' [closest match]' : r.match === 'contradicted' ? ' [contradicted by the spec]' : '';
    lines.push(
      `  ${i === 0 && r.match !== 'contradicted' ? '→' : ' '} ${r.pattern.id} (${r.pattern.title})${mark}`,
      `      ${r.reason}`,
      ...r.facts.map((f) => `      ${f}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
