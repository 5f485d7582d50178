import { z } from '@migration-architect/core';
import { BUILTIN_ATTRIBUTE_RISKS } from './attribute-risks.js';
import { BUILTIN_SNAPSHOT_METHODS, GENERIC_SNAPSHOT_METHOD } from './snapshot-methods.js';
import { BUILTIN_STATEFUL_RESOURCES } from './stateful-resources.js';

/** What a resource type holds, as far as a delete or a replace is concerned. */
export const RESOURCE_CATEGORIES = [
  'database',
  'cache',
  'search',
  'cluster',
  'bucket',
  'volume',
  'file-system',
  'key',
  'secret',
  'dns-zone',
  'queue',
  'topic',
  'registry',
  'log-store',
  'identity-store',
  'serving',
  'firewall-rule',
] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];

/** Categories whose delete loses data; `serving` and `firewall-rule` break clients instead. */
export const DATA_CATEGORIES: ReadonlySet<ResourceCategory> = new Set(RESOURCE_CATEGORIES.filter((c) => c !== 'serving' && c !== 'firewall-rule'));

/** The in-place updates that cause downtime or data risk; each has its rule (`attribute.<risk>`). */
export const ATTRIBUTE_RISKS = [
  'engine-major-version',
  'instance-class',
  'storage-type',
  'encryption-disabled',
  'deletion-protection-removed',
  'backup-retention-lowered',
  'public-access-opened',
  'firewall-rules-removed',
] as const;
export type AttributeRisk = (typeof ATTRIBUTE_RISKS)[number];

/**
 * How a value change is judged: `major-version` (the major part differs), `changed` (any change),
 * `turned-off` (true → false), `turned-on` (false → true), `lowered` (a smaller number),
 * `public-value` (the new value is one of `publicValues`, or a list that gained one),
 * `entries-removed` (a list or set lost entries).
 */
export const VALUE_TESTS = ['major-version', 'changed', 'turned-off', 'turned-on', 'lowered', 'public-value', 'entries-removed'] as const;
export type ValueTest = (typeof VALUE_TESTS)[number];

export const statefulResourceEntrySchema = z.object({
  type: z.string().regex(/^[a-z0-9_]+$/, 'expected a Terraform resource type such as aws_db_instance'),
  category: z.enum(RESOURCE_CATEGORIES),
});
export type StatefulResourceEntry = z.infer<typeof statefulResourceEntrySchema>;

export const attributeRiskEntrySchema = z.object({
  /** Resource types the row applies to. */
  types: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
  /** Attribute path in the resource's values, dots between segments; nested blocks (lists of one) are descended: `settings.tier`. */
  attribute: z.string().min(1),
  risk: z.enum(ATTRIBUTE_RISKS),
  test: z.enum(VALUE_TESTS),
  /** For `public-value`: values that open access (`0.0.0.0/0`, `allUsers`). */
  publicValues: z.array(z.string()).optional(),
  /** The row applies only when another attribute of the resource after the change has this value (`type` = `ingress`). */
  where: z.object({ attribute: z.string(), equals: z.union([z.string(), z.number(), z.boolean()]) }).optional(),
});
export type AttributeRiskEntry = z.infer<typeof attributeRiskEntrySchema>;

/**
 * How `plan` keeps the data of a destroyed or replaced resource: a row names resource types, or a
 * category for the types without a row. `{id}` in the commands is the resource's `idAttribute`.
 */
export const snapshotMethodEntrySchema = z
  .object({
    types: z
      .array(z.string().regex(/^[a-z0-9_]+$/))
      .min(1)
      .optional(),
    category: z.enum(RESOURCE_CATEGORIES).optional(),
    /** What the snapshot is, in words: `RDS DB snapshot`. */
    method: z.string().min(1),
    /** The attribute of the resource before the plan that names it in the commands (`identifier`); else its Terraform name. */
    idAttribute: z.string().optional(),
    /** Where the resource's size is, when it has one: sizes the snapshot and restore. */
    size: z.object({ attribute: z.string().min(1), unit: z.enum(['GB', 'MB']) }).optional(),
    snapshot: z.string().min(1),
    restore: z.string().min(1),
  })
  .refine((row) => row.types !== undefined || row.category !== undefined, 'a snapshot row names resource types or a category');
export type SnapshotMethodEntry = z.infer<typeof snapshotMethodEntrySchema>;

/** The plugin's `terraform` option: rows added to the built-in tables (a row for a listed type replaces it). */
export const terraformCatalogOptionsSchema = z
  .object({
    resources: z.array(statefulResourceEntrySchema).default([]),
    attributes: z.array(attributeRiskEntrySchema).default([]),
    snapshots: z.array(snapshotMethodEntrySchema).default([]),
  })
  .default({ resources: [], attributes: [], snapshots: [] });
export type TerraformCatalogOptions = z.infer<typeof terraformCatalogOptionsSchema>;

/** The tables the checker reads: the built-in rows and the configured ones. */
export interface TerraformCatalog {
  categoryOf(type: string): ResourceCategory | undefined;
  attributesOf(type: string): AttributeRiskEntry[];
  /** How to snapshot and restore a resource of this type: its row, else its category's, else the generic one. */
  snapshotOf(type: string): SnapshotMethodEntry;
}

export function createTerraformCatalog(extra: Partial<TerraformCatalogOptions> = {}): TerraformCatalog {
  const categories = new Map<string, ResourceCategory>();
  for (const row of [...BUILTIN_STATEFUL_RESOURCES, ...(extra.resources ?? [])]) categories.set(row.type, row.category);
  const byType = new Map<string, AttributeRiskEntry[]>();
  for (const row of [...BUILTIN_ATTRIBUTE_RISKS, ...(extra.attributes ?? [])]) {
    for (const type of row.types) byType.set(type, [...(byType.get(type) ?? []), row]);
  }
  const snapshotsByType = new Map<string, SnapshotMethodEntry>();
  const snapshotsByCategory = new Map<ResourceCategory, SnapshotMethodEntry>();
  for (const row of [...BUILTIN_SNAPSHOT_METHODS, ...(extra.snapshots ?? [])]) {
    for (const type of row.types ?? []) snapshotsByType.set(type, row);
    if (row.category) snapshotsByCategory.set(row.category, row);
  }
  const snapshotOf = (type: string): SnapshotMethodEntry => {
    const category = categories.get(type);
    return snapshotsByType.get(type) ?? (category && snapshotsByCategory.get(category)) ?? GENERIC_SNAPSHOT_METHOD;
  };
  return { categoryOf: (type) => categories.get(type), attributesOf: (type) => byType.get(type) ?? [], snapshotOf };
}
