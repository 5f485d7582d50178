import { z } from '@migration-architect/core';

/** One entry of `resource_changes` / `resource_drift`, as `terraform show -json` writes it (fields we read). */
const changeSchema = z.object({
  actions: z.array(z.string()).min(1),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
  importing: z.object({ id: z.string().optional() }).loose().nullable().optional(),
});

const resourceChangeSchema = z
  .object({
    // Terraform 1.0.0 wrote resource_drift entries without an address; it is rebuilt from the parts.
    address: z.string().optional(),
    module_address: z.string().optional(),
    index: z.union([z.string(), z.number()]).optional(),
    previous_address: z.string().optional(),
    mode: z.string().default('managed'),
    type: z.string(),
    name: z.string().optional(),
    provider_name: z.string().default(''),
    action_reason: z.string().optional(),
    change: changeSchema,
  })
  .loose()
  .transform((entry) => ({
    ...entry,
    address:
      entry.address ??
      `${entry.module_address ? `${entry.module_address}.` : ''}${entry.mode === 'data' ? 'data.' : ''}${entry.type}.${entry.name ?? ''}${entry.index === undefined ? '' : `[${JSON.stringify(entry.index)}]`}`,
  }));

/** The plan JSON format (`format_version` 0.x and 1.x: Terraform 0.12 onwards, and OpenTofu). */
export const planDocumentSchema = z
  .object({
    format_version: z.string(),
    terraform_version: z.string().optional(),
    resource_changes: z.array(resourceChangeSchema).default([]),
    resource_drift: z.array(resourceChangeSchema).default([]),
  })
  .loose();
export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type ResourceChangeEntry = z.infer<typeof resourceChangeSchema>;

/** Format versions this reader knows: every 0.x and 1.x (1.0 is Terraform 1.0's stable format; minors only add fields). */
export const KNOWN_FORMAT = /^[01]\.\d+$/;
