import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';
import { ComplexitySchema, LikelihoodSchema, RiskLevelSchema } from './levels.js';

/*
 * A plan keeps the original planner's fields (snake_case, same meaning), so plans made by the
 * original migration_planner.py feed our `rollback` and ours feed theirs. Everything else is an
 * optional addition: a plan without it (the original's) is still a valid plan.
 */

const hours = lazySchema(() => z.number().finite().nonnegative());
const minutes = lazySchema(() => z.number().finite().nonnegative());

/** What a step, a risk or a gate was derived from: a spec field and its value. */
export const SpecFactRefSchema = lazySchema(() =>
  z.object({
    fact: z.string().meta({ description: 'Fact id: zero-downtime, moves-database, ...' }),
    path: z.string().meta({ description: 'Where in the spec: constraints.max_downtime_minutes.' }),
    value: z.unknown().optional(),
    statement: z.string(),
  }),
);
export type SpecFactRef = z.infer<typeof SpecFactRefSchema>;

export const MetricGateSchema = lazySchema(() =>
  z.object({
    metric: z.string(),
    operator: z.enum(['at_most', 'at_least']),
    value: z.number(),
    source: z.string().meta({ description: 'The spec field it comes from: monitoring.alert_thresholds.error_rate.' }),
  }),
);
export type MetricGate = z.infer<typeof MetricGateSchema>;

export const StepScriptTypeSchema = lazySchema(() => z.enum(['sql', 'bash', 'api', 'manual']));

export const StepRollbackSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    description: z.string(),
    script_type: builtSchema(StepScriptTypeSchema),
    script: z.string().nullable(),
    duration_minutes: builtSchema(minutes),
  }),
);
export type StepRollback = z.infer<typeof StepRollbackSchema>;

export const PlanStepSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    subject: z.object({ kind: z.string(), name: z.string() }).nullable().meta({ description: 'What the step works on: { kind: table, name: users }.' }),
    duration_minutes: builtSchema(minutes),
    estimate: z.string().nullable().meta({ description: 'How the minutes were found, with the arithmetic: "890 MB ÷ 30 MB/s = 30 s".' }),
    downtime: z.boolean().meta({ description: 'Traffic (or writes) stop while it runs: sized against max_downtime_minutes, placed in the migration window.' }),
    disruptive: z.boolean().meta({ description: 'It loads the system: kept out of critical business hours.' }),
    script_type: builtSchema(StepScriptTypeSchema),
    script: z.string().nullable(),
    validation: z.string().nullable(),
    rollback: StepRollbackSchema.nullable(),
    start: z.string().optional().meta({ description: 'Calendar start (ISO 8601, UTC), with --start.' }),
    end: z.string().optional(),
  }),
);
export type PlanStep = z.infer<typeof PlanStepSchema>;

export const PlanPhaseSchema = lazySchema(() =>
  z.object({
    name: z.string().min(1),
    description: z.string(),
    duration_hours: builtSchema(hours),
    dependencies: z.array(z.string()),
    validation_criteria: z.array(z.string()),
    rollback_triggers: z.array(z.string()),
    tasks: z.array(z.string()),
    risk_level: RiskLevelSchema,
    resources_required: z.array(z.string()),
    origin: z
      .enum(['spec', 'pattern', 'default'])
      .optional()
      .meta({ description: "Where the phase comes from: the spec's migration_phases, the pattern, or the type's default plan." }),
    template: z.string().nullable().optional().meta({ description: 'The phase template its tasks, gates and rollback come from; null when none matches.' }),
    duration_basis: z.string().optional().meta({ description: 'How duration_hours was found.' }),
    work_minutes: minutes.optional().meta({ description: 'Sum of its steps.' }),
    downtime_minutes: minutes.optional(),
    steps: z.array(builtSchema(PlanStepSchema)).optional(),
    gates: z.array(builtSchema(MetricGateSchema)).optional().meta({ description: 'Metric thresholds that must hold before the next phase starts.' }),
    start_offset_hours: hours.optional().meta({ description: 'Earliest start, hours after the migration starts (from the dependency graph).' }),
    end_offset_hours: hours.optional(),
    on_critical_path: z.boolean().optional(),
    parallel_with: z.array(z.string()).optional(),
    start: z.string().optional().meta({ description: 'Calendar start (ISO 8601, UTC), with --start.' }),
    end: z.string().optional(),
  }),
);
export type PlanPhase = z.infer<typeof PlanPhaseSchema>;

export const RiskItemSchema = lazySchema(() =>
  z.object({
    id: z.string().optional(),
    category: z.string(),
    description: z.string(),
    probability: LikelihoodSchema,
    impact: LikelihoodSchema,
    severity: RiskLevelSchema,
    mitigation: z.string(),
    owner: z.string(),
    raised_by: z.array(builtSchema(SpecFactRefSchema)).optional().meta({
      description:
        'The spec facts that added this risk; empty for risks every plan of the type carries, and for conditional risks (see condition) whose plugin did not name the facts.',
    }),
    condition: z.string().nullable().optional(),
  }),
);
export type RiskItem = z.infer<typeof RiskItemSchema>;

export const PlanRollbackPhaseSchema = lazySchema(() =>
  z.object({
    phase: z.string(),
    rollback_actions: z.array(z.string()),
    validation_criteria: z.array(z.string()),
    estimated_time_minutes: builtSchema(minutes),
  }),
);

