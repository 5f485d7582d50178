import { z } from 'zod';

const nonNegative = z.number().finite().nonnegative();

/**
 * The migration spec a user writes. Only `type`, `source` and `target` are required (as in the
 * seed); unknown fields are kept because plugins and later planner features read them.
 */
export const MigrationSpecSchema = z
  .looseObject({
    type: z.string().min(1).meta({ description: 'Migration type, provided by a plugin (database, service, infrastructure, ...).' }),
    pattern: z.string().min(1).optional().meta({ description: 'Migration pattern of that type (schema_change, strangler_fig, ...). Defaults to the type\'s default phases.' }),
    source: z.string().min(1).meta({ description: 'The system migrated from.' }),
    target: z.string().min(1).meta({ description: 'The system migrated to.' }),
    description: z.string().optional(),
    constraints: z
      .looseObject({
        max_downtime_minutes: nonNegative.optional().meta({ description: 'Longest acceptable outage; under 60 adds complexity and a zero-downtime risk. Default 480.' }),
        data_volume_gb: nonNegative.optional().meta({ description: 'Data to move, in GB; over 100 / 1,000 / 10,000 adds complexity.' }),
        dependencies: z.array(z.string()).optional().meta({ description: 'Systems that depend on the one migrated.' }),
        compliance_requirements: z.array(z.string()).optional().meta({ description: 'GDPR, SOX, PCI_DSS, HIPAA, ...' }),
        special_requirements: z.array(z.string()).optional().meta({ description: 'Each one adds a point of complexity.' }),
      })
      .optional(),
  })
  .meta({ title: 'Migration spec', description: 'What to migrate, from where to where, under which constraints.' });

export type MigrationSpec = z.infer<typeof MigrationSpecSchema>;
