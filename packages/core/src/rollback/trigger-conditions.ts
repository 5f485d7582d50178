import type { MetricTrigger, MigrationPlan } from '../documents/plan.js';
import type { TriggerCondition } from '../documents/runbook.js';
import type { MigrationTypeDefinition } from '../plugin/contract-types.js';
import type { PluginRegistry } from '../plugin/registry.js';
import { GENERIC_TRIGGERS } from './runbook-defaults.js';

const CONTACTS_BY_ACTION: Record<string, string[]> = {
  automatic_rollback: ['on_call_engineer', 'migration_lead', 'incident_commander'],
  alert_team: ['on_call_engineer', 'migration_lead'],
  scale_up: ['on_call_engineer', 'sre_team'],
};

function fromSpec(trigger: MetricTrigger, i: number): TriggerCondition {
  const symbol = trigger.operator === 'greater_than' ? '>' : '<';
  const alert = trigger.source.startsWith('monitoring.');
  return {
    trigger_id: alert ? `spec_alert_${trigger.metric}` : `spec_trigger_${i + 1}_${trigger.metric}`,
    name: `${trigger.metric} ${symbol} ${trigger.threshold}${alert ? ' (alert threshold)' : ''}`,
    condition: `${trigger.metric} ${symbol} ${trigger.threshold} for ${trigger.duration_minutes} minutes${alert ? ' (window assumed: alert thresholds give none)' : ''} → ${trigger.action}`,
    metric_threshold: { metric: trigger.metric, operator: trigger.operator, value: trigger.threshold, duration_minutes: trigger.duration_minutes },
    evaluation_window_minutes: trigger.duration_minutes,
    auto_execute: trigger.action === 'automatic_rollback',
    escalation_contacts: CONTACTS_BY_ACTION[trigger.action] ?? ['on_call_engineer', 'migration_lead'],
    action: trigger.action,
    source: 'spec',
  };
}

/**
 * The runbook's triggers: the spec's rollback triggers and alert thresholds (carried by the plan)
 * exactly as written; the type's own triggers for metrics the spec's rollback triggers do not cover; core's generic
 * ones only when the spec gives no rollback trigger, marked as generic.
 */
export function triggerConditions(registry: PluginRegistry, plan: MigrationPlan, type: MigrationTypeDefinition): TriggerCondition[] {
  const metricTriggers = plan.rollback_plan.metric_triggers ?? [];
  const fromPlan = metricTriggers.map(fromSpec);
  // A spec's rollback trigger replaces any other for its metric; an alert threshold only alerts.
  const covered = new Set(metricTriggers.filter((t) => t.source.startsWith('rollback_triggers')).map((t) => t.metric));
  const ownTriggers: TriggerCondition[] = registry
    .triggers(plan.migration_type)
    .filter((t) => !t.metricThreshold || !covered.has(t.metricThreshold.metric))
    .map((t) => ({
      trigger_id: t.id,
      name: t.name,
      condition: t.condition,
      metric_threshold: t.metricThreshold,
      evaluation_window_minutes: t.evaluationWindowMinutes,
      auto_execute: t.autoExecute,
      escalation_contacts: [...t.escalationContacts],
      action: t.autoExecute ? 'automatic_rollback' : 'alert_team',
      source: 'type',
    }));
  const specGivesRollbackTriggers = metricTriggers.some((t) => t.source.startsWith('rollback_triggers'));
  const generic: TriggerCondition[] =
    type.genericAdditions.triggers && !specGivesRollbackTriggers
      ? GENERIC_TRIGGERS.filter((t) => !covered.has(t.metric_threshold?.metric ?? '')).map((t) => ({
          ...t,
          name: `${t.name} (generic: the spec gives no rollback_triggers)`,
          action: t.auto_execute ? 'automatic_rollback' : 'alert_team',
          source: 'generic' as const,
        }))
      : [];
  return [...fromPlan, ...generic, ...ownTriggers];
}
