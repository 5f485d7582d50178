import type { MigrationPlan, PlanPhase } from '../documents/plan.js';
import type { RiskLevel, Urgency } from '../documents/levels.js';
import type { CommunicationTemplate, DataRecoveryPlan, RollbackPhase, RollbackRunbook } from '../documents/runbook.js';
import { contentId } from '../identity/content-id.js';
import { systemClock, type Clock } from '../identity/clock.js';
import { UnknownMigrationTypeError } from '../planner/planner.js';
import type { MigrationTypeDefinition } from '../plugin/contract-types.js';
import { runPluginCode } from '../plugin/plugin-code.js';
import type { Owned, PluginRegistry } from '../plugin/registry.js';
import { fillPlaceholders, openPlaceholders } from './placeholders.js';
import { rollbackMinutes, rollbackSteps } from './phase-rollback-steps.js';
import {
  BASE_VALIDATION_CHECKLIST,
  DEFAULT_ESCALATION_MATRIX,
  EMERGENCY_CONTACTS,
  GENERIC_COMMUNICATION_REQUIREMENTS,
  GENERIC_COMMUNICATIONS,
  GENERIC_PREREQUISITES,
  HIGH_RISK_COMMUNICATION_REQUIREMENTS,
  POST_ROLLBACK_PROCEDURES,
} from './runbook-defaults.js';
import { triggerConditions } from './trigger-conditions.js';

export interface RunbookOptions {
  clock?: Clock | undefined;
  /** The plan's file name, for errors about it. */
  file?: string | undefined;
}

const URGENCY_BY_RISK: Record<RiskLevel, Urgency> = { low: 'low', medium: 'medium', high: 'high', critical: 'emergency' };

function rollbackPhase(registry: PluginRegistry, plan: MigrationPlan, phase: PlanPhase, index: number): RollbackPhase {
  const type = registry.migrationType(plan.migration_type)!;
  const templates = registry.rollbacksFor(plan.migration_type, phase.template ?? phase.name);
  const steps = rollbackSteps(registry, plan.migration_type, phase, index);
  const highRisk = phase.risk_level === 'high' || phase.risk_level === 'critical';
  const generic = type.genericAdditions.communications;
  const undone = (phase.steps ?? []).filter((s) => s.rollback).map((s) => s.name);
  return {
    phase_name: `rollback_${phase.name}`,
    description: undone.length
      ? `Rollback changes made during ${phase.name} phase: ${undone.length} step(s) of the plan to reverse (${undone.slice(0, 4).join('; ')}${undone.length > 4 ? '; ...' : ''})`
      : `Rollback changes made during ${phase.name} phase`,
    urgency_level: URGENCY_BY_RISK[phase.risk_level],
    estimated_duration_minutes: rollbackMinutes(phase, steps),
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
      ...(phase.gates?.length
        ? [`Metrics back within thresholds: ${phase.gates.map((g) => `${g.metric} ${g.operator === 'at_most' ? '≤' : '≥'} ${g.value}`).join(', ')}`]
        : ['Key metrics within acceptable ranges']),
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

/** The type's recovery plan, narrowed by the type to what the plan touched when it can. */
function dataRecoveryPlan(type: Owned<MigrationTypeDefinition>, plan: MigrationPlan): DataRecoveryPlan {
  if (!type.dataRecovery || !plan.scope?.length) return type.dataRecoveryPlan;
  return runPluginCode(type.plugin, `migration type ${type.id}: dataRecovery()`, () => type.dataRecovery!(plan, type.dataRecoveryPlan));
}

/** Reverses a plan (ours or the seed's) into a runbook, from what the registry's plugins contribute and what the plan records. */
export function createRunbook(registry: PluginRegistry, plan: MigrationPlan, options: RunbookOptions = {}): RollbackRunbook {
  const clock = options.clock ?? systemClock;
  const type = registry.migrationType(plan.migration_type);
  if (!type) {
    throw new UnknownMigrationTypeError(
      plan.migration_type,
      registry.migrationTypes().map((t) => t.id),
      'migration_type',
    ).withFile(options.file);
  }
  const runbookId = `rb_${contentId(plan, 8)}`;
  const phases = [...plan.phases].reverse().map((phase, i) => rollbackPhase(registry, plan, phase, i));
  const totalMinutes = Math.round(phases.reduce((sum, p) => sum + p.estimated_duration_minutes, 0));

  const known: Record<string, string> = {
    migration_name: `${plan.source_system} → ${plan.target_system}`,
    migration_id: plan.migration_id,
    rollback_id: runbookId,
    system_name: plan.target_system,
    estimated_duration: `${totalMinutes} minutes`,
    ...(plan.affected_systems?.length ? { affected_services: plan.affected_systems.join(', ') } : {}),
    ...(plan.scope?.length ? { affected_objects: plan.scope.map((s) => `${s.kind} ${s.name}`).join(', ') } : {}),
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

  const runbook = fillPlaceholders<RollbackRunbook>(
    {
      runbook_id: runbookId,
      migration_id: plan.migration_id,
      migration_type: plan.migration_type,
      created_at: clock().toISOString(),
      rollback_phases: phases,
      trigger_conditions: triggerConditions(registry, plan, type),
      data_recovery_plan: dataRecoveryPlan(type, plan),
      communication_templates: messages,
      escalation_matrix: type.escalationMatrix ?? DEFAULT_ESCALATION_MATRIX,
      validation_checklist: [...(type.genericAdditions.checklist ? BASE_VALIDATION_CHECKLIST : []), ...type.validationChecklist],
      post_rollback_procedures: type.genericAdditions.checklist ? [...POST_ROLLBACK_PROCEDURES] : [],
      emergency_contacts: EMERGENCY_CONTACTS,
      estimated_total_minutes: totalMinutes,
    },
    known,
  );
  runbook.open_placeholders = openPlaceholders(runbook);
  return runbook;
}
