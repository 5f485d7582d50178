import { formatPath } from '@migration-architect/core';
import { z } from 'zod';

/** Options of `service(options)`. None yet; strict so a misspelt option fails loudly instead of being ignored. */
export const serviceOptionsSchema = z.strictObject({});

export type ServiceOptions = z.input<typeof serviceOptionsSchema>;

export function parseServiceOptions(options: unknown): z.infer<typeof serviceOptionsSchema> {
  const result = serviceOptionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is reported on the object that holds it; name the key itself.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = formatPath([...issue.path, ...(keys.length === 1 ? keys : [])]);
  throw new Error(`@migration-architect/plugin-service: invalid option${path ? ` "${path}"` : 's'}: ${issue.message}`);
}
