import { z } from 'zod';

/* The spec fields the infrastructure migration type reads, beyond core's: the sample spec's shape. */

export const infrastructureSpecFields = {
  infrastructure_details: z.looseObject({}).meta({ description: 'Source inventory and target landing zone: hosts, databases, storage, network.' }),
  waves: z
    .array(z.looseObject({ name: z.string().min(1), workloads: z.array(z.string()).optional(), cutover_window: z.string().optional() }))
    .meta({ description: 'Migration waves, in order, with their workloads and cutover windows.' }),
  monitoring: z
    .looseObject({ critical_metrics: z.array(z.string()).optional(), alert_thresholds: z.record(z.string(), z.number()).optional() })
    .meta({ description: 'Metrics watched during the migration and their alert thresholds.' }),
};
