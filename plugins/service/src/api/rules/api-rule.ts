import { defineRule, type ChangeSeverity, type CompatibilityRuleInput, type RuleExample, type SchemaChange } from '@migration-architect/core';
import { describeOperations, detailsOf, type ApiChangeDetails } from '../diff/change-details.js';

export interface ApiRuleSpec<D extends ApiChangeDetails = ApiChangeDetails> {
  id: string;
  /** The change kind the diff reports. */
  change: string;
  severity: ChangeSeverity;
  title: string;
  description: string;
  safeAlternative: string;
  examples: RuleExample[];
  when?: (details: D, change: SchemaChange) => boolean;
  /** Per-change severity when it depends on the change (a removed success status vs an error status). */
  severityOf?: (details: D, change: SchemaChange) => ChangeSeverity;
  /** The finding, in one sentence, naming what changed (the operations are added after it). */
  describe: (change: SchemaChange, details: D) => string;
  impact: string | ((details: D, severity: ChangeSeverity) => string);
  migration: string;
}

const RELAXED = new Set<ChangeSeverity>(['breaking', 'potentially_breaking']);

/**
 * A rule of the API checker. Every finding names the operations it reaches; findings on
 * operations that are all `x-stability-level: draft` or `alpha` are non-breaking, because such
 * operations make no promise yet.
 */
export function apiRule<D extends ApiChangeDetails = ApiChangeDetails>(spec: ApiRuleSpec<D>): CompatibilityRuleInput {
  return defineRule({
    id: spec.id,
    issueType: spec.id.replace(/-/g, '_'),
    change: spec.change,
    severity: spec.severity,
    title: spec.title,
    description: spec.description,
    safeAlternative: spec.safeAlternative,
    examples: spec.examples,
    ...(spec.when ? { when: (change: SchemaChange) => spec.when!(detailsOf<D>(change), change) } : {}),
    classify: (change) => {
      const details = detailsOf<D>(change);
      let severity = spec.severityOf?.(details, change) ?? spec.severity;
      let description = spec.describe(change, details);
      const inline = details.operations.length === 1 && description.includes(details.operations[0]!);
      if (details.operations.length && !inline) description += ` (${describeOperations(details.operations)})`;
      if (details.unstable && RELAXED.has(severity)) {
        severity = 'non_breaking';
        description += '; allowed: every operation it reaches is draft or alpha';
      }
      return {
        severity,
        description,
        impact: typeof spec.impact === 'function' ? spec.impact(details, severity) : spec.impact,
        suggestedMigration: spec.migration,
        affectedOperations: details.operations,
      };
    },
  });
}