export const MetricTriggerSchema = lazySchema(() =>
  z.object({
    metric: z.string(),
    operator: z.enum(['greater_than', 'less_than']),
    threshold: z.number(),
    duration_minutes: builtSchema(minutes),
    action: z.string(),
    source: z.string().meta({ description: 'rollback_triggers[0], or monitoring.alert_thresholds.error_rate.' }),
  }),
);
export type MetricTrigger = z.infer<typeof MetricTriggerSchema>;

export const PlanRollbackSchema = lazySchema(() =>
  z.object({
    rollback_phases: z.array(builtSchema(PlanRollbackPhaseSchema)),
    rollback_triggers: z.array(z.string()),
    rollback_decision_matrix: z.record(z.string(), z.string()),
    rollback_contacts: z.array(z.string()),
    metric_triggers: z
      .array(builtSchema(MetricTriggerSchema))
      .optional()
      .meta({ description: "The spec's rollback triggers and alert thresholds, for the runbook." }),
  }),
);
export type PlanRollback = z.infer<typeof PlanRollbackSchema>;

export const PlanRolloutStageSchema = lazySchema(() =>
  z.object({
    percentage: z.number(),
    hold_hours: builtSchema(hours),
    start_offset_hours: builtSchema(hours),
    end_offset_hours: builtSchema(hours),
    gates: z.array(builtSchema(MetricGateSchema)).meta({ description: 'What must hold during the stage before moving to the next.' }),
    abort_when: z.array(z.string()).meta({ description: 'Rollback triggers that end the rollout.' }),
    start: z.string().optional(),
    end: z.string().optional(),
  }),
);

export const FlagRolloutSchema = lazySchema(() =>
  z.object({
    flag: z.string(),
    description: z.string(),
    phase: z.string().nullable().meta({ description: 'The phase it starts in.' }),
    initial_percentage: z.number(),
    total_hours: builtSchema(hours),
    stages: z.array(builtSchema(PlanRolloutStageSchema)),
  }),
);
export type FlagRollout = z.infer<typeof FlagRolloutSchema>;

export const PlanWarningSchema = lazySchema(() =>
  z.object({
    code: z
      .string()
      .meta({ description: 'unknown-field, pattern-contradiction, downtime-over-budget, window-too-short, work-exceeds-phase, rollout-overruns, ...' }),
    message: z.string(),
    path: z.string().nullable().meta({ description: 'The spec field it is about.' }),
  }),
);
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const AssumptionSchema = lazySchema(() =>
  z.object({
    name: z.string(),
    value: z.number(),
    unit: z.string(),
    source: z.string().meta({ description: 'default, spec (the field), or config.' }),
    description: z.string(),
  }),
);
export type Assumption = z.infer<typeof AssumptionSchema>;

export const ScheduleSchema = lazySchema(() =>
  z.object({
    start: z.string(),
    end: z.string(),
    calendar_hours: hours.meta({ description: 'Hours from start to end on the calendar, waits for windows included.' }),
    business_hours: z.string().nullable(),
    migration_window: z.string().nullable(),
    notes: z.array(z.string()),
  }),
);

export const RiskMatrixCellSchema = lazySchema(() =>
  z.object({
    probability: LikelihoodSchema,
    impact: LikelihoodSchema,
    risks: z.array(z.string()),
  }),
);

/** A phased migration plan. Field names are the seed's, so seed plans and ours are interchangeable. */
export const MigrationPlanSchema = lazySchema(() =>
  z
    .object({
      migration_id: z.string().min(1),
      source_system: z.string(),
      target_system: z.string(),
      migration_type: z.string().min(1),
      migration_pattern: z.string().nullable().optional(),
      complexity: ComplexitySchema,
      estimated_duration_hours: builtSchema(hours),
      phases: z.array(builtSchema(PlanPhaseSchema)).min(1),
      risks: z.array(builtSchema(RiskItemSchema)),
      success_criteria: z.array(z.string()),
      rollback_plan: builtSchema(PlanRollbackSchema),
      stakeholders: z.array(z.string()),
      created_at: z.string(),
      description: z.string().nullable().optional(),
      critical_path: z.array(z.string()).optional().meta({ description: 'Phases whose delay delays the end; estimated_duration_hours is their sum.' }),
      max_downtime_minutes: minutes.nullable().optional().meta({ description: "The spec's constraint, when it states one." }),
      affected_systems: z.array(z.string()).optional().meta({ description: "The spec's constraints.dependencies." }),
      scope: z
        .array(z.object({ kind: z.string(), name: z.string(), detail: z.string().nullable() }))
        .optional()
        .meta({ description: 'What the migration touches (tables, endpoints, workloads), from its steps.' }),
      assumptions: z.array(builtSchema(AssumptionSchema)).optional(),
      feature_flag_rollouts: z.array(builtSchema(FlagRolloutSchema)).optional(),
      monitoring: z
        .object({ critical_metrics: z.array(z.string()), gates: z.array(builtSchema(MetricGateSchema)) })
        .nullable()
        .optional(),
      schedule: ScheduleSchema.nullable().optional(),
      risk_matrix: z.array(builtSchema(RiskMatrixCellSchema)).optional(),
      warnings: z.array(builtSchema(PlanWarningSchema)).optional(),
    })
    .meta({ title: 'Migration plan', description: 'Phases with tasks and gates, risks, timeline and rollback plan.' }),
);

export type MigrationPlan = z.infer<typeof MigrationPlanSchema>;
