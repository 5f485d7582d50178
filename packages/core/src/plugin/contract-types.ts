import type { z } from 'zod';
import type { CompatibilityIssue, CompatibilityReport, MigrationScript, Verification } from '../documents/compatibility-report.js';
import type { ChangeSeverity, Complexity, RiskLevel } from '../documents/levels.js';
import type { MigrationPlan } from '../documents/plan.js';
import type { DataRecoveryPlan, EscalationMatrix, MetricThreshold, ScriptType } from '../documents/runbook.js';
import type { MigrationSpec } from '../documents/spec.js';
import type { PluginApiVersion } from './contract-version.js';
import type { MigrationLayout, MigrationLayoutInput } from './migration-layout-types.js';

export type { MigrationLayout, MigrationLayoutInput, MigrationPathInfo } from './migration-layout-types.js';

/*
 * The plugin contract as plugin authors see it. These interfaces are what the published `.d.ts`
 * documents; the zod schemas in contract-schemas.ts validate the same shapes at load time and are
 * checked against these types by the compiler, so the two cannot drift apart.
 *
 * `…Input` types are what an author writes (fields with defaults may be left out); the plain names
 * are what the registry hands to engines after validation, defaults filled in.
 */

/** Priority of a contribution among its peers, as Rollup orders hooks: all `pre`, then `normal`, then `post`. */
export type ContributionOrder = 'pre' | 'normal' | 'post';

/** Hours a type or pattern needs: `baseDurationHours × complexityMultiplier[complexity]`, split over `phases`. */
export interface PhasePlan {
  /** Phase template ids, in order. Each must have a phase template of the same migration type. */
  phases: string[];
  /** Hours for a migration of `low` complexity. */
  baseDurationHours: number;
  /** Factor on `baseDurationHours` per complexity (the seed uses 1 / 1.5 / 2.5 / 4). */
  complexityMultiplier: Record<Complexity, number>;
}

/** Which of core's type-agnostic additions a migration type keeps. All default to `true`. */
export interface GenericAdditions {
  /** Core's generic rollback triggers in the runbook (error rate, latency, availability) besides the type's own. */
  triggers?: boolean;
  /** Core's generic phase resources ("Technical team availability", ...) before each phase template's own. */
  resources?: boolean;
  /** Core's generic runbook prerequisites, communication requirements and message templates besides the type's own. */
  communications?: boolean;
  /** Core's generic post-rollback checklist and procedures before the type's `validationChecklist`. */
  checklist?: boolean;
}

/**
 * Something true of a spec, with where it was read: why a risk, a warning or a recommendation
 * applies. Core derives the type-agnostic ones (`zero-downtime`, `large-data-volume`, ...); a
 * type's `facts` adds its own (`moves-database`, `rewrites-large-table`).
 */
export interface SpecFact {
  /** Stable id that patterns and risks refer to: `moves-database`. */
  id: string;
  /** Where in the spec: `constraints.max_downtime_minutes`, `schema_changes[1].changes[0]`. */
  path: string;
  /** The value found there, shown as `path: value`. */
  value?: unknown;
  /** The fact in words: "source and target are different PostgreSQL servers (13 → 15)". */
  statement: string;
}

/** What a type's `planWork` is told about the plan being made. */
export interface PlanStepContext {
  /** The pattern id, or null for the type's default phases. */
  pattern: string | null;
  /** The plan's phases, in order, with the template each one follows (null when none). */
  phases: { name: string; template: string | null }[];
  /** The spec's facts (core's and the type's). */
  facts: SpecFact[];
  /** The spec's `constraints.max_downtime_minutes`, or null when it states none. */
  maxDowntimeMinutes: number | null;
}

/** How a step is reversed; becomes a step of the runbook's phase. */
export interface PlanStepRollbackInput {
  name: string;
  description: string;
  scriptType: ScriptType;
  script?: string | undefined;
  minutes: number;
}

