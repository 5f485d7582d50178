import type { MigrationTypeInput } from '@migration-architect/core';
import { serviceDataRecoveryPlan } from '../rollback/data-recovery-plan.js';
import { serviceEscalationMatrix } from '../rollback/escalation-matrix.js';
import { serviceFacts } from './facts.js';
import { servicePlanWork } from './plan-work.js';
import { serviceSpecFields } from './spec-fields.js';

/** Commands an operator runs to see that the service is back where it was; `{placeholders}` are per deployment. */
export const SERVICE_VALIDATION_COMMANDS = [
  'curl -fsS {health_check_url}',
  'kubectl rollout status deployment/{service_name} -n {namespace} --timeout=300s',
  'kubectl get pods -n {namespace} -l app={service_name} --field-selector=status.phase!=Running --no-headers',
  'kubectl logs deployment/{service_name} -n {namespace} --since=10m | grep -ci error',
  'curl -fsS {service_endpoint}/api/v1/status',
];

export const serviceMigrationType: MigrationTypeInput = {
  id: 'service',
  title: 'Service migration',
  specFields: serviceSpecFields,
  description:
    'Moving a running service (or a slice of it) to a new implementation, platform or version while it keeps serving traffic: strangler fig, parallel run, blue-green and canary.',
  defaultPlan: {
    phases: ['preparation', 'deployment', 'testing', 'cutover'],
    baseDurationHours: 48,
    // The seed applied a flat 1.5 whatever the complexity; medium keeps the seed's figure.
    complexityMultiplier: { low: 1.0, medium: 1.5, high: 2.5, critical: 4.0 },
  },
  successCriteria: [
    'Error rate and p95/p99 latency at or better than the pre-migration baseline for 7 days after cutover',
    'Every consumer listed in the spec calls the new service with no contract failures',
    'Feature parity checklist closed and signed off by the product owner',
    'No requests reach the legacy version during the observation window',
    'Dashboards, alerts, runbooks and on-call documentation describe the new service',
    'Migration feature flags and temporary routes removed',
  ],
  stakeholders: ['Service Owner', 'Product Owner', 'SRE / Platform Team', 'API Consumer Teams', 'QA Team', 'Security Team'],
  validationCommands: SERVICE_VALIDATION_COMMANDS,
  validationChecklist: [
    'Verify service discovery is working correctly',
    'Confirm load balancing is distributing traffic properly',
    'Check service-to-service communication',
    'Validate API endpoints are responding correctly',
    'Confirm feature flags are in correct state',
    'Check resource utilization (CPU, memory, disk)',
    'Verify container orchestration is healthy',
    'Confirm the running image tag matches the pre-migration revision',
  ],
  dataRecoveryPlan: serviceDataRecoveryPlan,
  escalationMatrix: serviceEscalationMatrix,
  facts: serviceFacts,
  planWork: servicePlanWork,
};
