import { z } from 'zod';
import { ChangeSeveritySchema, LikelihoodSchema, RiskLevelSchema } from '../documents/levels.js';
import type { ChangeSeverity } from '../documents/levels.js';
import type { MigrationScript } from '../documents/compatibility-report.js';
import type { MigrationSpec } from '../documents/spec.js';
import {
  DataRecoveryPlanSchema,
  EscalationMatrixSchema,
  MetricThresholdSchema,
  ScriptTypeSchema,
} from '../documents/runbook.js';

/**
 * The version of the contract below. A plugin declares the one it implements; the registry
 * refuses others, so a plugin built for a future core fails with a message instead of misbehaving.
 */
export const PLUGIN_API_VERSION = 1 as const;

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'expected an id of lowercase letters, digits, "_" and "-", starting with a letter');
const Text = z.string().trim().min(1, 'expected a non-empty string');
const TextList = z.array(Text);

function fn<T>() {
  return z.custom<T>((value) => typeof value === 'function', { message: 'expected a function' });
}

export const ComplexityMultiplierSchema = z.object({
  low: z.number().positive(),
  medium: z.number().positive(),
  high: z.number().positive(),
  critical: z.number().positive(),
});

/** How a type or pattern turns into phases and hours: total = baseDurationHours × multiplier[complexity]. */
export const PhasePlanSchema = z.object({
  phases: z.array(Id).min(1),
  baseDurationHours: z.number().positive(),
  complexityMultiplier: ComplexityMultiplierSchema,
});

export const MigrationTypeSchema = z.object({
  id: Id,
  title: Text,
  description: Text,
  /** Phases used when a spec names no pattern. */
  defaultPlan: PhasePlanSchema,
  successCriteria: TextList.min(1),
  stakeholders: TextList.min(1),
  /** Commands that show the system is back to its pre-migration state (runbook validation). */
  validationCommands: TextList.min(1),
  /** Items added to the runbook's post-rollback checklist for this type. */
  validationChecklist: TextList.min(1),
  dataRecoveryPlan: DataRecoveryPlanSchema,
  /** Replaces core's generic escalation matrix for this type. */
  escalationMatrix: EscalationMatrixSchema.optional(),
});

/** Downtime a spec tolerates, as the pattern selection matrix buckets it: under an hour is "zero". */
export const DowntimeToleranceSchema = z.enum(['zero', 'some']);
export type DowntimeTolerance = z.infer<typeof DowntimeToleranceSchema>;

/** One row of the pattern selection matrix: this pattern fits these complexities and tolerances. */
export const PatternFitSchema = z.object({
  complexity: z.array(z.enum(['low', 'medium', 'high', 'critical'])).min(1),
  downtime: z.array(DowntimeToleranceSchema).min(1),
  /** Why, in one sentence, shown by `patterns recommend`. */
  reason: Text,
});

export const PatternSchema = PhasePlanSchema.extend({
  id: Id,
  type: Id,
  title: Text,
  description: Text,
  whenToUse: TextList.default([]),
  recommendedWhen: z.array(PatternFitSchema).default([]),
});

export const PhaseTemplateSchema = z.object({
  id: Id,
  type: Id,
  description: Text,
  tasks: TextList.min(1),
  validationCriteria: TextList.min(1),
  riskLevel: RiskLevelSchema,
  /** Replaces the generic phase rollback triggers. */
  rollbackTriggers: TextList.optional(),
  /** Added to the generic resources. */
  resourcesRequired: TextList.default([]),
});

export const RiskTemplateSchema = z.object({
  id: Id,
  type: Id,
  category: Text,
  description: Text,
  probability: LikelihoodSchema,
  impact: LikelihoodSchema,
  severity: RiskLevelSchema,
  mitigation: Text,
  owner: Text,
  /** The condition in words, for docs and `plugins show`. Required when `when` is set. */
  condition: Text.optional(),
  /** Adds the risk only when it returns true for the spec. Omitted: always added. */
  when: fn<(spec: MigrationSpec) => boolean>().optional(),
});

export const RollbackStepTemplateSchema = z.object({
  key: Id,
  name: Text,
  description: Text,
  scriptType: ScriptTypeSchema,
  script: Text,
  estimatedDurationMinutes: z.number().nonnegative(),
  validationCommands: TextList.default([]),
  successCriteria: TextList.min(1),
  failureEscalation: Text,
});

