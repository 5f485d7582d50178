import type { TriggerTemplateInput } from '@migration-architect/core';

/** Service-specific rollback triggers, added to core's error-rate, latency and availability triggers. */
export const serviceTriggers: TriggerTemplateInput[] = [
  // The seed's two service triggers, with its thresholds.
  {
    id: 'cpu_utilization_spike',
    type: 'service',
    name: 'CPU Utilization Spike',
    condition: 'cpu_utilization > 90% for 15 minutes',
    metricThreshold: { metric: 'cpu_utilization', operator: 'greater_than', value: 0.9, duration_minutes: 15 },
    evaluationWindowMinutes: 15,
    autoExecute: false,
    escalationContacts: ['devops_team', 'infrastructure_team'],
  },
  {
    id: 'memory_leak_detected',
    type: 'service',
    name: 'Memory Leak Detected',
    condition: 'memory_usage increasing continuously for 20 minutes',
    metricThreshold: { metric: 'memory_growth_rate', operator: 'greater_than', value: '1MB/minute', duration_minutes: 20 },
    evaluationWindowMinutes: 20,
    autoExecute: true,
    escalationContacts: ['development_team', 'sre_team'],
  },
  // A new version that crash-loops never shows up in latency or error dashboards: its pods just restart.
  {
    id: 'pod_restart_loop',
    type: 'service',
    name: 'Pod Restart Loop',
    condition: 'more than 3 container restarts of the new version within 10 minutes',
    metricThreshold: { metric: 'kube_pod_container_status_restarts_total_increase', operator: 'greater_than', value: 3, duration_minutes: 10 },
    evaluationWindowMinutes: 10,
    autoExecute: true,
    escalationContacts: ['on_call_engineer', 'service_owner'],
  },
  // Consumers see a broken contract as 4xx (validation) errors, which the 5xx-based error-rate trigger misses.
  {
    id: 'client_error_spike',
    type: 'service',
    name: 'Client Error Spike',
    condition: '4xx response rate > 2x baseline for 10 minutes',
    metricThreshold: { metric: 'http_4xx_rate', operator: 'greater_than', value: 'baseline_4xx_rate * 2', duration_minutes: 10 },
    evaluationWindowMinutes: 10,
    autoExecute: false,
    escalationContacts: ['api_owner', 'migration_lead'],
  },
];
