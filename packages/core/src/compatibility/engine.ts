import type { CompatibilityIssue, CompatibilityReport, MigrationScript, OverallCompatibility } from '../documents/compatibility-report.js';
import { CHANGE_SEVERITIES, type ChangeSeverity } from '../documents/levels.js';
import { InputDataError, MigrationArchitectError, UsageError } from '../errors/errors.js';
import { systemClock, type Clock } from '../identity/clock.js';
import { createSchemaInputHandle, type SchemaInputRef } from '../inputs/schema-input-handle.js';
import { readSchemaInput, type ResolvedSchemaInput } from '../inputs/read-schema-input.js';
import { acceptFindings, ledgerRecord, type AcceptanceCandidate, type ClassifiedFinding } from '../acceptance/accept-findings.js';
import type { AcceptanceEntry } from '../acceptance/acceptance-entry.js';
import type { Checker, CompatibilityRule, LintFinding, RenameHint, RuleContext, SchemaChange, SchemaInputHandle } from '../plugin/contract-types.js';
import { runPluginCode, runPluginCodeAsync } from '../plugin/plugin-code.js';
import { qualifiedId } from '../plugin/qualified-id.js';
import type { Owned, PluginRegistry } from '../plugin/registry.js';
import { DEFAULT_RECOMMENDATIONS } from './report-defaults.js';

export interface CheckOptions {
  clock?: Clock | undefined;
  /** Renames the user declared; the checker reports them as renames instead of drop + add. */
  renames?: RenameHint[] | undefined;
  /** Rule ids (`namespace/rule`) mapped to a severity, or `off` to drop the rule's findings. */
  ruleOverrides?: Record<string, ChangeSeverity | 'off'> | undefined;
  /** The platform version the after side is deployed to (`--target-version`), passed to the checker's diff. */
  targetVersion?: string | undefined;
  /** Live statistics the checker's `sizing.read` returned: findings get their lock risk from them. */
  stats?: unknown;
  /**
   * The acceptance ledger's entries (config `accepted:` and `migration-architect.accepted.yaml`),
   * each with where it is written (`migration-architect.accepted.yaml, entry #2`). Applied after
   * classification with the inputs' inline acceptances and the checker's own.
   */
  accepted?: { entry: AcceptanceEntry; writtenIn: string }[] | undefined;
}

export interface CompatibilityRequest extends CheckOptions {
  /** The schema before the change: a file path, a URL a source reads (`postgres://…`), or a document in memory. */
  before: SchemaInputRef;
  /**
   * The schema after the change; or give `migration` instead. Left out (with no `migration`),
   * `before` is one input that a source reads as a change set (a Terraform plan).
   */
  after?: SchemaInputRef | undefined;
  /** A migration file: the after schema is `before` with it applied (the checker's `applyMigration`). */
  migration?: SchemaInputRef | undefined;
  /** The checker id (`database`, `api`); inferred from the inputs when omitted. */
  type?: string | undefined;
  /** Folder relative paths are resolved from (default: the process's). */
  cwd?: string | undefined;
  /**
   * Prove the report's scripts with the checker's `verify` (`check --verify`): the result is the
   * report's `verification`. `devUrl` names a server to run on instead of the checker's default.
   */
  verify?: { devUrl?: string | undefined } | undefined;
  /**
   * Live statistics to size lock risk with (`check --stats`): a URL or a stats file the checker's
   * `sizing` reads. Without it, a live `before` input is asked for its statistics.
   */
  stats?: SchemaInputRef | undefined;
}

/** A change no rule of its checker classifies: a bug in that checker, reported rather than dropped (70). */
export class UnclassifiedChangeError extends MigrationArchitectError {
  constructor(
    readonly change: SchemaChange,
    checker: Owned<Checker>,
  ) {
    super(
      `plugin "${checker.plugin}": checker "${checker.id}" reported a change of kind "${change.kind}" at ${change.path} that none of its rules classifies`,
      70,
    );
  }
}

function summaryOf(input: ResolvedSchemaInput): string {
  return input.read.summary ?? `${input.name} (${input.source.title})`;
}

function overallOf(counts: Record<ChangeSeverity, number>): OverallCompatibility {
  if (counts.breaking > 0) return 'breaking_changes';
  if (counts.potentially_breaking > 0) return 'potentially_incompatible';
  if (counts.non_breaking > 0 || counts.additive > 0) return 'backward_compatible';
  return 'fully_compatible';
}