/** A concrete piece of work the spec implies: copy this table, add this column, cut over. */
export interface PlanStepInput {
  /** Unique within the plan: `copy-users`. */
  key: string;
  /**
   * Phase template ids (or spec phase names) the step belongs to, in order of preference; the
   * first one the plan has wins. When none is there, the plan warns and places the step itself.
   */
  phases: string[];
  name: string;
  description: string;
  /** What it works on: `{ kind: 'table', name: 'users' }`. Listed in the plan's scope. */
  subject?: { kind: string; name: string; detail?: string | undefined } | undefined;
  minutes: number;
  /** How the minutes were found, with the arithmetic, so a reader can check it. */
  estimate?: string | undefined;
  /** Traffic or writes stop while it runs: sized against max_downtime_minutes and placed in the migration window. */
  downtime?: boolean | undefined;
  /** It loads the system: it only runs outside critical business hours. */
  disruptive?: boolean | undefined;
  scriptType?: ScriptType | undefined;
  script?: string | undefined;
  /** A query or command that shows the step worked. */
  validation?: string | undefined;
  rollback?: PlanStepRollbackInput | undefined;
}

/** A figure the estimates rest on (a throughput), shown in the plan so a reader can check the arithmetic. */
export interface PlanAssumption {
  /** `copy_mb_per_second`. */
  name: string;
  value: number;
  /** `MB/s`. */
  unit: string;
  /** `default`, `spec (throughput.copy_mb_per_second)` or `config`. */
  source: string;
  description: string;
}

/** What a type's `planWork` returns for a spec. */
export interface PlanWork {
  steps: PlanStepInput[];
  assumptions?: PlanAssumption[] | undefined;
  /** Things the spec says that the plan cannot honour, with the spec path they are about. */
  warnings?: { code: string; message: string; path?: string | undefined }[] | undefined;
}

export interface MigrationTypeInput {
  /** The spec's `type` value: `database`, `messaging`. Lowercase letters, digits, `_` and `-`. */
  id: string;
  /** Short human name: "Database migration". */
  title: string;
  /** One or two sentences shown by `plugins show`. */
  description: string;
  /** Phases and hours used when a spec names no pattern. */
  defaultPlan: PhasePlan;
  /** What "done" means for migrations of this type; copied into every plan. */
  successCriteria: string[];
  /** Who must be involved; copied into every plan. */
  stakeholders: string[];
  /** Commands that show the system is back to its pre-migration state (runbook validation). */
  validationCommands: string[];
  /** Items added to the runbook's post-rollback checklist for this type. */
  validationChecklist: string[];
  /** How data is restored after a rollback of this type. */
  dataRecoveryPlan: DataRecoveryPlan;
  /** Replaces core's generic escalation matrix for this type. */
  escalationMatrix?: EscalationMatrix | undefined;
  /**
   * Top-level spec fields this type reads, as zod schemas: `{ tables_to_migrate: z.array(...) }`.
   * They are validated, listed by `schema spec`, and known to the unknown-field check.
   */
  specFields?: Record<string, z.ZodType> | undefined;
  /** Fields this type reads inside the spec's `constraints`, as zod schemas. */
  constraintFields?: Record<string, z.ZodType> | undefined;
  /** Turn off core's generic additions for this type (all kept by default). */
  genericAdditions?: GenericAdditions | undefined;
  /** Facts this type reads from a spec; risks name them, patterns are checked against them. A throw is reported naming the type. */
  facts?: ((spec: MigrationSpec) => SpecFact[]) | undefined;
  /**
   * The concrete steps a spec implies (per table, per schema change, per cutover action), each
   * with its minutes and how they were estimated. Phases sized by their steps take their hours
   * from them; the calendar places them; their `rollback` becomes runbook steps.
   */
  planWork?: ((spec: MigrationSpec, context: PlanStepContext) => PlanWork) | undefined;
  /** Narrows `dataRecoveryPlan` to what a plan touched (its `scope`), e.g. the tables it migrated. */
  dataRecovery?: ((plan: MigrationPlan, base: DataRecoveryPlan) => DataRecoveryPlan) | undefined;
}
export interface MigrationTypeDefinition extends Omit<MigrationTypeInput, 'specFields' | 'constraintFields' | 'genericAdditions'> {
  specFields: Record<string, z.ZodType>;
  constraintFields: Record<string, z.ZodType>;
  genericAdditions: Required<GenericAdditions>;
}

