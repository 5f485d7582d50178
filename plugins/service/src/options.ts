import { z } from '@migration-architect/core';

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

const noticeDays = z.number().int().min(0);

/**
 * The deprecation policy API checks hold descriptions to: how long before its sunset an operation
 * must be deprecated, per `x-stability-level`, and whether a deprecation must name its sunset.
 */
export const deprecationPolicySchema = z.strictObject({
  noticeDays: z
    .strictObject({
      stable: noticeDays.default(180),
      beta: noticeDays.default(31),
      alpha: noticeDays.default(0),
      draft: noticeDays.default(0),
    })
    .prefault({})
    .meta({
      description:
        'Least days between a deprecation (or a sunset moved earlier) and its sunset date, per stability level; operations without `x-stability-level` are stable. 0: no notice required.',
    }),
  requireSunset: z.boolean().default(true).meta({ description: 'A deprecated operation of a level with a notice period must name its sunset (`x-sunset`).' }),
});

/** Options of `service(options)`; strict so a misspelt option fails loudly instead of being ignored. */
export const serviceOptionsSchema = z.strictObject({
  remoteRefs: z
    .boolean()
    .default(false)
    .meta({ description: 'Follow $refs to http(s) URLs in API descriptions. Off by default: a description cannot make the checker call out.' }),
  deprecation: deprecationPolicySchema
    .prefault({})
    .meta({ description: 'The deprecation policy: notice periods per stability level, sunset required or not.' }),
  /** @deprecated Write accepted findings in `migration-architect.accepted.yaml` (core's ledger); removed in the next major. */
  ignore: z.array(ignoreEntrySchema).default([]).meta({
    description:
      'Deprecated (removed in the next major): write accepted findings in migration-architect.accepted.yaml instead. API and GraphQL findings accepted on purpose; core applies them with the ledger.',
  }),
});

export type ServiceOptions = z.input<typeof serviceOptionsSchema>;
export type IgnoreEntry = z.output<typeof ignoreEntrySchema>;
export type DeprecationPolicy = z.output<typeof deprecationPolicySchema>;
