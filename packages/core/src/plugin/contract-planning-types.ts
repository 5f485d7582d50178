import type { z } from 'zod';
import type { Complexity, RiskLevel } from '../documents/levels.js';
import type { MigrationPlan } from '../documents/plan.js';
import type { DataRecoveryPlan, EscalationMatrix, MetricThreshold, ScriptType } from '../documents/runbook.js';
import type { MigrationSpec } from '../documents/spec.js';

/* The plugin contract, planning side: migration types, patterns, phases, risks, rollbacks, triggers and messages. */

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

/** Where a spec was read from, so a type can read the files it names (a plan JSON) relative to it. */
export interface SpecOrigin {
  /** The spec's file as the user named it, for messages; null for a spec given in memory. */
  file: string | null;
  /** The absolute folder relative paths in the spec resolve against: the spec file's folder, else the current directory. */
  directory: string;
}

/** What a type's `planWork` is told about the plan being made. */
export interface PlanStepContext {
  /** Where the spec was read from. */
  origin: SpecOrigin;
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
  facts?: ((spec: MigrationSpec, origin: SpecOrigin) => SpecFact[]) | undefined;
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
