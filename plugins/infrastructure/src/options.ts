import { formatPath } from '@migration-architect/core';
import { z } from 'zod';

/** Options of `infrastructure(options)`. None yet; strict so a misspelt option fails loudly instead of being ignored. */
export const infrastructureOptionsSchema = z.strictObject({});

export type InfrastructureOptions = z.input<typeof infrastructureOptionsSchema>;

export function parseInfrastructureOptions(options: unknown): z.infer<typeof infrastructureOptionsSchema> {
  const result = infrastructureOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is reported on the object that holds it; name the key itself.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = formatPath([...issue.path, ...(keys.length === 1 ? keys : [])]);
  throw new Error(`@migration-architect/plugin-infrastructure: invalid option${path ? ` "${path}"` : 's'}: ${issue.message}`);
}