/** Downtime a spec tolerates, as the pattern selection matrix buckets it: under an hour is "zero". */
export type DowntimeTolerance = 'zero' | 'some';

/** One row of the pattern selection matrix: this pattern fits these complexities and tolerances. */
export interface PatternFit {
  complexity: Complexity[];
  downtime: DowntimeTolerance[];
  /** Why, in one sentence, shown by `patterns recommend`. */
  reason: string;
}

/** A fact that rules a pattern out, or makes it a better fit, and why. */
export interface PatternFactFit {
  /** A fact id (core's or the type's). */
  fact: string;
  reason: string;
}

export interface PatternInput extends PhasePlan {
  /** The spec's `pattern` value: `expand_contract`. Unique within its type. */
  id: string;
  /** The migration type this pattern belongs to. */
  type: string;
  title: string;
  description: string;
  /** Situations this pattern suits, one sentence each (docs and `patterns`). */
  whenToUse?: string[] | undefined;
  /** Selection matrix rows used by `patterns recommend`. */
  recommendedWhen?: PatternFit[] | undefined;
  /**
   * Phases that do not simply follow the one before: `{ validation: ['bulk_copy'] }` lets
   * validation start after the copy, in parallel with delta sync. Default: the previous phase.
   */
  dependencies?: Record<string, string[]> | undefined;
  /** Facts under which this pattern is the wrong choice: the plan warns, `patterns recommend` ranks it last. */
  contradictedBy?: PatternFactFit[] | undefined;
  /** Facts that make this pattern a better fit: `patterns recommend` ranks it first among equals. */
  favouredBy?: PatternFactFit[] | undefined;
}
export interface PatternDefinition extends PatternInput {
  whenToUse: string[];
  recommendedWhen: PatternFit[];
  dependencies: Record<string, string[]>;
  contradictedBy: PatternFactFit[];
  favouredBy: PatternFactFit[];
}

export interface PhaseTemplateInput {
  /** Phase id, referenced by patterns and rollback templates. Unique within its type. */
  id: string;
  type: string;
  description: string;
  /** What the team does in this phase, in order. */
  tasks: string[];
  /** What must be true before the next phase starts (the phase's gate). */
  validationCriteria: string[];
  riskLevel: RiskLevel;
  /** Replaces core's generic phase rollback triggers. */
  rollbackTriggers?: string[] | undefined;
  /** Added after core's generic resources (unless the type turns those off). */
  resourcesRequired?: string[] | undefined;
  /**
   * Share of the plan's hours this phase takes relative to the others (default 1): a phase of
   * weight 2 gets twice the hours of a phase of weight 1 in the same plan.
   */
  durationWeight?: number | undefined;
  /**
   * `pattern` (default): the phase's share of the pattern's hours, or its steps' work when that
   * is longer. `steps`: the sum of its steps only (a cutover takes minutes, whatever the pattern).
   */
  sizedBy?: 'pattern' | 'steps' | undefined;
  /** The phase moves traffic or users: feature-flag rollouts start here unless they name a phase. */
  shiftsTraffic?: boolean | undefined;
  /** The phase as a whole goes in the preferred migration window (for phases without steps that say so). */
  needsWindow?: boolean | undefined;
  /** The phase as a whole loads the system: kept out of critical business hours. */
  disruptive?: boolean | undefined;
}
export interface PhaseTemplate extends PhaseTemplateInput {
  resourcesRequired: string[];
  durationWeight: number;
  sizedBy: 'pattern' | 'steps';
  shiftsTraffic: boolean;
  needsWindow: boolean;
  disruptive: boolean;
}

export type Likelihood = 'low' | 'medium' | 'high' | 'critical';

