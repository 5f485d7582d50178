import { z } from 'zod';

/*
 * The spec fields the service migration type reads, beyond core's: the sample service spec's
 * shape. Loose objects, so teams can keep their own notes in entries.
 */

const threshold = z.looseObject({
  metric: z.string().min(1),
  threshold: z.number(),
  duration_minutes: z.number().nonnegative().optional(),
  action: z.string().optional(),
});

export const serviceSpecFields = {
  service_details: z.looseObject({}).meta({ description: 'The services involved: endpoints, load, dependencies.' }),
  migration_phases: z
    .array(z.looseObject({ phase: z.string().min(1), description: z.string().optional(), estimated_duration_hours: z.number().nonnegative().optional() }))
    .meta({ description: 'The team\'s own phases, in order.' }),
  feature_flags: z
    .array(
      z.looseObject({
        name: z.string().min(1),
        description: z.string().optional(),
        initial_percentage: z.number().min(0).max(100).optional(),
        rollout_schedule: z.array(z.looseObject({ percentage: z.number().min(0).max(100), duration_hours: z.number().nonnegative() })).optional(),
      }),
    )
    .meta({ description: 'Flags that move traffic, with their rollout stages.' }),
  monitoring: z
    .looseObject({ critical_metrics: z.array(z.string()).optional(), alert_thresholds: z.record(z.string(), z.number()).optional() })
    .meta({ description: 'Metrics watched during the migration and their alert thresholds.' }),
  rollback_triggers: z.array(threshold).meta({ description: 'Metric thresholds that roll the migration back, and the action each takes.' }),
};
