import type { MigrationPlan, PlanPhase } from '../documents/plan.js';
import type { RiskLevel, Urgency } from '../documents/levels.js';
import type {
  CommunicationTemplate,
  RollbackPhase,
  RollbackRunbook,
  RollbackStep,
  TriggerCondition,
} from '../documents/runbook.js';
import { contentId } from '../identity/content-id.js';
import { systemClock, type Clock } from '../identity/clock.js';
import { UnknownMigrationTypeError } from '../planner/planner.js';
import type { PluginRegistry } from '../plugin/registry.js';
import {
  BASE_VALIDATION_CHECKLIST,
  DEFAULT_ESCALATION_MATRIX,
  EMERGENCY_CONTACTS,
  GENERIC_COMMUNICATION_REQUIREMENTS,
  GENERIC_COMMUNICATIONS,
  GENERIC_PREREQUISITES,
  GENERIC_TRIGGERS,
  HIGH_RISK_COMMUNICATION_REQUIREMENTS,
  POST_ROLLBACK_PROCEDURES,
} from './runbook-defaults.js';

export interface RunbookOptions {
  clock?: Clock | undefined;
  /** The plan's file name, for errors about it. */
  file?: string | undefined;
}

const URGENCY_BY_RISK: Record<RiskLevel, Urgency> = { low: 'low', medium: 'medium', high: 'high', critical: 'emergency' };

/**
 * Fills the placeholders a plan can answer in every string of the runbook (messages, scripts,
 * recovery plan); the rest are for whoever runs the rollback.
 */
function fillPlaceholders<T>(value: T, values: Record<string, string>): T {
  if (typeof value === 'string') return value.replace(/\{([a-z_0-9]+)\}/g, (whole, key: string) => values[key] ?? whole) as T;
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, values)])) as T;
  }
  return value;
}

function phaseSteps(registry: PluginRegistry, plan: MigrationPlan, phase: PlanPhase, index: number): RollbackStep[] {
  const type = registry.migrationType(plan.migration_type)!;
  const prefix = `rb_${String(index + 1).padStart(2, '0')}`;
  const templates = registry.rollbacksFor(plan.migration_type, phase.name);
  const body: RollbackStep[] = [];
  for (const template of templates) {
    for (const step of template.steps) {
      const previous = body.at(-1);
      body.push({
        step_id: `${prefix}_${step.key}`,
        name: step.name,
        description: step.description,
        script_type: step.scriptType,
        script_content: step.script,
        estimated_duration_minutes: step.estimatedDurationMinutes,
        dependencies: previous ? [previous.step_id] : [],
        validation_commands: [...step.validationCommands],
        success_criteria: [...step.successCriteria],
        failure_escalation: step.failureEscalation,
        rollback_order: body.length + 1,
      });
    }
  }
  if (body.length === 0) {
    // A phase no plugin knows (a hand-written plan): still give the operator something to do.
    body.push({
      step_id: `${prefix}_revert`,
      name: `Revert ${phase.name} changes`,
      description: `Undo what the ${phase.name} phase changed, following its tasks in reverse: ${phase.tasks.join('; ')}`,
      script_type: 'manual',
      script_content: `Review the ${phase.name} change log and reverse each change, newest first`,
      estimated_duration_minutes: 30,
      dependencies: [],
      validation_commands: [],
      success_criteria: [`No ${phase.name} change remains in place`],
      failure_escalation: 'Escalate to the migration lead',
      rollback_order: 1,
    });
  }
  body.push({
    step_id: `${prefix}_validate`,
    name: 'Validate rollback completion',
    description: `Comprehensive validation that ${phase.name} rollback completed successfully`,
    script_type: 'manual',
    script_content: 'Execute validation checklist for this phase',
    estimated_duration_minutes: 10,
    dependencies: body.map((s) => s.step_id),
    validation_commands: [...type.validationCommands],
    success_criteria: [`${phase.name} fully rolled back`, 'All validation checks pass'],
    failure_escalation: `Investigate ${phase.name} rollback failures`,
    rollback_order: body.length + 1,
  });
  return body;
}