export interface RiskTemplateInput {
  /** Unique within the plugin; reported as `namespace/id`. */
  id: string;
  type: string;
  /** `technical`, `business`, `compliance`, ... */
  category: string;
  description: string;
  probability: Likelihood;
  impact: Likelihood;
  severity: RiskLevel;
  mitigation: string;
  owner: string;
  /** The condition in words, for docs and `plugins show`. Required when `when` is set. */
  condition?: string | undefined;
  /**
   * Adds the risk only when it returns true, or a non-empty list of the facts that raise it (the
   * plan then names them: `constraints.max_downtime_minutes: 15`). Omitted: always added. A throw
   * is reported naming this risk.
   */
  when?: ((spec: MigrationSpec, facts: SpecFact[]) => boolean | SpecFact[]) | undefined;
}
export type RiskTemplate = RiskTemplateInput;

export interface RollbackStepTemplateInput {
  /** Unique within its rollback template. */
  key: string;
  name: string;
  description: string;
  scriptType: ScriptType;
  /** The script or instructions; `{placeholders}` mark values only the team knows. */
  script: string;
  estimatedDurationMinutes: number;
  validationCommands?: string[] | undefined;
  successCriteria: string[];
  /** Who is called, or what happens, when this step fails. */
  failureEscalation: string;
}
export interface RollbackStepTemplate extends RollbackStepTemplateInput {
  validationCommands: string[];
}

export interface RollbackTemplateInput {
  id: string;
  type: string;
  /** Phase ids whose rollback these steps perform. */
  phases: string[];
  prerequisites?: string[] | undefined;
  communicationRequirements?: string[] | undefined;
  steps: RollbackStepTemplateInput[];
}
export interface RollbackTemplate extends Omit<RollbackTemplateInput, 'steps'> {
  prerequisites: string[];
  communicationRequirements: string[];
  steps: RollbackStepTemplate[];
}

export interface TriggerTemplateInput {
  id: string;
  type: string;
  name: string;
  /** The condition in words: "Replication lag above 30 s for 5 minutes". */
  condition: string;
  /** The measurable form of `condition`, or null when it is a judgement call. */
  metricThreshold: MetricThreshold | null;
  evaluationWindowMinutes: number;
  /** True when the rollback starts without a human decision. */
  autoExecute: boolean;
  escalationContacts: string[];
}
export type TriggerTemplate = TriggerTemplateInput;

export interface CommunicationInput {
  id: string;
  type: string;
  /** `rollback_start`, `rollback_complete`, ... */
  templateType: string;
  audience: string;
  subject: string;
  body: string;
  urgency: string;
  deliveryMethods: string[];
}
export type CommunicationContribution = CommunicationInput;

/** Where a changed object is written: its line in the before or after input (SQL files). */
export interface ChangeLocation {
  side: 'before' | 'after';
  line: number;
  column?: number | undefined;
  /**
   * The file the object is written in, when it is not the input itself (an OpenAPI file reached
   * through a `$ref`); default: the before or after input.
   */
  file?: string | undefined;
}

/** An explicit rename the user declared (`--rename users.email=users.email_address`). */
export interface RenameHint {
  from: string;
  to: string;
}

/** What the engine tells a checker's `diff` and rules about the comparison. */
export interface DiffOptions {
  /** Renames the user declared; report them as renames, not as a drop and an add. */
  renames: RenameHint[];
  /** The dialect each side was read in (`postgresql`, `sqlite`), as its source said; null when unknown. */
  dialects: { before: string | null; after: string | null };
  /**
   * The version of the platform the after side is deployed to (`check --target-version 1.32`: a
   * Kubernetes cluster version for API removals); null when not given.
   */
  targetVersion?: string | null | undefined;
  /**
   * "Now" from the check's clock (`--now`, SOURCE_DATE_EPOCH, else the system clock), for rules
   * about dates such as an API's sunset; never read the system clock in a checker.
   */
  now?: Date | undefined;
}

/** One difference between two models, as a checker's `diff` reports it. */
export interface SchemaChange<Value = unknown, Details extends Record<string, unknown> = Record<string, unknown>> {
  /** What changed, e.g. `column.removed`; rules subscribe to kinds. */
  kind: string;
  /** Where, in dotted form: `tables.users.columns.email`. Reported as the finding's `field_path`. */
  path: string;
  /** Short human name of the thing changed: `users.email`. */
  subject: string;
  before?: Value | undefined;
  after?: Value | undefined;
  /** Anything else a rule needs (table name, column definitions, ...). */
  details?: Details | undefined;
  /** Where the object is written, when the input had lines (SQL); reported with the finding. */
  location?: ChangeLocation | undefined;
}

