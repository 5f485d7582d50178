import { z } from 'zod';
import { ChangeSeveritySchema, ComplexitySchema, LikelihoodSchema, RiskLevelSchema } from '../documents/levels.js';
import { DataRecoveryPlanSchema, EscalationMatrixSchema, MetricThresholdSchema, ScriptTypeSchema } from '../documents/runbook.js';
import { builtSchema } from '../zod/lazy-schema.js';
import type * as T from './contract-types.js';
import { PLUGIN_API_VERSION } from './contract-version.js';

export { PLUGIN_API_VERSION };

function buildBasics() {
  return {
    Id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'expected an id of lowercase letters, digits, "_" and "-", starting with a letter'),
    Text: z.string().trim().min(1, 'expected a non-empty string'),
    Url: z.url({ message: 'expected an absolute URL' }),
    /** A zod schema from any copy of zod 4 (a plugin may bundle its own). */
    ZodSchema: z.custom<z.ZodType>((value) => typeof value === 'object' && value !== null && '_zod' in value, {
      message: 'expected a zod schema',
    }),
  };
}

let basicSchemas: ReturnType<typeof buildBasics> | undefined;

/*
 * The building blocks every part uses, built once on first use like the schemas below; plain
 * schemas rather than lazySchema stand-ins, since every field of every contribution is parsed
 * through them.
 */
function basics() {
  basicSchemas ??= buildBasics();
  return { ...basicSchemas, TextList: z.array(basicSchemas.Text) };
}

function fn<F>() {
  return z.custom<F>((value) => typeof value === 'function', { message: 'expected a function' });
}

const phasePlanShape = () => ({
  phases: z.array(basics().Id).min(1),
  baseDurationHours: z.number().positive(),
  complexityMultiplier: z.record(ComplexitySchema, z.number().positive()),
});

/*
 * Each schema is annotated with the contract type it validates: the compiler then refuses a
 * schema that drifts from the documented interface. They are built on first use, not at import,
 * so commands that never validate a plugin never pay for them, and in two parts: what planning
 * reads (migration types and their templates) and what checking reads (checkers, sources,
 * migration layouts). A registry validating on use builds and runs only the part a command asks
 * for: a `plan` never validates the 75 rules of the database checker.
 */
function buildPlanningShape() {
  const { Id, Text, TextList, ZodSchema } = basics();
  const MigrationType: z.ZodType<T.MigrationTypeDefinition, T.MigrationTypeInput> = z.object({
    id: Id,
    title: Text,
    description: Text,
    defaultPlan: z.object(phasePlanShape()),
    successCriteria: TextList.min(1),
    stakeholders: TextList.min(1),
    validationCommands: TextList.min(1),
    validationChecklist: TextList.min(1),
    dataRecoveryPlan: builtSchema(DataRecoveryPlanSchema),
    escalationMatrix: EscalationMatrixSchema.optional(),
    specFields: z.record(z.string(), ZodSchema).default({}),
    constraintFields: z.record(z.string(), ZodSchema).default({}),
    genericAdditions: z
      .object({
        triggers: z.boolean().default(true),
        resources: z.boolean().default(true),
        communications: z.boolean().default(true),
        checklist: z.boolean().default(true),
      })
      .default({ triggers: true, resources: true, communications: true, checklist: true }),
    facts: fn<NonNullable<T.MigrationTypeInput['facts']>>().optional(),
    planWork: fn<NonNullable<T.MigrationTypeInput['planWork']>>().optional(),
    dataRecovery: fn<NonNullable<T.MigrationTypeInput['dataRecovery']>>().optional(),
  });

  const Pattern: z.ZodType<T.PatternDefinition, T.PatternInput> = z.object({
    ...phasePlanShape(),
    id: Id,
    type: Id,
    title: Text,
    description: Text,
    whenToUse: TextList.default([]),
    recommendedWhen: z
      .array(z.object({ complexity: z.array(ComplexitySchema).min(1), downtime: z.array(z.enum(['zero', 'some'])).min(1), reason: Text }))
      .default([]),
    dependencies: z.record(Id, z.array(Id)).default({}),
    contradictedBy: z.array(z.object({ fact: Id, reason: Text })).default([]),
    favouredBy: z.array(z.object({ fact: Id, reason: Text })).default([]),
  });

  const PhaseTemplate: z.ZodType<T.PhaseTemplate, T.PhaseTemplateInput> = z.object({
    id: Id,
    type: Id,
    description: Text,
    tasks: TextList.min(1),
    validationCriteria: TextList.min(1),
    riskLevel: RiskLevelSchema,
    rollbackTriggers: TextList.optional(),
    resourcesRequired: TextList.default([]),
    durationWeight: z.number().positive().finite().default(1),
    sizedBy: z.enum(['pattern', 'steps']).default('pattern'),
    shiftsTraffic: z.boolean().default(false),
    needsWindow: z.boolean().default(false),
    disruptive: z.boolean().default(false),
  });

  const Risk: z.ZodType<T.RiskTemplate, T.RiskTemplateInput> = z.object({
    id: Id,
    type: Id,
    category: Text,
    description: Text,
    probability: LikelihoodSchema,
    impact: LikelihoodSchema,
    severity: RiskLevelSchema,
    mitigation: Text,
    owner: Text,
    condition: Text.optional(),
    when: fn<NonNullable<T.RiskTemplate['when']>>().optional(),
  });

  const RollbackStep: z.ZodType<T.RollbackStepTemplate, T.RollbackStepTemplateInput> = z.object({
    key: Id,
    name: Text,
    description: Text,
    scriptType: builtSchema(ScriptTypeSchema),
    script: Text,
    estimatedDurationMinutes: z.number().nonnegative(),
    validationCommands: TextList.default([]),
    successCriteria: TextList.min(1),
    failureEscalation: Text,
  });

  const Rollback: z.ZodType<T.RollbackTemplate, T.RollbackTemplateInput> = z.object({
    id: Id,
    type: Id,
    phases: z.array(Id).min(1),
    prerequisites: TextList.default([]),
    communicationRequirements: TextList.default([]),
    steps: z.array(RollbackStep).min(1),
  });

  const Trigger: z.ZodType<T.TriggerTemplate, T.TriggerTemplateInput> = z.object({
    id: Id,
    type: Id,
    name: Text,
    condition: Text,
    metricThreshold: MetricThresholdSchema.nullable(),
    evaluationWindowMinutes: z.number().nonnegative(),
    autoExecute: z.boolean(),
    escalationContacts: TextList.min(1),
  });

  const Communication: z.ZodType<T.CommunicationContribution, T.CommunicationInput> = z.object({
    id: Id,
    type: Id,
    templateType: Text,
    audience: Text,
    subject: Text,
    body: Text,
    urgency: Text,
    deliveryMethods: TextList.min(1),
  });

  return {
    migrationTypes: z.array(MigrationType).default([]),
    patterns: z.array(Pattern).default([]),
    phases: z.array(PhaseTemplate).default([]),
    risks: z.array(Risk).default([]),
    rollbacks: z.array(Rollback).default([]),
    triggers: z.array(Trigger).default([]),
    communications: z.array(Communication).default([]),
  };
}

