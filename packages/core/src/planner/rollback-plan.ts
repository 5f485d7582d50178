import type { MetricTrigger, PlanPhase, PlanRollback } from '../documents/plan.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { rollbackMinutes, rollbackSteps } from '../rollback/phase-rollback-steps.js';
import { describeTrigger } from './metric-gates.js';
import { PLAN_ROLLBACK_TRIGGERS, ROLLBACK_CONTACTS, ROLLBACK_DECISION_MATRIX } from './plan-defaults.js';

/**
 * The plan's rollback section: phases in reverse, each with the runbook's own steps and minutes;
 * the spec's triggers (and alert thresholds) when it gives any, the generic list otherwise.
 */
export function buildRollbackPlan(registry: PluginRegistry, type: string, phases: PlanPhase[], triggers: MetricTrigger[]): PlanRollback {
  const spec = triggers.filter((t) => t.source.startsWith('rollback_triggers'));
  return {
    rollback_phases: [...phases].reverse().map((phase, i) => {
      const steps = rollbackSteps(registry, type, phase, i);
      return {
        phase: phase.name,
        rollback_actions: steps.map((s) => s.name),
        validation_criteria: [
          `System restored to pre-${phase.name} state`,
          `All ${phase.name} changes successfully reverted`,
          'System functionality confirmed',
        ],
        estimated_time_minutes: rollbackMinutes(phase, steps),
      };
    }),
    rollback_triggers: spec.length
      ? [...spec.map((t) => `${describeTrigger(t)} (spec ${t.source})`), 'Data corruption detected', 'Stakeholder decision to abort']
      : [...PLAN_ROLLBACK_TRIGGERS],
    rollback_decision_matrix: { ...ROLLBACK_DECISION_MATRIX },
    rollback_contacts: [...ROLLBACK_CONTACTS],
    metric_triggers: triggers,
  };
}