/** What a rule sees besides the change: both models and the dialects they were read in. */
export interface RuleContext<Model = unknown> {
  before: Model;
  after: Model;
  /**
   * The dialect scripts must be written for: the after side's (the engine being deployed to).
   * A rule that cannot write a script for it gives advice without a script.
   */
  dialect: string | null;
}

/** What a rule says about one change. The engine turns it into a report issue. */
export interface RuleOutcome {
  /** Overrides the rule's default severity (a type change is safe or not depending on the types). */
  severity?: ChangeSeverity | undefined;
  description: string;
  impact: string;
  suggestedMigration: string;
  affectedOperations: string[];
  /** The migration (and rollback) script for this change, when one can be written. */
  script?: MigrationScript | undefined;
}

/** A before/after pair that must trigger a rule: its docs example and its conformance test. */
export interface RuleExample {
  name?: string | undefined;
  /**
   * The file name the example is read as, so the source for that format reads it: with
   * `schema.sql`, `before` and `after` are SQL text. Default: they are JSON/YAML documents.
   */
  fileName?: string | undefined;
  /** The before schema: a document (JSON/YAML value) or, with `fileName`, the file's text. */
  before: unknown;
  /** The after schema; left out, `before` is one input a source reads as a change set (`check plan.json`). */
  after?: unknown;
  /** Renames declared for this example, as `--rename` would. */
  renames?: RenameHint[] | undefined;
  /** `after` is a migration file applied to `before` (`check --migration`), for rules about migration statements. */
  migration?: boolean | undefined;
  /** The platform version the example is checked against, as `--target-version` would give it. */
  targetVersion?: string | undefined;
}

export interface CompatibilityRuleInput<Model = any, Change extends SchemaChange<any, any> = SchemaChange<any, any>> {
  /** Stable id within the checker, kebab-case: `column-removed`. Reported as `namespace/id`. */
  id: string;
  /** Stable short code (`DB102`): for SARIF, suppressions and docs anchors. */
  code?: string | undefined;
  /** The report's issue type for the finding: `column_removed`. */
  issueType: string;
  /** The change kind this rule classifies. */
  change: string;
  /** Default severity; `classify` may override it per change. */
  severity: ChangeSeverity;
  title: string;
  /** One paragraph: what happens to running clients and data. */
  description: string;
  /** The safe way to make this change. */
  safeAlternative: string;
  /** How to undo the change once it is applied (`kubectl rollout undo`, restore the final snapshot); shown in the rule docs. */
  rollback?: string | undefined;
  /** Where this rule is documented (SARIF `helpUri`); default: the plugin's `docsUrl` with `#code`. */
  docsUrl?: string | undefined;
  /** Before/after documents that trigger this rule; the conformance kit checks each does. */
  examples?: RuleExample[] | undefined;
  /** Narrows the rule to some changes of its kind; the first matching rule classifies a change. */
  when?: ((change: Change, context: RuleContext<Model>) => boolean) | undefined;
  classify: (change: Change, context: RuleContext<Model>) => RuleOutcome;
}
export interface CompatibilityRule<Model = any, Change extends SchemaChange<any, any> = SchemaChange<any, any>> extends CompatibilityRuleInput<Model, Change> {
  examples: RuleExample[];
}

/**
 * A checker's advice in reports, by what the report contains. A key left out keeps core's generic
 * advice for that case; an empty list turns it off.
 */
export interface CheckerRecommendations {
  breaking?: string[] | undefined;
  potentiallyBreaking?: string[] | undefined;
  withScripts?: string[] | undefined;
  always?: string[] | undefined;
}

/** One side of a comparison, as `verify` gets it. */
export interface VerifySide<Model = unknown> {
  model: Model;
  dialect: string | null;
  /** The input itself, to read its text again (an SQL file is loaded as written). */
  input: SchemaInputHandle;
}

