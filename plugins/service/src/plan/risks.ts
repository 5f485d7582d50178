import { raisedBy, type RiskTemplateInput, specConstraints } from '@migration-architect/core';

type ServiceRisk = Omit<RiskTemplateInput, 'type'>;

/** The seed's four service risks, added to every service plan. */
const baseRisks: ServiceRisk[] = [
  {
    id: 'service-compatibility',
    category: 'technical',
    description: 'Service compatibility issues',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Implement comprehensive integration testing, with consumer contract tests and an OpenAPI diff (check --type api) in CI',
    owner: 'Development Team',
  },
  {
    id: 'performance-degradation',
    category: 'technical',
    description: 'Performance degradation',
    probability: 'medium',
    impact: 'medium',
    severity: 'medium',
    mitigation: 'Conduct load testing and performance benchmarking against the recorded baseline before each traffic step',
    owner: 'DevOps Team',
  },
  {
    id: 'feature-parity-gaps',
    category: 'business',
    description: 'Feature parity gaps',
    probability: 'high',
    impact: 'high',
    severity: 'high',
    mitigation: 'Document feature mapping and acceptance criteria',
    owner: 'Product Owner',
  },
  {
    id: 'monitoring-gap',
    category: 'operational',
    description: 'Monitoring gap during transition',
    probability: 'medium',
    impact: 'medium',
    severity: 'medium',
    mitigation: 'Set up dual monitoring and alerting systems, with every metric labelled by version',
    owner: 'SRE Team',
  },
];

/** The seed's three spec-conditional risks, worded for services. */
const seedConditionalRisks: ServiceRisk[] = [
  {
    id: 'zero-downtime',
    category: 'business',
    description:
      'Zero-downtime requirement increases complexity: every deploy, switch and switch-back must keep serving requests (connection draining, session continuity, backward-compatible APIs)',
    probability: 'high',
    impact: 'medium',
    severity: 'high',
    mitigation:
      'Use blue-green or canary routing with connection draining and readiness gates; keep both versions able to serve the same sessions and API contract',
    owner: 'DevOps Team',
    condition: 'constraints.max_downtime_minutes < 60',
    when: raisedBy('zero-downtime'),
  },
  {
    id: 'large-data-volume',
    category: 'technical',
    description:
      "Large data volume owned by the service: backfilling or syncing it into the new service's store stretches the migration and the dual-write period",
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation: 'Backfill in throttled batches with progress monitoring, and reconcile counts and checksums before redirecting traffic',
    owner: 'Data Team',
    condition: 'constraints.data_volume_gb > 5000',
    when: raisedBy('large-data-volume'),
  },
  {
    id: 'compliance',
    category: 'compliance',
    description:
      'Regulatory compliance requirements: the new service must keep audit logging, data residency, encryption and access controls that the old one provided',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Ensure all compliance checks are integrated into migration process: control-by-control review of the new service before it takes traffic',
    owner: 'Compliance Team',
    condition: 'constraints.compliance_requirements is not empty',
    when: raisedBy('compliance'),
  },
];

/** Risks an SRE adds from what the spec says, beyond the seed. */
const specDrivenRisks: ServiceRisk[] = [
  {
    id: 'consumer-coordination',
    category: 'operational',
    description:
      'Many dependent systems must be coordinated: each consumer has its own release cycle, and one that cannot move blocks retiring the old version',
    probability: 'high',
    impact: 'medium',
    severity: 'high',
    mitigation: 'Keep a consumer register with an owner and a migration date per consumer; keep the old contract served until the last consumer has moved',
    owner: 'Service Owner',
    condition: 'constraints.dependencies has more than 5 entries',
    when: raisedBy('many-dependents'),
  },
  {
    id: 'feature-flag-debt',
    category: 'operational',
    description:
      'Migration feature flags: a wrong flag state routes traffic to the wrong version, and flags left behind after the rollout become permanent dead branches',
    probability: 'medium',
    impact: 'medium',
    severity: 'medium',
    mitigation:
      'Give each flag an owner and a removal date, test the kill switch before the first traffic step, and track flag removal as part of the retire phase',
    owner: 'Development Team',
    condition: 'the spec lists feature_flags',
    when: raisedBy('feature-flags'),
  },
  {
    id: 'session-continuity',
    category: 'technical',
    description:
      'Session continuity: users routed between versions lose their session (different session store, token signing key or cookie format) and are logged out',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Share the session store and signing keys between versions, or pin users to a version (sticky routing) until their session expires',
    owner: 'Development Team',
    condition: 'constraints.special_requirements includes session_continuity',
    when: (spec) => specConstraints(spec).specialRequirements.includes('session_continuity'),
  },
  {
    id: 'api-contract-break',
    category: 'technical',
    description:
      'API backward compatibility is required: an unnoticed breaking change in the new service fails existing clients, including mobile apps that cannot be updated quickly',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Run `migration-architect check --type api` on the old and new OpenAPI specs in CI and block exit code 2; version any intended break',
    owner: 'API Owner',
    condition: 'constraints.special_requirements includes api_backward_compatibility',
    when: (spec) => specConstraints(spec).specialRequirements.includes('api_backward_compatibility'),
  },
  {
    id: 'shadow-side-effects',
    category: 'technical',
    description: 'Parallel run side effects: the shadow copy of a request can charge a card, send an e-mail or write to a shared store a second time',
    probability: 'medium',
    impact: 'critical',
    severity: 'high',
    mitigation: 'Point the candidate at sandboxed dependencies and read-only credentials; prove in staging that a mirrored request has no external effect',
    owner: 'Development Team',
    condition: 'pattern is parallel_run',
    when: (spec) => spec.pattern === 'parallel_run',
  },
  {
    id: 'orphaned-endpoints',
    category: 'technical',
    description: 'Legacy endpoints without a counterpart in the new service: their clients fail once the legacy service is retired',
    probability: 'high',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Add the missing endpoints to the new service, keep them on the legacy service with a deprecation date, or get every client off them before retiring it',
    owner: 'API Owner',
    condition: "a legacy endpoint in service_details has no match among the new service's endpoints",
    when: raisedBy('endpoint-without-replacement'),
  },
];

export const serviceRisks: RiskTemplateInput[] = [...baseRisks, ...seedConditionalRisks, ...specDrivenRisks].map((risk) => ({
  ...risk,
  type: 'service',
}));
