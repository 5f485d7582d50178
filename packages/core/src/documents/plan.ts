import { z } from 'zod';
import { ComplexitySchema, LikelihoodSchema, RiskLevelSchema } from './levels.js';

export const PlanPhaseSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  duration_hours: z.number().finite().nonnegative(),
  dependencies: z.array(z.string()),
  validation_criteria: z.array(z.string()),
  rollback_triggers: z.array(z.string()),
  tasks: z.array(z.string()),
  risk_level: RiskLevelSchema,
  resources_required: z.array(z.string()),
});
export type PlanPhase = z.infer<typeof PlanPhaseSchema>;

export const RiskItemSchema = z.object({
  id: z.string().optional(),
  category: z.string(),
  description: z.string(),
  probability: LikelihoodSchema,
  impact: LikelihoodSchema,
  severity: RiskLevelSchema,
  mitigation: z.string(),
  owner: z.string(),
});
export type RiskItem = z.infer<typeof RiskItemSchema>;

export const PlanRollbackPhaseSchema = z.object({
  phase: z.string(),
  rollback_actions: z.array(z.string()),
  validation_criteria: z.array(z.string()),
  estimated_time_minutes: z.number().finite().nonnegative(),
});

export const PlanRollbackSchema = z.object({
  rollback_phases: z.array(PlanRollbackPhaseSchema),
  rollback_triggers: z.array(z.string()),
  rollback_decision_matrix: z.record(z.string(), z.string()),
  rollback_contacts: z.array(z.string()),
});
export type PlanRollback = z.infer<typeof PlanRollbackSchema>;

/** A phased migration plan. Field names are the seed's, so seed plans and ours are interchangeable. */
export const MigrationPlanSchema = z
  .object({
    migration_id: z.string().min(1),
    source_system: z.string(),
    target_system: z.string(),
    migration_type: z.string().min(1),
    migration_pattern: z.string().nullable().optional(),
    complexity: ComplexitySchema,
    estimated_duration_hours: z.number().finite().nonnegative(),
    phases: z.array(PlanPhaseSchema).min(1),
    risks: z.array(RiskItemSchema),
    success_criteria: z.array(z.string()),
    rollback_plan: PlanRollbackSchema,
    stakeholders: z.array(z.string()),
    created_at: z.string(),
  })
  .meta({ title: 'Migration plan', description: 'Phases with tasks and gates, risks, timeline and rollback plan.' });

export type MigrationPlan = z.infer<typeof MigrationPlanSchema>;