/** What a checker's `verify` gets: the report to prove, both sides, and where to run (`--dev-url`). */
export interface VerifyRequest<Model = unknown> {
  report: CompatibilityReport;
  before: VerifySide<Model>;
  after: VerifySide<Model>;
  /** A server to run on instead of the checker's default engine; null when not given. */
  devUrl: string | null;
}

/**
 * Sizes findings from the live system's statistics (`check --stats`, or a live `--before`): how
 * long each holds which lock, and a severity raised by the configured thresholds.
 */
export interface FindingSizing<Model = unknown> {
  /** Reads statistics from an input (a URL or a stats file); null when the input carries none (a schema file). */
  read: (input: SchemaInputHandle) => Promise<unknown>;
  /** The lock risk of one finding, or null when it takes no lock worth sizing or its object has no statistics. */
  size: (
    finding: { issue: CompatibilityIssue; change: SchemaChange<any, any> },
    stats: unknown,
    context: RuleContext<Model>,
  ) => { lockRisk: NonNullable<CompatibilityIssue['lock_risk']>; severity?: ChangeSeverity | undefined } | null;
}

export interface CheckerInput<Model = any, Change extends SchemaChange<any, any> = SchemaChange<any, any>> {
  /** The `check --type` value: `database`, `api`. */
  id: string;
  title: string;
  description: string;
  /**
   * Every change kind `diff` can report. The registry refuses rules for other kinds, and the
   * conformance kit reports a kind no rule classifies unconditionally (users would get exit 70).
   */
  changeKinds?: string[] | undefined;
  /** Compares two models (from this checker's sources) and lists every change. */
  diff: (before: Model, after: Model, options: DiffOptions) => Change[];
  rules: CompatibilityRuleInput<Model, Change>[];
  recommendations?: CheckerRecommendations | undefined;
  /**
   * Proves the report's scripts (`check --verify`): runs them on a scratch system built from the
   * before schema, compares with the after schema, rolls back and compares with the before schema.
   * Checkers without it refuse `--verify`.
   */
  verify?: ((request: VerifyRequest<Model>) => Promise<Verification>) | undefined;
  /**
   * Reads a migration file against the before schema (`check --before schema.sql --migration
   * 0042.sql`): returns the after schema, the before schema with the file applied. Changes may
   * then name the file and line of the statement that made them (`location.file`). Checkers
   * without it refuse `--migration`.
   */
  applyMigration?: ((before: SchemaRead<Model>, migration: SchemaInputHandle) => Promise<SchemaRead<Model>>) | undefined;
  /** Sizes lock risk from live statistics; checkers without it refuse `--stats`. */
  sizing?: FindingSizing<Model> | undefined;
  /** Findings this checker accepts on its own behalf (compatibility aliases); core applies them with the ledger. */
  acceptances?: CheckerAcceptance[] | undefined;
}
export interface Checker<Model = any, Change extends SchemaChange<any, any> = SchemaChange<any, any>> extends Omit<CheckerInput<Model, Change>, 'rules'> {
  rules: CompatibilityRule<Model, Change>[];
}

/**
 * One schema input as sources see it: a file path, a URL, or a document already in memory (rule
 * examples). Reading is lazy and memoized, and failures name the input: a source never maps
 * file errors itself.
 */
export interface SchemaInputHandle {
  /** As the user wrote it: `db/schema.sql`, `postgres://app:secret@db/prod`. Never print it: use `name`. */
  readonly input: string;
  /** How messages and reports name it: paths as given, URLs with the password masked. */
  readonly name: string;
  /** The URL scheme in lowercase (`postgres`, `sqlite`); null for file paths and documents. */
  readonly scheme: string | null;
  /** Absolute path of a file input; null for URLs and documents. */
  readonly path: string | null;
  /**
   * The file name, for sources that recognize formats by extension: the last segment of a path,
   * or the name an in-memory example is given (`schema.sql`); null for URLs.
   */
  readonly fileName: string | null;
  /** Folder relative paths are resolved from. */
  readonly cwd: string;
  /** True for an in-memory document (rule examples, library callers). */
  readonly inMemory: boolean;
  /**
   * True when the user named the checker (`--type`): a source that reads this input's format
   * should read it and fail with a path on what is wrong, rather than answer "not mine".
   */
  readonly explicit: boolean;
  /** The file's text (UTF-8, BOM removed). */
  text(): Promise<string>;
  /** The file's bytes. */
  bytes(): Promise<Uint8Array>;
  /** The input parsed as JSON or YAML; errors carry the file and line. */
  document(): Promise<unknown>;
  /** True when the input is a JSON/YAML document: an in-memory value, or a `.json`, `.yaml`, `.yml` or extension-less file. */
  isDocumentFile(): boolean;
}

