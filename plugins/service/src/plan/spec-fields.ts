import { z } from '@migration-architect/core';

/*
 * The spec fields the service migration type reads, beyond core's (phases, flags, monitoring and
 * rollback triggers are core's, for every type). Loose objects, so teams can keep their own
 * notes in entries; the fields the planner reads are checked.
 */

const endpoint = z.string().regex(/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\/\S*$/i, 'expected "METHOD /path", e.g. "GET /api/v1/users/{id}"');

const load = z.looseObject({
  requests_per_second: z.number().finite().nonnegative().optional(),
  peak_requests_per_second: z.number().finite().nonnegative().optional(),
  average_response_time_ms: z.number().finite().nonnegative().optional(),
  p95_response_time_ms: z.number().finite().nonnegative().optional(),
});

const serviceSide = z.looseObject({
  endpoints: z.array(endpoint).optional().meta({ description: 'Routes the service serves, as "METHOD /path".' }),
  current_load: load.optional(),
  target_performance: load.optional(),
  infrastructure: z.looseObject({}).optional(),
});

export const ServiceDetailsSchema = z
  .looseObject({
    legacy_service: serviceSide.optional().meta({ description: 'The service being replaced: its endpoints become routing steps, its load the baseline.' }),
    new_service: serviceSide.optional().meta({ description: 'The replacement: its target performance becomes the load-test gate.' }),
  })
  .meta({ description: 'The services involved: endpoints, load, infrastructure.' });
export type ServiceDetails = z.infer<typeof ServiceDetailsSchema>;

export const serviceSpecFields = {
  service_details: ServiceDetailsSchema,
};