export const RollbackTemplateSchema = z.object({
  id: Id,
  type: Id,
  /** Phase ids whose rollback these steps perform. */
  phases: z.array(Id).min(1),
  prerequisites: TextList.default([]),
  communicationRequirements: TextList.default([]),
  steps: z.array(RollbackStepTemplateSchema).min(1),
});

export const TriggerTemplateSchema = z.object({
  id: Id,
  type: Id,
  name: Text,
  condition: Text,
  metricThreshold: MetricThresholdSchema.nullable(),
  evaluationWindowMinutes: z.number().nonnegative(),
  autoExecute: z.boolean(),
  escalationContacts: TextList.min(1),
});

export const CommunicationContributionSchema = z.object({
  id: Id,
  type: Id,
  templateType: Text,
  audience: Text,
  subject: Text,
  body: Text,
  urgency: Text,
  deliveryMethods: TextList.min(1),
});

/** Where a changed object is written: its line in the before or after input (SQL files). */
export interface ChangeLocation {
  side: 'before' | 'after';
  line: number;
  column?: number;
}

/** An explicit rename the user declared (`--rename users.email=users.email_address`). */
export interface RenameHint {
  from: string;
  to: string;
}

export interface DiffOptions {
  renames: RenameHint[];
}

/** One difference between two schema models, as a checker's `diff` reports it. */
export interface SchemaChange {
  /** What changed, e.g. `column.removed`; rules subscribe to kinds. */
  kind: string;
  /** Where, in the seed's dotted form: `tables.users.columns.email`. */
  path: string;
  /** Short human name of the thing changed: `users.email`. */
  subject: string;
  before?: unknown;
  after?: unknown;
  /** Anything else a rule needs (table name, column definitions, ...). */
  details?: Record<string, unknown>;
  /** Where the object is written, when the input had lines (SQL); reported with the finding. */
  location?: ChangeLocation;
}

export interface RuleContext<Model = unknown> {
  before: Model;
  after: Model;
}

/** What a rule says about one change. The engine turns it into a report issue. */
export interface RuleOutcome {
  /** Overrides the rule's default severity (a type change is safe or not depending on the types). */
  severity?: ChangeSeverity;
  description: string;
  impact: string;
  suggestedMigration: string;
  affectedOperations: string[];
  script?: MigrationScript;
}

export const RuleSchema = z.object({
  /** Stable id within the checker, kebab-case: `column-removed`. Reported as `namespace/id`. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case rule id'),
  /** Stable short code, Atlas style (`DB102`): for SARIF, suppressions and docs anchors. */
  code: z.string().regex(/^[A-Z]{2,5}\d{3}$/, 'expected a code of 2-5 capital letters and 3 digits, e.g. DB102').optional(),
  /** The seed's issue type for the finding: `column_removed`. */
  issueType: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case issue type'),
  /** The change kind this rule classifies. */
  change: Text,
  severity: ChangeSeveritySchema,
  title: Text,
  /** One paragraph: what happens to running clients and data. */
  description: Text,
  /** The safe way to make this change. */
  safeAlternative: Text,
  /**
   * Before/after documents (in the checker's input format) that trigger this rule: its docs and
   * its test case. The conformance kit checks each one produces a finding from this rule.
   */
  examples: z.array(z.object({ name: Text.optional(), before: z.unknown(), after: z.unknown() })).default([]),
  /** Narrows the rule to some changes of its kind; the first matching rule classifies a change. */
  when: fn<(change: SchemaChange, context: RuleContext<any>) => boolean>().optional(),
  classify: fn<(change: SchemaChange, context: RuleContext<any>) => RuleOutcome>(),
});

export interface SourceReadContext {
  /** Folder that relative paths are resolved from. */
  cwd: string;
}

/**
 * A way to read a schema that is not a JSON/YAML document: a SQL file, a live database URL. It
 * returns a document the checker's `load` accepts. Failures are core errors: InputMissingError
 * (66), InputDataError with file and line (65), ServiceUnavailableError naming the host but never
 * a password (69).
 */
export const SchemaSourceSchema = z.object({
  id: Id,
  description: Text,
  /** True when this source handles the input: a path (by extension) or a URL (by scheme). */
  matches: fn<(input: string) => boolean>(),
  read: fn<(input: string, context: SourceReadContext) => Promise<unknown>>(),
});

