import * as z from 'zod';
import { ThroughputSchema } from './plan/spec-fields.js';

/** Options of the database plugin; unknown keys are refused so a typo does not pass silently. */
export const databaseOptionsSchema = z.strictObject({
  throughput: ThroughputSchema.optional().meta({ description: "Throughputs for duration estimates; a spec's own `throughput` overrides them field by field." }),
});

export type DatabasePluginOptions = z.input<typeof databaseOptionsSchema>;