function ruleLabel(checker: Owned<Checker>, rule: CompatibilityRule): string {
  return `rule ${qualifiedId(checker.namespace, rule.id)}`;
}

function findRule(checker: Owned<Checker>, change: SchemaChange, context: RuleContext): CompatibilityRule | undefined {
  return checker.rules.find(
    (rule) =>
      rule.change === change.kind && (!rule.when || runPluginCode(checker.plugin, `${ruleLabel(checker, rule)}: when()`, () => rule.when!(change, context))),
  );
}

/** A lint whose rule the checker does not have: a bug in that checker (70). */
export class UnknownLintRuleError extends MigrationArchitectError {
  constructor(lint: LintFinding, checker: Owned<Checker>) {
    super(`plugin "${checker.plugin}": checker "${checker.id}" reported a lint at ${lint.path} for rule "${lint.rule}", which is not one of its rules`, 70);
  }
}

/**
 * Reads both inputs (concurrently: two live databases are introspected at once), picks the
 * checker, and classifies every change. The one call behind `check`.
 */
export async function checkCompatibility(registry: PluginRegistry, request: CompatibilityRequest): Promise<CompatibilityReport> {
  const cwd = request.cwd ?? process.cwd();
  const explicit = request.type !== undefined;
  const handle = (ref: SchemaInputRef) => createSchemaInputHandle(ref, { cwd, explicit });
  if (request.after !== undefined && request.migration !== undefined) throw new UsageError('give the after schema or a migration file, not both');
  if (request.after === undefined && request.migration === undefined) {
    if (request.verify) throw new UsageError('--verify needs a before and an after schema; a change set has no scripts to replay');
    const [before, after] = await readChangeSet(registry, handle(request.before), request.type);
    return compareSchemas(before.checker, before, after, request);
  }
  const handles = { before: handle(request.before), after: handle((request.after ?? request.migration)!) };
  const [before, after] =
    request.after !== undefined
      ? await Promise.all([readSchemaInput(registry, handles.before, request.type), readSchemaInput(registry, handles.after, request.type)])
      : await readMigration(registry, handles, request.type);
  if (before.checker.id !== after.checker.id) {
    throw new InputDataError(
      `${before.name} reads as a ${before.checker.id} schema (${before.source.title}) but ${after.name} as a ${after.checker.id} schema (${after.source.title}); name the type to compare them as one kind`,
    );
  }
  const stats = await readStats(before.checker, request.stats !== undefined ? handle(request.stats) : handles.before, request.stats !== undefined);
  const report = compareSchemas(before.checker, before, after, { ...request, ...(stats !== null ? { stats } : {}) });
  if (!request.verify) return report;
  const checker = before.checker;
  const verify = checker.verify;
  if (!verify)
    throw new UsageError(
      `the ${checker.id} checker (plugin "${checker.plugin}") cannot verify its scripts: --verify is not available for --type ${checker.id}`,
    );
  const side = (input: ResolvedSchemaInput, inputHandle: typeof handles.before) => ({
    model: input.read.model,
    dialect: input.read.dialect,
    input: inputHandle,
  });
  const verification = await runPluginCodeAsync(checker.plugin, `checker ${checker.id}: verify()`, () =>
    verify({ report, before: side(before, handles.before), after: side(after, handles.after), devUrl: request.verify?.devUrl ?? null }),
  );
  return { ...report, verification };
}

/**
 * One input that is a change set in itself (`check plan.json`): the source that reads it returns
 * the models before and after the change (`SchemaRead.changeSet`); both sides are named after
 * the input. An input that reads as a plain schema needs its other side.
 */
async function readChangeSet(
  registry: PluginRegistry,
  handle: SchemaInputHandle,
  type: string | undefined,
): Promise<[ResolvedSchemaInput, ResolvedSchemaInput]> {
  const input = await readSchemaInput(registry, handle, type);
  const pair = input.read.changeSet;
  if (!pair)
    throw new UsageError(
      `${input.name} reads as a ${input.checker.id} schema (${input.source.title}), not a change set: give the after schema too (check before after)`,
    );
  const side = (model: unknown): ResolvedSchemaInput => ({ ...input, read: { ...input.read, model, changeSet: undefined } });
  return [side(pair.before), side(pair.after)];
}

