import type { MetricGate, MetricTrigger } from '../documents/plan.js';
import type { MigrationSpec } from '../documents/spec.js';

/** Metrics where higher is better: their thresholds are floors, not ceilings. */
const HIGHER_IS_BETTER = /availability|success|healthy|uptime|apdex|hit_ratio|throughput|requests_per_second/i;

/** Alert thresholds give no duration; a breach must last this long before it counts. */
export const ASSUMED_ALERT_WINDOW_MINUTES = 5;
export const DEFAULT_TRIGGER_WINDOW_MINUTES = 5;

export function higherIsBetter(metric: string): boolean {
  return HIGHER_IS_BETTER.test(metric);
}

/** The spec's alert thresholds as gates: what must hold before a stage or phase moves on. */
export function monitoringGates(spec: MigrationSpec): MetricGate[] {
  return Object.entries(spec.monitoring?.alert_thresholds ?? {}).map(([metric, value]) => ({
    metric,
    operator: higherIsBetter(metric) ? 'at_least' : 'at_most',
    value,
    source: `monitoring.alert_thresholds.${metric}`,
  }));
}

/**
 * The spec's rollback triggers, then its alert thresholds as alerting triggers (an alert is the
 * step before a rollback). Operators default by the metric's direction.
 */
export function metricTriggers(spec: MigrationSpec): MetricTrigger[] {
  const triggers: MetricTrigger[] = (spec.rollback_triggers ?? []).map((t, i) => ({
    metric: t.metric,
    operator: t.operator ?? (higherIsBetter(t.metric) ? 'less_than' : 'greater_than'),
    threshold: t.threshold,
    duration_minutes: t.duration_minutes ?? DEFAULT_TRIGGER_WINDOW_MINUTES,
    action: t.action ?? 'alert_team',
    source: `rollback_triggers[${i}]`,
  }));
  for (const gate of monitoringGates(spec)) {
    triggers.push({
      metric: gate.metric,
      operator: gate.operator === 'at_most' ? 'greater_than' : 'less_than',
      threshold: gate.value,
      duration_minutes: ASSUMED_ALERT_WINDOW_MINUTES,
      action: 'alert_team',
      source: gate.source,
    });
  }
  return triggers;
}

export function describeGate(gate: MetricGate): string {
  return `${gate.metric} ${gate.operator === 'at_most' ? '≤' : '≥'} ${gate.value}`;
}

export function describeTrigger(trigger: MetricTrigger): string {
  return `${trigger.metric} ${trigger.operator === 'greater_than' ? '>' : '<'} ${trigger.threshold} for ${trigger.duration_minutes} min → ${trigger.action}`;
}
