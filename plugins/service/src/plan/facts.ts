import type { MigrationSpec, SpecFact } from '@migration-architect/core';
import { mapEndpoints } from './endpoint-mapping.js';
import { ServiceDetailsSchema } from './spec-fields.js';

/** What the service type reads from a spec: a monolith being split, endpoints without a replacement, a capacity jump. */
export function serviceFacts(spec: MigrationSpec): SpecFact[] {
  const facts: SpecFact[] = [];
  if (/monolith/i.test(spec.source) || /monolith/i.test(spec.description ?? '')) {
    facts.push({
      id: 'splits-monolith',
      path: /monolith/i.test(spec.source) ? 'source' : 'description',
      value: /monolith/i.test(spec.source) ? spec.source : spec.description,
      statement: 'functionality moves out of a monolith, slice by slice',
    });
  }
  const details = ServiceDetailsSchema.safeParse((spec as Record<string, unknown>)['service_details']);
  if (!details.success) return facts;
  const legacy = details.data.legacy_service;
  const next = details.data.new_service;
  if (legacy?.endpoints && next?.endpoints) {
    mapEndpoints(legacy.endpoints, next.endpoints).forEach((route, i) => {
      if (!route.replacement) {
        facts.push({
          id: 'endpoint-without-replacement',
          path: `service_details.legacy_service.endpoints[${i}]`,
          value: route.legacy.text,
          statement: `${route.legacy.text} has no counterpart among the new service's endpoints`,
        });
      }
    });
  }
  const peak = legacy?.current_load?.peak_requests_per_second;
  const target = next?.target_performance?.peak_requests_per_second;
  if (peak !== undefined && target !== undefined && target > peak) {
    facts.push({
      id: 'capacity-increase',
      path: 'service_details.new_service.target_performance.peak_requests_per_second',
      value: target,
      statement: `the new service must take ${target} requests/s at peak (the legacy one: ${peak})`,
    });
  }
  return facts;
}
