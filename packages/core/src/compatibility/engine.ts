import { InputDataError, UsageError } from '../errors/errors.js';
import type {
  CompatibilityIssue,
  CompatibilityReport,
  MigrationScript,
  OverallCompatibility,
} from '../documents/compatibility-report.js';
import { CHANGE_SEVERITIES, type ChangeSeverity } from '../documents/levels.js';
import { systemClock, type Clock } from '../identity/clock.js';
import type { Checker, CompatibilityRule, RenameHint, SchemaChange } from '../plugin/contract.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { boundedJson } from './bounded-json.js';
import { DEFAULT_RECOMMENDATIONS } from './report-defaults.js';

export interface SchemaInput {
  /** The parsed document (JSON/YAML value). */
  document: unknown;
  /** Where it came from, for error messages. */
  file: string;
}

export interface CheckOptions {
  clock?: Clock;
  /** Renames the user declared; the checker reports them as renames instead of drop + add. */
  renames?: RenameHint[];
  /** Rule ids (`namespace/rule`) mapped to a severity, or `off` to drop the rule's findings. */
  ruleOverrides?: Record<string, ChangeSeverity | 'off'>;
}

/** A change no rule of its checker classifies: a checker bug, reported rather than dropped. */
export class UnclassifiedChangeError extends Error {
  constructor(readonly change: SchemaChange, checkerId: string) {
    super(`checker "${checkerId}" reported a change of kind "${change.kind}" at ${change.path} that none of its rules classifies`);
  }
}

const PREVIEW_LIMIT = 500;

/** The seed keeps the first 500 characters of each schema in the report; so do we. */
function preview(document: unknown): string {
  const { text, truncated } = boundedJson(document, PREVIEW_LIMIT);
  return truncated ? `${text}...` : text;
}

function overallOf(counts: Record<ChangeSeverity, number>): OverallCompatibility {
  if (counts.breaking > 0) return 'breaking_changes';
  if (counts.potentially_breaking > 0) return 'potentially_incompatible';
  if (counts.non_breaking > 0 || counts.additive > 0) return 'backward_compatible';
  return 'fully_compatible';
}

function findRule(checker: Checker, change: SchemaChange, context: { before: unknown; after: unknown }): CompatibilityRule | undefined {
  return checker.rules.find((rule) => rule.change === change.kind && (!rule.when || rule.when(change, context)));
}

export function selectChecker(registry: PluginRegistry, kind: string): Checker & { plugin: string } {
  const checker = registry.checker(kind);
  if (!checker) {
    const known = registry.checkers().map((c) => c.id);
    throw new UsageError(
      `no loaded plugin checks schemas of type "${kind}" (${known.length ? `available: ${known.join(', ')}` : 'no plugins are loaded'})`,
    );
  }
  return checker;
}

function loadModel(checker: Checker, input: SchemaInput): unknown {
  try {
    return checker.load(input.document, { file: input.file });
  } catch (error) {
    if (error instanceof InputDataError) throw error.withFile(input.file);
    throw error;
  }
}

/**
 * Loads both schemas with the checker for `kind`, diffs them, and lets the checker's rules
 * classify every change. The report counts every severity, additive changes included.
 */
export function checkCompatibility(
  registry: PluginRegistry,
  kind: string,
  before: SchemaInput,
  after: SchemaInput,
  options: CheckOptions = {},
): CompatibilityReport {
  const clock = options.clock ?? systemClock;
  const checker = selectChecker(registry, kind);
  const namespace = registry.namespaceOf(checker.plugin);
  const context = { before: loadModel(checker, before), after: loadModel(checker, after) };
  const changes = checker.diff(context.before, context.after, { renames: options.renames ?? [] });

  const issues: CompatibilityIssue[] = [];
  const scripts: MigrationScript[] = [];
  for (const change of changes) {
    const rule = findRule(checker, change, context);
    if (!rule) throw new UnclassifiedChangeError(change, checker.id);
    const ruleId = `${namespace}/${rule.id}`;
    const override = options.ruleOverrides?.[ruleId];
    if (override === 'off') continue;
    const outcome = rule.classify(change, context);
    const side = change.location?.side ?? (change.after === undefined ? 'before' : 'after');
    issues.push({
      type: rule.issueType,
      rule: ruleId,
      code: rule.code ?? null,
      location: {
        file: side === 'before' ? before.file : after.file,
        ...(change.location ? { line: change.location.line, ...(change.location.column ? { column: change.location.column } : {}) } : {}),
      },
      severity: override ?? outcome.severity ?? rule.severity,
      description: outcome.description,
      field_path: change.path,
      old_value: change.before ?? null,
      new_value: change.after ?? null,
      impact: outcome.impact,
      suggested_migration: outcome.suggestedMigration,
      affected_operations: outcome.affectedOperations,
      migration_script_index: outcome.script ? scripts.length : null,
    });
    if (outcome.script) scripts.push(outcome.script);
  }

  const counts: Record<ChangeSeverity, number> = { breaking: 0, potentially_breaking: 0, non_breaking: 0, additive: 0 };
  for (const issue of issues) counts[issue.severity]++;

  const own = checker.recommendations ?? {};
  const advice = {
    breaking: own.breaking ?? DEFAULT_RECOMMENDATIONS.breaking,
    potentiallyBreaking: own.potentiallyBreaking ?? DEFAULT_RECOMMENDATIONS.potentiallyBreaking,
    withScripts: own.withScripts ?? DEFAULT_RECOMMENDATIONS.withScripts,
    always: own.always ?? DEFAULT_RECOMMENDATIONS.always,
  };
  const recommendations = [
    ...(counts.breaking ? advice.breaking : []),
    ...(counts.potentially_breaking ? advice.potentiallyBreaking : []),
    ...(scripts.length ? advice.withScripts : []),
    ...advice.always,
  ];

  return {
    schema_type: checker.id,
    schema_before: preview(before.document),
    schema_after: preview(after.document),
    analysis_date: clock().toISOString(),
    overall_compatibility: overallOf(counts),
    breaking_changes_count: counts.breaking,
    potentially_breaking_count: counts.potentially_breaking,
    non_breaking_changes_count: counts.non_breaking,
    additive_changes_count: counts.additive,
    issues,
    migration_scripts: scripts,
    risk_assessment: {
      overall_risk: counts.breaking ? 'high' : counts.potentially_breaking ? 'medium' : 'low',
      deployment_risk: counts.breaking ? 'requires_coordinated_deployment' : 'safe_independent_deployment',
      rollback_complexity: counts.breaking > 3 ? 'high' : counts.breaking ? 'medium' : 'low',
      testing_requirements: [
        'integration_testing',
        'regression_testing',
        ...(scripts.some((s) => s.script_type === 'sql') ? ['data_migration_testing'] : []),
      ],
    },
    recommendations,
  };
}

/**
 * The seed's CI contract (2 breaking, 1 potentially breaking, 0 otherwise), with a threshold:
 * changes below `failOn` never fail; a failing change exits 2 when breaking, 1 otherwise.
 */
export function exitCodeForReport(report: CompatibilityReport, failOn: ChangeSeverity | 'none' = 'potentially_breaking'): 0 | 1 | 2 {
  if (failOn === 'none') return 0;
  const failing = CHANGE_SEVERITIES.slice(0, CHANGE_SEVERITIES.indexOf(failOn) + 1);
  const worst = CHANGE_SEVERITIES.find((severity) => report.issues.some((issue) => issue.severity === severity));
  if (!worst || !failing.includes(worst)) return 0;
  return worst === 'breaking' ? 2 : 1;
}