/** Statistics for sizing findings: from `--stats` (required to hold some), or from a live before input (when it has any). */
async function readStats(checker: Owned<Checker>, input: SchemaInputHandle, explicit: boolean): Promise<unknown> {
  const sizing = checker.sizing;
  if (!sizing) {
    if (explicit)
      throw new UsageError(`the ${checker.id} checker (plugin "${checker.plugin}") cannot size findings: --stats is not available for --type ${checker.id}`);
    return null;
  }
  const stats = await runPluginCodeAsync(checker.plugin, `checker ${checker.id}: sizing.read()`, () => sizing.read(input));
  if (stats === null && explicit) throw new InputDataError(`${input.name}: not statistics the ${checker.id} checker can read`);
  return stats;
}

/** `--migration`: the before schema read as usual, the after schema as the checker applies the file to it. */
async function readMigration(
  registry: PluginRegistry,
  handles: { before: SchemaInputHandle; after: SchemaInputHandle },
  type: string | undefined,
): Promise<[ResolvedSchemaInput, ResolvedSchemaInput]> {
  const before = await readSchemaInput(registry, handles.before, type);
  const checker = before.checker;
  const apply = checker.applyMigration;
  if (!apply)
    throw new UsageError(
      `the ${checker.id} checker (plugin "${checker.plugin}") cannot read migration files: --migration is not available for --type ${checker.id}`,
    );
  const read = await runPluginCodeAsync(checker.plugin, `checker ${checker.id}: applyMigration()`, () => apply(before.read, handles.after));
  return [before, { name: handles.after.name, checker, source: before.source, read: { ...read, dialect: read.dialect ?? before.read.dialect } }];
}

