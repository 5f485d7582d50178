import { z } from '@migration-architect/core';
import { ThroughputSchema } from './plan/spec-fields.js';

/** Options of the database plugin; unknown keys are refused so a typo does not pass silently. */
export const databaseOptionsSchema = z.strictObject({
  throughput: ThroughputSchema.optional().meta({ description: "Throughputs for duration estimates; a spec's own `throughput` overrides them field by field." }),
  lock_thresholds: z
    .strictObject({
      potentially_breaking_seconds: z
        .number()
        .positive()
        .optional()
        .meta({ description: 'A lock held this long (estimated from live statistics) makes a finding at least potentially breaking. Default 5.' }),
      breaking_seconds: z.number().positive().optional().meta({ description: 'A lock held this long makes a finding breaking. Default 60.' }),
    })
    .optional()
    .meta({ description: "With `check --stats` (or a live `--before`): how long a lock may be held before the finding's severity is raised." }),
});

export type DatabasePluginOptions = z.input<typeof databaseOptionsSchema>;