function rollbackPhase(registry: PluginRegistry, plan: MigrationPlan, phase: PlanPhase, index: number): RollbackPhase {
  const type = registry.migrationType(plan.migration_type)!;
  const templates = registry.rollbacksFor(plan.migration_type, phase.name);
  const steps = phaseSteps(registry, plan, phase, index);
  const stepMinutes = steps.reduce((sum, s) => sum + s.estimated_duration_minutes, 0);
  const highRisk = phase.risk_level === 'high' || phase.risk_level === 'critical';
  const generic = type.genericAdditions.communications;
  return {
    phase_name: `rollback_${phase.name}`,
    description: `Rollback changes made during ${phase.name} phase`,
    urgency_level: URGENCY_BY_RISK[phase.risk_level],
    // Half the forward time (the seed's rule), but never less than the steps themselves take.
    estimated_duration_minutes: Math.max(Math.floor((phase.duration_hours * 60) / 2), stepMinutes),
    prerequisites: [
      ...(generic ? GENERIC_PREREQUISITES : []),
      ...(index > 0 ? ['Previous rollback phase completed successfully'] : []),
      ...templates.flatMap((t) => t.prerequisites),
    ],
    steps,
    validation_checkpoints: [
      `${phase.name} rollback steps completed`,
      'System health checks passing',
      'No critical errors in logs',
      'Key metrics within acceptable ranges',
      ...type.validationCommands.slice(0, 3).map((cmd) => `Validation command passed: ${cmd}`),
    ],
    communication_requirements: [
      ...(generic ? GENERIC_COMMUNICATION_REQUIREMENTS : []),
      ...(generic && highRisk ? HIGH_RISK_COMMUNICATION_REQUIREMENTS : []),
      ...templates.flatMap((t) => t.communicationRequirements),
    ],
    risk_level: phase.risk_level,
  };
}

/** Reverses a plan (ours or the seed's) into a runbook, from what the registry's plugins contribute. */
export function createRunbook(registry: PluginRegistry, plan: MigrationPlan, options: RunbookOptions = {}): RollbackRunbook {
  const clock = options.clock ?? systemClock;
  const type = registry.migrationType(plan.migration_type);
  if (!type) {
    throw new UnknownMigrationTypeError(plan.migration_type, registry.migrationTypes().map((t) => t.id), 'migration_type').withFile(options.file);
  }
  const runbookId = `rb_${contentId(plan, 8)}`;
  const phases = [...plan.phases].reverse().map((phase, i) => rollbackPhase(registry, plan, phase, i));
  const totalMinutes = phases.reduce((sum, p) => sum + p.estimated_duration_minutes, 0);

  const known: Record<string, string> = {
    migration_name: `${plan.source_system} → ${plan.target_system}`,
    migration_id: plan.migration_id,
    rollback_id: runbookId,
    system_name: plan.target_system,
    estimated_duration: `${totalMinutes} minutes`,
  };
  const messages: CommunicationTemplate[] = [
    ...(type.genericAdditions.communications ? GENERIC_COMMUNICATIONS : []),
    ...registry.communications(plan.migration_type).map((c) => ({
      template_type: c.templateType,
      audience: c.audience,
      subject: c.subject,
      body: c.body,
      urgency: c.urgency,
      delivery_methods: [...c.deliveryMethods],
    })),
  ];

  const triggers: TriggerCondition[] = [
    ...(type.genericAdditions.triggers ? GENERIC_TRIGGERS : []),
    ...registry.triggers(plan.migration_type).map((t) => ({
      trigger_id: t.id,
      name: t.name,
      condition: t.condition,
      metric_threshold: t.metricThreshold,
      evaluation_window_minutes: t.evaluationWindowMinutes,
      auto_execute: t.autoExecute,
      escalation_contacts: [...t.escalationContacts],
    })),
  ];

  return fillPlaceholders<RollbackRunbook>({
    runbook_id: runbookId,
    migration_id: plan.migration_id,
    migration_type: plan.migration_type,
    created_at: clock().toISOString(),
    rollback_phases: phases,
    trigger_conditions: triggers,
    data_recovery_plan: type.dataRecoveryPlan,
    communication_templates: messages,
    escalation_matrix: type.escalationMatrix ?? DEFAULT_ESCALATION_MATRIX,
    validation_checklist: [...(type.genericAdditions.checklist ? BASE_VALIDATION_CHECKLIST : []), ...type.validationChecklist],
    post_rollback_procedures: type.genericAdditions.checklist ? [...POST_ROLLBACK_PROCEDURES] : [],
    emergency_contacts: EMERGENCY_CONTACTS,
  }, known);
}
