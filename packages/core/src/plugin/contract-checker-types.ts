import type { CompatibilityIssue, CompatibilityReport, MigrationScript, Verification } from '../documents/compatibility-report.js';
import type { ChangeSeverity } from '../documents/levels.js';
import type { SchemaInputHandle, SchemaRead } from './contract-source-types.js';

/* The plugin contract, checking side: checkers, rules, the changes and lints they classify, acceptances. */

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
  /**
   * The contract step of an expand/contract change: drops what `script` kept aside, in a later
   * release. Reported as its own script with `release: 'later'`, after `script`.
   */
  contractScript?: MigrationScript | undefined;
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