export const CheckerSchema = z.object({
  /** The `check --type` value: `database`, `api`. */
  id: Id,
  title: Text,
  description: Text,
  /** True when a parsed document is obviously this checker's kind, so `check` can infer `--type`. */
  detect: fn<(document: unknown) => boolean>().optional(),
  /** Turns a parsed document into the checker's model; throws InputDataError with a path on bad input. */
  load: fn<(document: unknown, source: { file: string }) => unknown>(),
  diff: fn<(before: any, after: any, options: DiffOptions) => SchemaChange[]>(),
  /** Inputs other than JSON/YAML documents (SQL files, database URLs) this checker can read. */
  sources: z.array(SchemaSourceSchema).default([]),
  rules: z.array(RuleSchema).min(1),
  /** Advice added to the report, by what the report contains; a key left out keeps core's generic advice. */
  recommendations: z
    .object({
      breaking: TextList.optional(),
      potentiallyBreaking: TextList.optional(),
      withScripts: TextList.optional(),
      always: TextList.optional(),
    })
    .optional(),
});

export const PluginMetaSchema = z.object({
  name: Text,
  version: Text,
  /** Prefix of the plugin's ids: `database` → `database/column-removed`. */
  namespace: Id,
  description: Text.optional(),
});

export const PluginSchema = z.object({
  apiVersion: z.literal(PLUGIN_API_VERSION, {
    error: (issue) =>
      `this plugin implements contract version ${JSON.stringify(issue.input)}, but this core implements version ${PLUGIN_API_VERSION}`,
  }),
  meta: PluginMetaSchema,
  migrationTypes: z.array(MigrationTypeSchema).default([]),
  patterns: z.array(PatternSchema).default([]),
  phases: z.array(PhaseTemplateSchema).default([]),
  risks: z.array(RiskTemplateSchema).default([]),
  rollbacks: z.array(RollbackTemplateSchema).default([]),
  triggers: z.array(TriggerTemplateSchema).default([]),
  communications: z.array(CommunicationContributionSchema).default([]),
  checkers: z.array(CheckerSchema).default([]),
});

export type MigrationTypeDefinition = z.infer<typeof MigrationTypeSchema>;
export type PatternDefinition = z.infer<typeof PatternSchema>;
export type PhaseTemplate = z.infer<typeof PhaseTemplateSchema>;
export type RiskTemplate = z.infer<typeof RiskTemplateSchema>;
export type RollbackStepTemplate = z.infer<typeof RollbackStepTemplateSchema>;
export type RollbackTemplate = z.infer<typeof RollbackTemplateSchema>;
export type TriggerTemplate = z.infer<typeof TriggerTemplateSchema>;
export type CommunicationContribution = z.infer<typeof CommunicationContributionSchema>;
export type CompatibilityRule = z.infer<typeof RuleSchema>;
export type Checker = z.infer<typeof CheckerSchema>;
export type SchemaSource = z.infer<typeof SchemaSourceSchema>;
export type PluginMeta = z.infer<typeof PluginMetaSchema>;
/**
 * What plugin authors write for each contribution: zod input types, so fields with defaults
 * (`whenToUse`, `validationCommands`, `prerequisites`, ...) may be left out.
 */
export type MigrationTypeInput = z.input<typeof MigrationTypeSchema>;
export type PatternInput = z.input<typeof PatternSchema>;
export type PhaseTemplateInput = z.input<typeof PhaseTemplateSchema>;
export type RiskTemplateInput = z.input<typeof RiskTemplateSchema>;
export type RollbackStepTemplateInput = z.input<typeof RollbackStepTemplateSchema>;
export type RollbackTemplateInput = z.input<typeof RollbackTemplateSchema>;
export type TriggerTemplateInput = z.input<typeof TriggerTemplateSchema>;
export type CommunicationInput = z.input<typeof CommunicationContributionSchema>;
export type CompatibilityRuleInput = z.input<typeof RuleSchema>;
export type CheckerInput = z.input<typeof CheckerSchema>;
/** A plugin after validation, with defaults filled in. */
export type ResolvedPlugin = z.infer<typeof PluginSchema>;
/** What a plugin author writes. */
export type MigrationArchitectPlugin = z.input<typeof PluginSchema>;
export type PluginFactory<Options = void> = (options?: Options) => MigrationArchitectPlugin;

/** Identity helpers that give plugin authors types and completion, ESLint / Vite style. */
export function definePlugin<const P extends MigrationArchitectPlugin>(plugin: P): P {
  return plugin;
}
export function defineRule(rule: CompatibilityRuleInput): CompatibilityRuleInput {
  return rule;
}
export function defineChecker(checker: CheckerInput): CheckerInput {
  return checker;
}
