import type { MigrationSpec, PlanStepContext, PlanStepInput, PlanWork } from '@migration-architect/core';
import { mapEndpoints } from './endpoint-mapping.js';
import { ServiceDetailsSchema } from './spec-fields.js';

/** Minutes to add one gateway route and check it with a request; a rollback only removes it. */
const ROUTE_MINUTES = 5;
const UNROUTE_MINUTES = 2;
const LOAD_TEST_MINUTES = 60;

// Where traffic moves first; a spec phase named intercept (the sample's "route to new service") is the fallback.
const ROUTING_PHASES = ['redirect', 'switch_traffic', 'cutover', 'canary_release', 'intercept', 'deployment'];
const TEST_PHASES = ['testing', 'validate', 'verify_green', 'canary_analysis', 'compare', 'validation'];

const slug = (endpoint: string) =>
  endpoint
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The service type's work for a spec: a gateway route per legacy endpoint to its counterpart in
 * the new service (endpoints without one are reported: their clients break when the legacy
 * service goes), and a load test at the new service's target peak, gated by its latency target.
 */
export function servicePlanWork(spec: MigrationSpec, _context: PlanStepContext): PlanWork {
  const details = ServiceDetailsSchema.safeParse((spec as Record<string, unknown>)['service_details']);
  if (!details.success) return { steps: [] };
  const legacy = details.data.legacy_service;
  const next = details.data.new_service;
  const steps: PlanStepInput[] = [];
  const warnings: NonNullable<PlanWork['warnings']> = [];
  if (legacy?.endpoints?.length) {
    mapEndpoints(legacy.endpoints, next?.endpoints ?? []).forEach((route, i) => {
      if (!route.replacement) {
        warnings.push({
          code: 'endpoint-without-replacement',
          message: `${route.legacy.text} has no counterpart among service_details.new_service.endpoints: keep it on the legacy service or its clients break when the legacy service is retired`,
          path: `service_details.legacy_service.endpoints[${i}]`,
        });
        return;
      }
      const to = route.replacement.text;
      steps.push({
        key: `route-${slug(route.legacy.text)}`,
        phases: ROUTING_PHASES,
        name: `Route ${route.legacy.text} → ${to}`,
        description: `Add the gateway rule that sends ${route.legacy.text} to the new service as ${to}, and check it with one request`,
        subject: { kind: 'endpoint', name: route.legacy.text, detail: `→ ${to}` },
        minutes: ROUTE_MINUTES,
        estimate: `${ROUTE_MINUTES} min (assumed: one gateway rule and a smoke request)`,
        scriptType: 'manual',
        script: `Gateway: match ${route.legacy.method} ${route.legacy.path} → rewrite to ${route.replacement.path} on the new service`,
        rollback: {
          name: `Route ${route.legacy.text} back to the legacy service`,
          description: `Remove the rule for ${route.legacy.text} so the legacy service serves it again`,
          scriptType: 'manual',
          script: `Gateway: delete the rule for ${route.legacy.method} ${route.legacy.path}`,
          minutes: UNROUTE_MINUTES,
        },
      });
    });
  }
  const target = next?.target_performance;
  if (target?.peak_requests_per_second !== undefined || target?.requests_per_second !== undefined) {
    const rps = target.peak_requests_per_second ?? target.requests_per_second!;
    const gates = [
      target.p95_response_time_ms !== undefined ? `p95 ≤ ${target.p95_response_time_ms} ms` : null,
      target.average_response_time_ms !== undefined ? `mean ≤ ${target.average_response_time_ms} ms` : null,
    ].filter(Boolean);
    steps.push({
      key: 'load-test',
      phases: TEST_PHASES,
      name: `Load test the new service at ${rps} requests/s`,
      description: `Replay production-shaped traffic at the target peak${gates.length ? `; gate: ${gates.join(', ')}` : ''} (service_details.new_service.target_performance)`,
      minutes: LOAD_TEST_MINUTES,
      estimate: `${LOAD_TEST_MINUTES} min (assumed: ramp up, 30 min at peak, ramp down)`,
      scriptType: 'bash',
      script: `k6 run --vus 200 --env TARGET_RPS=${rps} load-test.js`,
    });
  }
  return { steps, warnings };
}