/** What a source returns for an input it reads. */
export interface SchemaRead<Model = unknown> {
  /** The checker's model. */
  model: Model;
  /**
   * The engine the schema came from (`postgresql`, `sqlite`, `openapi-3.0`): scripts are written
   * for it. Null when the format does not say.
   */
  dialect: string | null;
  /**
   * What the report shows for this input (`schema_before` / `schema_after`). Default: the input's
   * name and the source's title. JSON sources keep the first 500 characters of the document.
   */
  summary?: string | undefined;
  /**
   * What the source tolerated or could not read (a null `responses:`, an object it does not
   * compare), one sentence each. The report keeps them in `warnings`; the CLI prints them on stderr.
   */
  warnings?: string[] | undefined;
  /**
   * Set when the input is a change set in itself (a Terraform plan): the models before and after
   * the change it describes. `check` given this one input compares them, exactly as if two
   * inputs had been read into these models; `model` is then what the input reads as when it is
   * given as one side of a pair (usually `after`).
   */
  changeSet?: { before: Model; after: Model } | undefined;
  /**
   * The lint hook: findings on the input's own statements (a migration file read by
   * `applyMigration`, or a source reading a file of statements). Core classifies each with the rule
   * it names, applies acceptances and rule overrides to it like to any finding. Read from the after
   * side only.
   */
  lints?: LintFinding[] | undefined;
  /** Acceptances written in the input (inline comments); core applies them to the findings of this comparison. Read from the after side only. */
  acceptances?: InlineAcceptance[] | undefined;
}

/**
 * A finding on one statement of an input (a migration file's lock or scan hazard), rather than a
 * change between two models: the lint hook's output. It names the checker's rule that reports it,
 * so core classifies it with that rule without selecting one, and places it at its file and line.
 */
export interface LintFinding<Details extends Record<string, unknown> = Record<string, unknown>> {
  /** The id of the checker's rule that reports it (`index-not-concurrent`); a rule the checker does not have is a plugin bug (exit 70). */
  rule: string;
  /** Report path (`statements.12`); the finding's `field_path`, matched by acceptance `subject`s. */
  path: string;
  /** The statement, or its first line: the finding's `new_value`. */
  subject: string;
  /** Where the statement is written; `file` defaults to the after input. */
  location: { line: number; column?: number | undefined; file?: string | undefined };
  /** Anything the rule's `classify` needs; it receives the finding as a change of the rule's kind with these details. */
  details?: Details | undefined;
}

/**
 * An acceptance written in the input itself (`-- migration-architect-ignore DB601: reason` before a
 * statement): core applies it after classification exactly like a ledger entry with this rule and
 * location, and reports what it accepted. It never expires; it lives and dies with the statement.
 */
export interface InlineAcceptance {
  /** The rule's id (`namespace/rule`) or code (`DB601`). */
  rule: string;
  /** The findings it applies to: those located at this file and line (the statement after the comment). */
  location: { file: string; line: number };
  /** Where the acceptance itself is written, for messages: the comment's line. */
  writtenAt: { file: string; line: number };
  reason: string;
  /**
   * Reported (classified with the named rule of the checker) when the acceptance accepts nothing,
   * such as a stale comment; omitted: it is only listed as unmatched.
   */
  unmatched?: LintFinding | undefined;
}

/**
 * Findings a checker accepts on its own behalf (a plugin option kept for compatibility, such as the
 * service plugin's deprecated `ignore`): core applies them with the ledger, after classification.
 */
