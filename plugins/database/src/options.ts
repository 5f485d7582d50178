import * as z from 'zod';

/** Options of the database plugin. None yet; unknown keys are refused so a typo does not pass silently. */
export const databaseOptionsSchema = z.strictObject({});

export type DatabasePluginOptions = z.input<typeof databaseOptionsSchema>;
