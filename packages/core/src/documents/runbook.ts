import { z } from 'zod';
import { builtSchema, lazySchema } from '../zod/lazy-schema.js';
import { RiskLevelSchema, UrgencySchema } from './levels.js';

export const ScriptTypeSchema = lazySchema(() => z.enum(['sql', 'bash', 'api', 'manual']));
export type ScriptType = z.infer<typeof ScriptTypeSchema>;

export const RollbackStepSchema = lazySchema(() =>
  z.object({
    step_id: z.string(),
    name: z.string(),
    description: z.string(),
    script_type: builtSchema(ScriptTypeSchema),
    script_content: z.string(),
    estimated_duration_minutes: z.number().finite().nonnegative(),
    dependencies: z.array(z.string()),
    validation_commands: z.array(z.string()),
    success_criteria: z.array(z.string()),
    failure_escalation: z.string(),
    rollback_order: z.number().int().positive(),
    undoes: z.string().nullable().optional().meta({ description: 'The plan step this step reverses (its id), when it reverses one.' }),
  }),
);
export type RollbackStep = z.infer<typeof RollbackStepSchema>;

export const RollbackPhaseSchema = lazySchema(() =>
  z.object({
    phase_name: z.string(),
    description: z.string(),
    urgency_level: UrgencySchema,
    estimated_duration_minutes: z.number().finite().nonnegative(),
    prerequisites: z.array(z.string()),
    steps: z.array(builtSchema(RollbackStepSchema)),
    validation_checkpoints: z.array(z.string()),
    communication_requirements: z.array(z.string()),
    risk_level: RiskLevelSchema,
  }),
);
export type RollbackPhase = z.infer<typeof RollbackPhaseSchema>;

export const MetricThresholdSchema = lazySchema(() =>
  z.object({
    metric: z.string(),
    operator: z.enum(['greater_than', 'less_than', 'equals']),
    value: z.union([z.number(), z.string()]),
    duration_minutes: z.number().finite().nonnegative(),
  }),
);

export type MetricThreshold = z.infer<typeof MetricThresholdSchema>;

export const TriggerConditionSchema = lazySchema(() =>
  z.object({
    trigger_id: z.string(),
    name: z.string(),
    condition: z.string(),
    metric_threshold: MetricThresholdSchema.nullable(),
    evaluation_window_minutes: z.number().finite().nonnegative(),
    auto_execute: z.boolean(),
    escalation_contacts: z.array(z.string()),
    action: z.string().optional().meta({ description: 'What happens when it fires: automatic_rollback, alert_team, scale_up, ...' }),
    source: z.enum(['spec', 'type', 'generic']).optional().meta({
      description:
        "spec: the spec's rollback_triggers or alert thresholds; type: the migration type's own; generic: core's, used only when the spec gives none.",
    }),
  }),
);
export type TriggerCondition = z.infer<typeof TriggerConditionSchema>;

export const DataRecoveryPlanSchema = lazySchema(() =>
  z.object({
    recovery_method: z.string(),
    backup_location: z.string(),
    recovery_scripts: z.array(z.string()),
    data_validation_queries: z.array(z.string()),
    estimated_recovery_time_minutes: z.number().finite().nonnegative(),
    recovery_dependencies: z.array(z.string()),
    scope: z.array(z.string()).optional().meta({ description: 'What is recovered (the tables the migration touched); absent: everything.' }),
  }),
);
export type DataRecoveryPlan = z.infer<typeof DataRecoveryPlanSchema>;

export const CommunicationTemplateSchema = lazySchema(() =>
  z.object({
    template_type: z.string(),
    audience: z.string(),
    subject: z.string(),
    body: z.string(),
    urgency: z.string(),
    delivery_methods: z.array(z.string()),
  }),
);
export type CommunicationTemplate = z.infer<typeof CommunicationTemplateSchema>;

export const EscalationLevelSchema = lazySchema(() =>
  z.object({
    trigger: z.string(),
    response_time_minutes: z.number().finite().nonnegative(),
    contacts: z.array(z.string()),
    actions: z.array(z.string()),
  }),
);
export const EscalationMatrixSchema = lazySchema(() => z.record(z.string(), builtSchema(EscalationLevelSchema)));
export type EscalationMatrix = z.infer<typeof EscalationMatrixSchema>;

export const EmergencyContactSchema = lazySchema(() =>
  z.object({
    role: z.string(),
    name: z.string(),
    primary_phone: z.string(),
    email: z.string(),
    backup_contact: z.string(),
  }),
);
export type EmergencyContact = z.infer<typeof EmergencyContactSchema>;

export const RollbackRunbookSchema = lazySchema(() =>
  z
    .object({
      runbook_id: z.string(),
      migration_id: z.string(),
      migration_type: z.string(),
      created_at: z.string(),
      rollback_phases: z.array(builtSchema(RollbackPhaseSchema)),
      trigger_conditions: z.array(builtSchema(TriggerConditionSchema)),
      data_recovery_plan: builtSchema(DataRecoveryPlanSchema),
      communication_templates: z.array(builtSchema(CommunicationTemplateSchema)),
      escalation_matrix: builtSchema(EscalationMatrixSchema),
      validation_checklist: z.array(z.string()),
      post_rollback_procedures: z.array(z.string()),
      emergency_contacts: z.array(builtSchema(EmergencyContactSchema)),
      estimated_total_minutes: z.number().finite().nonnegative().optional(),
      open_placeholders: z
        .array(z.object({ placeholder: z.string(), used_in: z.array(z.string()) }))
        .optional()
        .meta({ description: '{placeholders} no input could fill, and where they appear: fill them before sending or running.' }),
    })
    .meta({ title: 'Rollback runbook', description: 'How to reverse a migration plan, phase by phase.' }),
);

export type RollbackRunbook = z.infer<typeof RollbackRunbookSchema>;
