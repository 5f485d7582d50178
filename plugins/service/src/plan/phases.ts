import type { PhaseTemplateInput } from '@migration-architect/core';

/** Triggers for phases where production traffic moves; the generic ones say nothing about traffic. */
const TRAFFIC_SHIFT_TRIGGERS = [
  'Error rate above 2x the baseline for 5 minutes at any traffic step',
  'p95 latency above the SLO for 10 minutes',
  'A consumer reports contract or deserialization failures',
  'Readiness probes failing on more than one new-version pod',
  'Session loss or forced logouts reported by users',
];

const ROUTING_ACCESS = 'Change access to the API gateway / load balancer routes';
const CONSUMER_CONTACTS = 'Contacts of consumer teams on standby';

function phase(template: Omit<PhaseTemplateInput, 'type'>): PhaseTemplateInput {
  return { type: 'service', ...template };
}

/**
 * A template for every phase a service pattern or the default plan uses. The seed had real
 * templates only for preparation and cutover here and "Execute <x> phase" for the rest.
 */
export const servicePhases: PhaseTemplateInput[] = [
  // Default plan: preparation, deployment, testing, cutover.
  phase({
    id: 'preparation',
    description: 'Capture the rollback baseline and set up routing, flags and monitoring before any traffic moves',
    tasks: [
      'Export the current deployment, config maps, service, ingress and gateway routes as YAML (the rollback baseline)',
      'Record baseline SLIs of the current version: request rate, error rate, p95/p99 latency, saturation',
      'Map every consumer in constraints.dependencies to the endpoints it calls',
      'Create the migration feature flags and routing rules, defaulting to the current version',
      'Rehearse the rollback runbook in staging',
    ],
    validationCriteria: [
      'Baseline SLIs recorded over at least one weekly traffic peak',
      'Pre-migration manifests stored with the change ticket',
      'A test request with the flag off is served by the current version',
      'Rollback rehearsed in staging and timed',
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'deployment',
    description: 'Deploy the new version next to the current one without production traffic',
    tasks: [
      'Build and publish an image tagged with the commit SHA',
      'Deploy with readiness and liveness probes, resource requests/limits and a PodDisruptionBudget',
      'Apply configuration and secrets through the pipeline, not by hand',
      'Register the new version with service discovery, outside the production route',
      'Run smoke tests against the internal endpoint',
    ],
    validationCriteria: [
      'kubectl rollout status reports every replica ready',
      'Smoke tests pass against the internal endpoint',
      'No production request reaches the new version',
      'Dashboards and alerts show the new version separately',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'testing',
    description: 'Verify the new version under production-like load and against every consumer contract',
    tasks: [
      'Run consumer contract tests, and `migration-architect check --type api` on the old and new OpenAPI specs',
      'Load test to the peak request rate plus 50% headroom',
      'Test failure modes: dependency timeouts, pod eviction, node drain',
      'Run end-to-end tests of the critical user journeys',
      'Confirm logs, metrics and traces carry the version label',
    ],
    validationCriteria: [
      'Contract tests green for every consumer',
      'API check shows no breaking change, or each one is approved with a migration path',
      'Error rate and p95 latency at peak load within the baseline',
      'Failure-mode tests recover without manual action',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'cutover',
    shiftsTraffic: true,
    description: 'Move production traffic to the new version in steps, keeping the old version ready to take it back',
    tasks: [
      'Confirm the routing change is atomic and the previous target group / service stays registered',
      'Shift traffic in steps (5% → 25% → 50% → 100%) with a hold at each step',
      'Compare error rate, latency and saturation with the baseline at each step',
      'Keep the previous version scaled and ready for an instant switch-back',
      'Announce completion to consumer teams',
    ],
    validationCriteria: [
      '100% of traffic on the new version',
      'Error rate and p95 latency within the baseline for 1 hour at full traffic',
      'No increase in consumer-side errors',
      'Previous version still deployable during the rollback window',
    ],
    riskLevel: 'critical',
    rollbackTriggers: TRAFFIC_SHIFT_TRIGGERS,
    resourcesRequired: [ROUTING_ACCESS, CONSUMER_CONTACTS],
  }),

  // strangler_fig: intercept, implement, redirect, validate, retire.
  phase({
    id: 'intercept',
    description: 'Put a routing facade (API gateway or proxy) in front of the legacy service, still sending every request to it',
    tasks: [
      'Deploy the gateway route (Istio VirtualService, ALB listener rules or NGINX) with 100% of traffic to the legacy service',
      'Move clients to the facade (DNS record or base URL), one consumer at a time',
      'Add per-route metrics: route, upstream, status code, latency',
      'Measure the latency the facade adds',
    ],
    validationCriteria: [
      'All consumer traffic passes through the facade',
      'The facade adds less than 10 ms to p95 latency',
      'Per-route metrics visible on the migration dashboard',
      'Legacy error rate unchanged',
    ],
    riskLevel: 'medium',
    resourcesRequired: [ROUTING_ACCESS],
  }),
  phase({
    id: 'implement',
    description: 'Build the first slices of functionality in the new service and deploy them dark behind the facade',
    tasks: [
      'Choose slices by route, lowest risk and highest value first',
      'Implement each slice against the legacy API contract (check the OpenAPI diff in CI)',
      'Decide data ownership per slice: shared store, sync job or dual write',
      'Deploy the new service with no route pointing at it',
      'Replay recorded legacy requests against it and compare the responses',
    ],
    validationCriteria: [
      'Contract tests pass for every migrated route',
      'No breaking API change against the legacy contract',
      'Data sync lag within the agreed bound',
      'The new service receives no production traffic yet',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'redirect',
    shiftsTraffic: true,
    description: 'Route the migrated slices to the new service, a share of traffic at a time',
    tasks: [
      'Route per slice with a flag or header match at the facade',
      'Ramp each slice 5% → 25% → 50% → 100%, holding through a traffic peak at each step',
      'Compare error rate and latency per route between legacy and new',
      'Keep the legacy route one configuration change away',
    ],
    validationCriteria: [
      'Migrated routes at 100% on the new service with error rate at or below the baseline',
      'No session loss or forced logouts during the ramp',
      'Legacy route still defined and healthy for switch-back',
    ],
    riskLevel: 'high',
    rollbackTriggers: TRAFFIC_SHIFT_TRIGGERS,
    resourcesRequired: [ROUTING_ACCESS, CONSUMER_CONTACTS],
  }),
  phase({
    id: 'validate',
    description: 'Confirm the new service carries its routes correctly over a full business cycle',
    tasks: [
      'Observe a full business cycle, including peak hours and batch jobs',
      'Reconcile data between the legacy and the new store',
      'Review consumer error budgets and support tickets',
      'Run the security and compliance review of the new service',
      'Close the feature parity checklist',
    ],
    validationCriteria: [
      'SLOs met for at least 7 consecutive days',
      'Data reconciliation shows no unexplained difference',
      'Feature parity checklist closed',
      'Service owner and consumer teams sign off',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'retire',
    description: 'Decommission the legacy service once nothing calls it',
    tasks: [
      'Confirm from access logs that no request reaches the legacy service for the whole observation window',
      'Remove the legacy routes from the facade',
      'Scale the legacy service to zero; keep its image and manifests for the rollback window',
      'Archive legacy data according to the retention policy',
      'Delete migration flags and dead code paths',
    ],
    validationCriteria: [
      'Zero legacy requests during the observation window',
      'Legacy routes removed and the facade config reviewed',
      'Legacy data archived and the archive restore-tested',
      'Migration flags removed from code and from the flag service',
    ],
    riskLevel: 'medium',
  }),

  // parallel_run: setup, deploy, shadow, compare, cutover, cleanup.
  phase({
    id: 'setup',
    description: 'Build the scaffolding to run both versions side by side and compare their answers',
    tasks: [
      'Configure traffic mirroring (Istio mirror, Envoy shadow policy or gateway tee)',
      'Isolate side effects of the shadow copy: sandbox payment, e-mail and write-path dependencies',
      'Set up the comparison pipeline that stores response pairs and their differences',
      'Build the parallel-run dashboard: mirror rate, mismatch rate, candidate errors',
    ],
    validationCriteria: [
      'Mirroring tested in staging',
      'A shadow request provably triggers no external side effect',
      'The comparison pipeline records a sample of response pairs',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'deploy',
    description: 'Deploy the candidate next to the primary, reachable only through the mirror',
    tasks: [
      'Deploy the candidate with the same configuration as the primary',
      'Give it read-only or shadow credentials for shared data stores',
      'Scale it to absorb mirrored peak traffic',
      'Smoke test it through its internal endpoint',
    ],
    validationCriteria: ['Candidate replicas ready', 'Smoke tests pass', 'Candidate credentials cannot write to production stores'],
    riskLevel: 'medium',
  }),
  phase({
    id: 'shadow',
    description: "Mirror production traffic to the candidate while clients keep receiving only the primary's responses",
    tasks: [
      'Enable mirroring at a low share, then raise it to 100%',
      'Watch candidate errors and resource use',
      'Confirm mirroring is fire-and-forget and does not slow the primary',
      'Collect response pairs for comparison',
    ],
    validationCriteria: [
      'Primary p95 latency within 5% of its baseline',
      'Mirrored share of traffic as configured',
      'No side effect of shadow requests observed downstream',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'compare',
    description: 'Compare candidate and primary responses until every difference is explained',
    tasks: [
      'Diff response pairs, ignoring volatile fields (timestamps, generated ids)',
      'Classify mismatches: candidate bug, intended change, nondeterminism',
      'Fix candidate bugs and redeploy it',
      'Track the mismatch rate over a full traffic cycle',
    ],
    validationCriteria: [
      'Mismatch rate below 0.1% over 24 hours that include a traffic peak',
      'Every remaining mismatch class explained and accepted',
      "Candidate latency and error rate at or below the primary's",
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'cleanup',
    description: 'Remove the parallel-run scaffolding and, after the rollback window, the old primary',
    tasks: [
      'Disable traffic mirroring',
      'Remove the comparison pipeline and its stored response pairs (they may hold personal data)',
      'Scale the old primary to zero when the rollback window closes',
      'Delete migration flags; update runbooks and ownership records',
    ],
    validationCriteria: [
      'No mirrored traffic',
      'Stored response pairs deleted',
      'Old primary removed only after the rollback window',
      'Runbooks and ownership updated',
    ],
    riskLevel: 'low',
  }),

  // blue_green: preparation, provision_green, verify_green, switch_traffic, retire_blue.
  phase({
    id: 'provision_green',
    description: 'Provision the green environment identical to blue except for the new version',
    tasks: [
      'Create the green deployment from the same manifests with the new image and a version=green label',
      'Match replicas, autoscaling limits and resource requests to blue',
      'Share configuration and secrets with blue through the same source',
      'Warm caches and connection pools',
    ],
    validationCriteria: [
      'Green replica count equals blue',
      'A diff of blue and green manifests shows only the image and version label',
      'All green pods ready',
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'verify_green',
    description: 'Test green through its own endpoint while blue keeps all traffic',
    tasks: [
      'Run smoke and end-to-end tests against the green service endpoint',
      'Load test green to peak traffic',
      'Confirm schema and API changes let blue and green run against the same dependencies',
    ],
    validationCriteria: ['All tests pass against green', 'Blue still serves 100% of traffic', 'Blue works against any schema change green needs'],
    riskLevel: 'medium',
  }),
  phase({
    id: 'switch_traffic',
    shiftsTraffic: true,
    // One routing change and its checks: as long as its steps, whatever the pattern's hours.
    sizedBy: 'steps',
    description: 'Point the production service or load balancer at green in one change',
    tasks: [
      'Patch the Service selector to version=green, or swap the load balancer target group',
      'Watch error rate, latency and saturation for 30 minutes',
      'Leave blue running and untouched',
    ],
    validationCriteria: ['100% of traffic on green', 'Error rate and p95 latency at baseline for 30 minutes', 'Blue ready for an immediate switch-back'],
    riskLevel: 'high',
    rollbackTriggers: TRAFFIC_SHIFT_TRIGGERS,
    resourcesRequired: [ROUTING_ACCESS],
  }),
  phase({
    id: 'retire_blue',
    description: 'Scale blue down once green has held through the rollback window',
    tasks: [
      'Keep blue at full scale for the rollback window (at least one traffic peak)',
      'Scale blue to zero, keeping its manifests',
      'Make blue the target of the next release',
    ],
    validationCriteria: ['Green stable through the rollback window', 'Blue scaled down and its manifests kept'],
    riskLevel: 'low',
  }),

  // canary: preparation, canary_release, canary_analysis, progressive_rollout, promote.
  phase({
    id: 'canary_release',
    shiftsTraffic: true,
    description: 'Deploy the new version as a canary receiving a small share (1-5%) of production traffic',
    tasks: [
      'Deploy the canary with a version label next to the stable deployment',
      'Set weighted routing to send 5% of traffic (or one cohort) to the canary',
      'Split every dashboard and alert by version',
      'Configure automated analysis thresholds before any traffic moves',
    ],
    validationCriteria: ['The canary receives the configured share of traffic (±1 percentage point)', 'Canary and stable metrics visible side by side'],
    riskLevel: 'medium',
    rollbackTriggers: TRAFFIC_SHIFT_TRIGGERS,
    resourcesRequired: [ROUTING_ACCESS],
  }),
  phase({
    id: 'canary_analysis',
    description: 'Compare canary and stable on the same traffic window before widening the rollout',
    tasks: [
      'Compare error rate, p95/p99 latency, saturation and business KPIs of canary and stable',
      'Use a statistical comparison (Argo Rollouts analysis, Kayenta, Flagger) rather than eyeballing',
      'Hold through at least one traffic peak',
    ],
    validationCriteria: [
      'Canary error rate and latency within 10% of stable',
      'No new error class in canary logs',
      'Business KPIs of the canary cohort unchanged',
    ],
    riskLevel: 'medium',
    rollbackTriggers: TRAFFIC_SHIFT_TRIGGERS,
  }),
  phase({
    id: 'progressive_rollout',
    description: 'Raise the canary share in steps (5% → 25% → 50% → 100%) with an analysis gate at each step',
    tasks: [
      'Increase the weight one step at a time',
      'Re-run the analysis at each step and abort automatically on failure',
      'Pause the rollout during incidents and known traffic peaks',
    ],
    validationCriteria: ['Every step passed its analysis', 'No manual intervention needed to keep SLOs'],
    riskLevel: 'high',
    rollbackTriggers: TRAFFIC_SHIFT_TRIGGERS,
    resourcesRequired: [ROUTING_ACCESS],
  }),
  phase({
    id: 'promote',
    description: 'Make the canary the stable version and remove the canary machinery',
    tasks: [
      'Update the stable deployment to the new image',
      'Route 100% of traffic to stable and remove the weights',
      'Delete the canary deployment',
      'Record the release and its analysis results',
    ],
    validationCriteria: ['A single version serves all traffic', 'Canary resources and weights removed', 'Error rate and latency at baseline after promotion'],
    riskLevel: 'medium',
  }),
];