export interface CheckerAcceptance {
  /** The rule's id (`namespace/rule` or the bare id) or code. */
  rule: string;
  /** Narrows the entry to some of the rule's findings; omitted: every finding of the rule. */
  accepts?: ((finding: { issue: CompatibilityIssue; change: SchemaChange<any, any> }) => boolean) | undefined;
  reason: string;
  /** Where the entry is written, for the report: `service({ ignore })`. */
  writtenIn: string;
}

export interface SchemaSourceInput<Model = any> {
  /** Unique within the plugin; reported as `namespace/id`. */
  id: string;
  /** The checker whose model this source builds. It may belong to another plugin. */
  checker: string;
  /** Short name of the format: "PostgreSQL SQL". */
  title: string;
  /** One sentence for `plugins show`: what inputs it reads and how. */
  description: string;
  /** Sources are asked in order (`pre`, `normal`, `post`, then plugin and list order); the first that answers wins. */
  order?: ContributionOrder | undefined;
  /**
   * Reads the input when it recognizes it (by scheme, extension or content), otherwise returns
   * undefined so the next source is asked. Failures are core errors: InputMissingError (66),
   * InputDataError with file and line (65), ServiceUnavailableError (69, never a password).
   */
  read: (input: SchemaInputHandle) => Promise<SchemaRead<Model> | undefined> | SchemaRead<Model> | undefined;
}
export interface SchemaSource<Model = any> extends SchemaSourceInput<Model> {
  order: ContributionOrder;
}

export interface PluginMeta {
  /** The npm package name: `@acme/migration-architect-plugin-search`. */
  name: string;
  version: string;
  /** Prefix of the plugin's ids: `database` → `database/column-removed`. */
  namespace: string;
  description?: string | undefined;
  /**
   * Where the plugin's docs live. Rules without their own `docsUrl` link to `<docsUrl>#<code or id>`
   * (SARIF `helpUri`); without either, findings carry no link.
   */
  docsUrl?: string | undefined;
}

/** A plugin's options as `plugins show` and `schema config` present them. */
export interface PluginOptionsInfo {
  /** The zod schema the factory validated the options with. */
  schema: z.ZodType;
  /** The options after validation, defaults filled in. */
  values: unknown;
}

/** What a plugin author writes (or a plugin factory returns). */
export interface MigrationArchitectPlugin {
  /**
   * The contract version this plugin was written for, as a literal: `apiVersion: 2`. Never import
   * `PLUGIN_API_VERSION` for it: the plugin would claim whatever version the loading core implements.
   */
  apiVersion: PluginApiVersion;
  meta: PluginMeta;
  migrationTypes?: MigrationTypeInput[] | undefined;
  patterns?: PatternInput[] | undefined;
  phases?: PhaseTemplateInput[] | undefined;
  risks?: RiskTemplateInput[] | undefined;
  rollbacks?: RollbackTemplateInput[] | undefined;
  triggers?: TriggerTemplateInput[] | undefined;
  communications?: CommunicationInput[] | undefined;
  checkers?: CheckerInput[] | undefined;
  /** Readers of schema inputs for any loaded checker (this plugin's or another's). */
  sources?: SchemaSourceInput[] | undefined;
  /** Migration-folder layouts (Flyway, golang-migrate, ...) `gate` finds and replays migrations by, for a loaded checker. */
  migrationLayouts?: MigrationLayoutInput[] | undefined;
  /** Set by `definePluginFactory`: the options schema and values, shown by `plugins show`. */
  options?: PluginOptionsInfo | undefined;
}

/** A plugin after validation, with defaults filled in. */
export interface ResolvedPlugin {
  apiVersion: PluginApiVersion;
  meta: PluginMeta;
  migrationTypes: MigrationTypeDefinition[];
  patterns: PatternDefinition[];
  phases: PhaseTemplate[];
  risks: RiskTemplate[];
  rollbacks: RollbackTemplate[];
  triggers: TriggerTemplate[];
  communications: CommunicationContribution[];
  checkers: Checker[];
  sources: SchemaSource[];
  migrationLayouts: MigrationLayout[];
  options?: PluginOptionsInfo | undefined;
}
