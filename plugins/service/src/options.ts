import { z } from 'zod';

/** One accepted finding: a rule, optionally one operation, and why it is accepted. */
export const ignoreEntrySchema = z.strictObject({
  rule: z
    .string()
    .min(1)
    .meta({ description: 'Rule id, with or without the namespace: `response-property-became-nullable` or `service/response-property-became-nullable`.' }),
  operation: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'Only for this operation (`GET /pets/{id}`; path parameter names do not matter). Omitted: every operation.' }),
  reason: z.string().min(1).meta({ description: 'Why the change is accepted; kept with the config as documentation.' }),
});

/** Options of `service(options)`; strict so a misspelt option fails loudly instead of being ignored. */
export const serviceOptionsSchema = z.strictObject({
  remoteRefs: z
    .boolean()
    .default(false)
    .meta({ description: 'Follow $refs to http(s) URLs in API descriptions. Off by default: a description cannot make the checker call out.' }),
  ignore: z.array(ignoreEntrySchema).default([]).meta({ description: 'API and GraphQL findings accepted on purpose: they are left out of reports.' }),
});

export type ServiceOptions = z.input<typeof serviceOptionsSchema>;
export type IgnoreEntry = z.output<typeof ignoreEntrySchema>;