let examplesSchema: z.ZodType<T.RuleExample[], T.RuleExample[] | undefined> | undefined;

/** A rule's examples (documentation and test cases), on their own: validated when read, on use. */
export function ruleExamplesSchema(): z.ZodType<T.RuleExample[], T.RuleExample[] | undefined> {
  if (!examplesSchema) {
    const { Text } = basics();
    const RenameHint = z.object({ from: Text, to: Text });
    examplesSchema = z
      .array(
        z.object({
          name: Text.optional(),
          fileName: Text.optional(),
          before: z.unknown(),
          after: z.unknown().optional(),
          renames: z.array(RenameHint).optional(),
          migration: z.boolean().optional(),
          targetVersion: z.string().optional(),
        }),
      )
      .default([]);
  }
  return examplesSchema;
}

/**
 * `examples: 'on-read'` leaves the rules' examples out (zod neither reads nor keeps them): a
 * registry validating on use validates them when they are read, since plugins may build them on
 * demand and a check never reads them.
 */
function buildCheckingShape(examples: 'parsed' | 'on-read' = 'parsed') {
  const { Id, Text, TextList, Url } = basics();

  const ruleShape = {
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case rule id'),
    code: z
      .string()
      .regex(/^[A-Z]{2,5}\d{3}$/, 'expected a code of 2-5 capital letters and 3 digits, e.g. DB102')
      .optional(),
    issueType: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a snake_case issue type'),
    change: Text,
    severity: ChangeSeveritySchema,
    title: Text,
    description: Text,
    safeAlternative: Text,
    rollback: Text.optional(),
    docsUrl: Url.optional(),
    examples: ruleExamplesSchema(),
    when: fn<NonNullable<T.CompatibilityRule['when']>>().optional(),
    classify: fn<T.CompatibilityRule['classify']>(),
  };
  ruleKeyOrder ??= Object.keys(ruleShape);
  const { examples: _examples, ...withoutExamples } = ruleShape;
  // Typed as the whole rule: the examples left out are put back, validated on read, by the registry.
  const Rule = z.object(examples === 'parsed' ? ruleShape : withoutExamples) as unknown as z.ZodType<T.CompatibilityRule, T.CompatibilityRuleInput>;

  const Checker: z.ZodType<T.Checker, T.CheckerInput> = z.object({
    id: Id,
    title: Text,
    description: Text,
    changeKinds: TextList.optional(),
    diff: fn<T.Checker['diff']>(),
    rules: z.array(Rule).min(1),
    recommendations: z
      .object({ breaking: TextList.optional(), potentiallyBreaking: TextList.optional(), withScripts: TextList.optional(), always: TextList.optional() })
      .optional(),
    verify: fn<NonNullable<T.Checker['verify']>>().optional(),
    applyMigration: fn<NonNullable<T.Checker['applyMigration']>>().optional(),
    sizing: z.object({ read: fn<T.FindingSizing['read']>(), size: fn<T.FindingSizing['size']>() }).optional(),
    acceptances: z
      .array(z.object({ rule: Text, accepts: fn<NonNullable<T.CheckerAcceptance['accepts']>>().optional(), reason: Text, writtenIn: Text }))
      .optional(),
  });

  const Source: z.ZodType<T.SchemaSource, T.SchemaSourceInput> = z.object({
    id: Id,
    checker: Id,
    title: Text,
    description: Text,
    order: z.enum(['pre', 'normal', 'post']).default('normal'),
    read: fn<T.SchemaSource['read']>(),
  });

  const Layout: z.ZodType<T.MigrationLayout, T.MigrationLayoutInput> = z.object({
    id: Id,
    checker: Id,
    title: Text,
    description: Text,
    order: z.enum(['pre', 'normal', 'post']).default('normal'),
    sharesFolderWith: z.array(Id).default([]),
    parse: fn<T.MigrationLayout['parse']>(),
    splitSections: fn<NonNullable<T.MigrationLayout['splitSections']>>().optional(),
  });

  return {
    checkers: z.array(Checker).default([]),
    sources: z.array(Source).default([]),
    migrationLayouts: z.array(Layout).default([]),
  };
}

