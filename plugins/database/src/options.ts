import * as z from 'zod';

/** Options of the database plugin. None yet; unknown keys are refused so a typo does not pass silently. */
export const databaseOptionsSchema = z.strictObject({});

export type DatabasePluginOptions = z.input<typeof databaseOptionsSchema>;

/** Validates options, or throws an Error naming the option at fault. */
export function parseDatabaseOptions(options: unknown): z.output<typeof databaseOptionsSchema> {
  const result = databaseOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys].join('.') : issue.path.map(String).join('.');
  throw new Error(`@migration-architect/plugin-database: invalid option${path ? ` "${path}"` : 's'}: ${issue.code === 'unrecognized_keys' ? 'unknown option' : issue.message}`);
}
