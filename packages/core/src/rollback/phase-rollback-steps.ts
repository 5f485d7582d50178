import type { PlanPhase } from '../documents/plan.js';
import type { RollbackStep } from '../documents/runbook.js';
import type { PluginRegistry } from '../plugin/registry.js';

/** Minutes to check a phase's rollback once its steps are done. */
export const VALIDATION_STEP_MINUTES = 10;

function stepKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_]+/g, '_');
}

/**
 * The steps that roll one plan phase back, in order: first the reverse of each of its steps that
 * says how (the flags to turn off, the schema changes to revert, the tables to stop copying),
 * newest first; then the type's rollback templates for the phase; a generic revert only when
 * neither gives anything; and a final validation. The planner and the runbook share this, so a
 * plan's rollback estimates are the runbook's.
 */
export function rollbackSteps(registry: PluginRegistry, migrationType: string, phase: PlanPhase, index: number): RollbackStep[] {
  const type = registry.migrationType(migrationType)!;
  const prefix = `rb_${String(index + 1).padStart(2, '0')}`;
  const body: RollbackStep[] = [];
  const push = (step: Omit<RollbackStep, 'dependencies' | 'rollback_order'>) => {
    const previous = body.at(-1);
    body.push({ ...step, dependencies: previous ? [previous.step_id] : [], rollback_order: body.length + 1 });
  };
  for (const step of [...(phase.steps ?? [])].reverse()) {
    if (!step.rollback) continue;
    const undo = step.rollback;
    push({
      step_id: `${prefix}_undo_${stepKey(step.id)}`,
      name: undo.name,
      description: undo.description,
      script_type: undo.script_type,
      script_content: undo.script ?? undo.description,
      estimated_duration_minutes: undo.duration_minutes,
      validation_commands: [],
      success_criteria: [`${step.name}: reversed`],
      failure_escalation: 'Escalate to the migration lead; do not continue with the next step until this one is reversed',
      undoes: step.id,
    });
  }
  for (const template of registry.rollbacksFor(migrationType, phase.template ?? phase.name)) {
    for (const step of template.steps) {
      push({
        step_id: `${prefix}_${step.key}`,
        name: step.name,
        description: step.description,
        script_type: step.scriptType,
        script_content: step.script,
        estimated_duration_minutes: step.estimatedDurationMinutes,
        validation_commands: [...step.validationCommands],
        success_criteria: [...step.successCriteria],
        failure_escalation: step.failureEscalation,
      });
    }
  }
  if (body.length === 0) {
    // A phase nothing knows how to reverse (a hand-written or spec phase): still give the operator something to do.
    push({
      step_id: `${prefix}_revert`,
      name: `Revert ${phase.name} changes`,
      description: `Undo what the ${phase.name} phase changed, following its tasks in reverse: ${phase.tasks.join('; ')}`,
      script_type: 'manual',
      script_content: `Review the ${phase.name} change log and reverse each change, newest first`,
      estimated_duration_minutes: 30,
      validation_commands: [],
      success_criteria: [`No ${phase.name} change remains in place`],
      failure_escalation: 'Escalate to the migration lead',
    });
  }
  body.push({
    step_id: `${prefix}_validate`,
    name: 'Validate rollback completion',
    description: `Comprehensive validation that ${phase.name} rollback completed successfully`,
    script_type: 'manual',
    script_content: 'Execute validation checklist for this phase',
    estimated_duration_minutes: VALIDATION_STEP_MINUTES,
    dependencies: body.map((s) => s.step_id),
    validation_commands: [...type.validationCommands],
    success_criteria: [`${phase.name} fully rolled back`, 'All validation checks pass'],
    failure_escalation: `Investigate ${phase.name} rollback failures`,
    rollback_order: body.length + 1,
  });
  return body;
}

/**
 * Minutes to roll a phase back: the sum of its steps for our plans; for a plan without steps
 * (the original planner's), half the forward time as the original did, but never less than the steps.
 */
export function rollbackMinutes(phase: PlanPhase, steps: RollbackStep[]): number {
  const stepMinutes = steps.reduce((sum, s) => sum + s.estimated_duration_minutes, 0);
  if (phase.steps !== undefined) return Math.round(stepMinutes * 10) / 10;
  return Math.max(Math.floor((phase.duration_hours * 60) / 2), stepMinutes);
}