function buildHeadShape() {
  const { Id, Text, Url, ZodSchema } = basics();
  return {
    apiVersion: z.literal(PLUGIN_API_VERSION, {
      error: (issue) => `this plugin implements contract version ${JSON.stringify(issue.input)}, but this core implements version ${PLUGIN_API_VERSION}`,
    }),
    meta: z.object({ name: Text, version: Text, namespace: Id, description: Text.optional(), docsUrl: Url.optional() }),
    options: z.object({ schema: ZodSchema, values: z.unknown() }).optional(),
  };
}

type PlanningShape = ReturnType<typeof buildPlanningShape>;
type CheckingShape = ReturnType<typeof buildCheckingShape>;
type HeadShape = ReturnType<typeof buildHeadShape>;

/** The keys of a plugin each part validates, in the contract's order. */
export const PLANNING_KEYS = ['migrationTypes', 'patterns', 'phases', 'risks', 'rollbacks', 'triggers', 'communications'] as const;
export const CHECKING_KEYS = ['checkers', 'sources', 'migrationLayouts'] as const;
export type PluginPart = 'planning' | 'checking';

let planningShape: PlanningShape | undefined;
let checkingShape: CheckingShape | undefined;
let checkingShapeOnRead: CheckingShape | undefined;
let ruleKeyOrder: string[] | undefined;
let headShape: HeadShape | undefined;
let pluginSchema: z.ZodType<T.ResolvedPlugin, T.MigrationArchitectPlugin> | undefined;
let headSchema: z.ZodObject | undefined;
const partSchemas: Partial<Record<PluginPart, z.ZodObject>> = {};

/** The schema every plugin is validated with, built once on first use. */
export function pluginContractSchema(): z.ZodType<T.ResolvedPlugin, T.MigrationArchitectPlugin> {
  if (!pluginSchema) {
    const { apiVersion, meta, options } = (headShape ??= buildHeadShape());
    const Plugin: z.ZodType<T.ResolvedPlugin, T.MigrationArchitectPlugin> = z.object({
      apiVersion,
      meta,
      ...(planningShape ??= buildPlanningShape()),
      ...(checkingShape ??= buildCheckingShape()),
      options,
    });
    pluginSchema = Plugin;
  }
  return pluginSchema;
}

/**
 * A plugin's head: its contract version, meta and options, with every part's key accepted as is
 * (so that the walk for unknown keys knows them, and leaves them to their part).
 */
export function pluginHeadSchema(): z.ZodObject {
  if (!headSchema) {
    const { apiVersion, meta, options } = (headShape ??= buildHeadShape());
    const parts = Object.fromEntries([...PLANNING_KEYS, ...CHECKING_KEYS].map((key) => [key, z.unknown().optional()]));
    headSchema = z.object({ apiVersion, meta, ...parts, options });
  }
  return headSchema;
}

/** The schema of one part of a plugin: parsing a whole plugin with it keeps (and defaults) only that part's keys. */
export function pluginPartSchema(part: PluginPart): z.ZodObject {
  return (partSchemas[part] ??= z.object(part === 'planning' ? (planningShape ??= buildPlanningShape()) : (checkingShape ??= buildCheckingShape())));
}

let checkingOnReadSchema: z.ZodObject | undefined;

/** The checking part without the rules' examples (see `buildCheckingShape`). */
export function checkingPartSchemaExamplesOnRead(): z.ZodObject {
  return (checkingOnReadSchema ??= z.object((checkingShapeOnRead ??= buildCheckingShape('on-read'))));
}

/** The keys of a validated rule, in the order a whole validation gives them. */
export function ruleKeys(): readonly string[] {
  if (!ruleKeyOrder) buildCheckingShape('on-read');
  return ruleKeyOrder!;
}