/** Diffs two inputs already read and lets the checker's rules classify every change. */
export function compareSchemas(
  checker: Owned<Checker>,
  before: ResolvedSchemaInput,
  after: ResolvedSchemaInput,
  options: CheckOptions = {},
): CompatibilityReport {
  const clock = options.clock ?? systemClock;
  const dialects = { before: before.read.dialect, after: after.read.dialect };
  const context: RuleContext = { before: before.read.model, after: after.read.model, dialect: dialects.after ?? dialects.before };
  const changes = runPluginCode(checker.plugin, `checker ${checker.id}: diff()`, () =>
    checker.diff(context.before, context.after, { renames: options.renames ?? [], dialects, targetVersion: options.targetVersion ?? null, now: clock() }),
  );

  // Core picks the rule once: a change by its kind (and the rules' `when`), a lint by the id it names.
  const classified: { rule: CompatibilityRule; change: SchemaChange }[] = changes.map((change) => {
    const rule = findRule(checker, change, context);
    if (!rule) throw new UnclassifiedChangeError(change, checker);
    return { rule, change };
  });
  const lintChange = (lint: LintFinding): { rule: CompatibilityRule; change: SchemaChange } => {
    const rule = checker.rules.find((candidate) => candidate.id === lint.rule);
    if (!rule) throw new UnknownLintRuleError(lint, checker);
    const { line, column, file } = lint.location;
    const location = { side: 'after' as const, line, ...(column ? { column } : {}), ...(file ? { file } : {}) };
    return { rule, change: { kind: rule.change, path: lint.path, subject: lint.subject, after: lint.subject, details: lint.details ?? {}, location } };
  };
  classified.push(...(after.read.lints ?? []).map(lintChange));

  const toFinding = ({ rule, change }: { rule: CompatibilityRule; change: SchemaChange }) => {
    const ruleId = qualifiedId(checker.namespace, rule.id);
    const override = options.ruleOverrides?.[ruleId];
    if (override === 'off') return null;
    const outcome = runPluginCode(checker.plugin, `${ruleLabel(checker, rule)}: classify()`, () => rule.classify(change, context));
    const side = change.location?.side ?? (change.after === undefined ? 'before' : 'after');
    const issue: CompatibilityIssue = {
      type: rule.issueType,
      rule: ruleId,
      code: rule.code ?? null,
      location: {
        file: change.location?.file ?? (side === 'before' ? before.name : after.name),
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
      migration_script_index: null,
    };
    return { issue, change, script: outcome.script, contractScript: outcome.contractScript };
  };
  const findings = classified.flatMap((pair) => toFinding(pair) ?? []);

  // Acceptances, whichever way they are written, are applied once, here, after classification.
  const inline = after.read.acceptances ?? [];
  const candidates: AcceptanceCandidate[] = [
    ...(options.accepted ?? []).map(({ entry, writtenIn }) => ({ entry, record: ledgerRecord(entry, writtenIn) })),
    ...inline.map((acceptance) => {
      const location = `${acceptance.location.file}:${acceptance.location.line}`;
      return {
        entry: { rule: acceptance.rule, location },
        record: { rule: acceptance.rule, location, reason: acceptance.reason, written_in: `${acceptance.writtenAt.file}:${acceptance.writtenAt.line}` },
      };
    }),
    ...(checker.acceptances ?? []).map((acceptance) => {
      // A bare rule id is the checker's own: `column-removed` is `database/column-removed`.
      const rule =
        acceptance.rule.includes('/') || /^[A-Z]{2,5}\d{3}$/i.test(acceptance.rule) ? acceptance.rule : qualifiedId(checker.namespace, acceptance.rule);
      const accepts = acceptance.accepts;
      return {
        entry: { rule },
        record: { rule: acceptance.rule, reason: acceptance.reason, written_in: acceptance.writtenIn },
        ...(accepts
          ? { accepts: (finding: ClassifiedFinding) => runPluginCode(checker.plugin, `checker ${checker.id}: acceptances[].accepts()`, () => accepts(finding)) }
          : {}),
      };
    }),
  ];
  const acceptance = candidates.length ? acceptFindings(findings, candidates, clock().toISOString().slice(0, 10)) : null;
  const kept = acceptance ? (acceptance.kept as typeof findings) : findings;
  // An inline acceptance that accepts nothing (a stale comment) is a finding of its own when its plugin says so.
  const ledgerCount = options.accepted?.length ?? 0;
  for (const index of acceptance?.unmatched ?? []) {
    const stale = index >= ledgerCount && index < ledgerCount + inline.length ? inline[index - ledgerCount]!.unmatched : undefined;
    const finding = stale ? toFinding(lintChange(stale)) : null;
    if (finding) kept.push(finding);
  }

  const issues: CompatibilityIssue[] = [];
  const scripts: MigrationScript[] = [];
  for (const { issue, change, script, contractScript } of kept) {
    const sized =
      options.stats !== undefined && checker.sizing
        ? runPluginCode(checker.plugin, `checker ${checker.id}: sizing.size()`, () => checker.sizing!.size({ issue, change }, options.stats, context))
        : null;
    if (sized) {
      issue.lock_risk = sized.lockRisk;
      // Thresholds only raise a severity: a small table never hides a finding.
      if (sized.severity && CHANGE_SEVERITIES.indexOf(sized.severity) < CHANGE_SEVERITIES.indexOf(issue.severity)) issue.severity = sized.severity;
    }
    if (script) {
      issue.migration_script_index = scripts.length;
      scripts.push(script);
    }
    if (contractScript) {
      issue.contract_script_index = scripts.length;
      scripts.push({ ...contractScript, release: 'later' });
    }
    issues.push(issue);
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
  const describeInput = (input: ResolvedSchemaInput) => ({
    name: input.name,
    source: qualifiedId(input.source.namespace, input.source.id),
    dialect: input.read.dialect,
  });

  return {
    schema_type: checker.id,
    schema_before: summaryOf(before),
    schema_after: summaryOf(after),
    inputs: { before: describeInput(before), after: describeInput(after) },
    warnings: [before, after].flatMap((input) => (input.read.warnings ?? []).map((warning) => `${input.name}: ${warning}`)),
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
      testing_requirements: ['integration_testing', 'regression_testing', ...(scripts.some((s) => s.script_type === 'sql') ? ['data_migration_testing'] : [])],
    },
    recommendations,
    ...(acceptance ? { acceptance: acceptance.section } : {}),
  };
}

/**
 * The seed's CI contract (2 breaking, 1 potentially breaking, 0 otherwise), with a threshold:
 * changes below `failOn` never fail; a failing change exits 2 when breaking, 1 otherwise. An
 * expired acceptance exits 2 (unless `failOn` is `none`).
 */
export function exitCodeForReport(report: CompatibilityReport, failOn: ChangeSeverity | 'none' = 'potentially_breaking'): 0 | 1 | 2 {
  if (failOn === 'none') return 0;
  const failing = CHANGE_SEVERITIES.slice(0, CHANGE_SEVERITIES.indexOf(failOn) + 1);
  // An expired acceptance fails like a breaking finding: it names itself until it is renewed or removed.
  if (report.acceptance?.expired.length) return 2;
  const worst = CHANGE_SEVERITIES.find((severity) => report.issues.some((issue) => issue.severity === severity));
  if (!worst || !failing.includes(worst)) return 0;
  return worst === 'breaking' ? 2 : 1;
}
