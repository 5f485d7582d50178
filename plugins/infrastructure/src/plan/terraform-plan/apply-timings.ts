import type { PlanAssumption } from '@migration-architect/core';
import type { ResourceCategory } from '../../terraform/catalog/terraform-catalog.js';

/*
 * The figures a Terraform plan's steps are sized with. They are assumptions, not measurements:
 * each one is listed in the plan (ASSUMPTIONS) and named in every estimate that uses it, so a
 * reviewer can redo the arithmetic with their own numbers.
 */

/** Terraform's default `-parallelism`: operations it runs at once. */
export const TERRAFORM_PARALLELISM = 10;
/** One create, in-place update, stateless replace or delete, or a state-only change: provider calls and waiting for the resource to settle. */
export const MINUTES_PER_RESOURCE_CHANGE = 2;
/** Creating a stateful resource again is slower than a stateless one: instances boot, clusters elect, domains form. */
export const CREATE_MINUTES_BY_CATEGORY: Partial<Record<ResourceCategory, number>> = {
  database: 20,
  cluster: 20,
  search: 30,
  cache: 15,
  'file-system': 5,
};
/** Stateful categories not listed above. */
export const DEFAULT_STATEFUL_CREATE_MINUTES = 5;
/** Snapshot and restore throughput when the spec gives none (a first, full snapshot; later ones are incremental and faster). */
export const DEFAULT_SNAPSHOT_MB_PER_SECOND = 50;
/** A snapshot of a resource whose size the plan does not show. */
export const SNAPSHOT_MINUTES_WHEN_SIZE_UNKNOWN = 30;
/** A restore of a resource whose size the plan does not show (a new instance from a snapshot). */
export const RESTORE_MINUTES_WHEN_SIZE_UNKNOWN = 60;

/** The assumptions behind the steps, as the plan lists them; only the ones the steps used. */
export function applyAssumptions(used: Set<string>, snapshotRate: { value: number; fromSpec: boolean }): PlanAssumption[] {
  const all: PlanAssumption[] = [
    {
      name: 'terraform_parallelism',
      value: TERRAFORM_PARALLELISM,
      unit: 'operations at once',
      source: 'default',
      description:
        "Resource operations Terraform runs at the same time (terraform apply's -parallelism default); a dependency chain runs one link after the other",
    },
    {
      name: 'minutes_per_resource_change',
      value: MINUTES_PER_RESOURCE_CHANGE,
      unit: 'min',
      source: 'default',
      description: 'One create, in-place update, stateless replace, delete or state-only change, per round of parallel operations',
    },
    ...Object.entries(CREATE_MINUTES_BY_CATEGORY).map(([category, minutes]) => ({
      name: `create_minutes_${category.replace('-', '_')}`,
      value: minutes,
      unit: 'min',
      source: 'default',
      description: `Creating a ${category} resource again after its replace`,
    })),
    {
      name: 'create_minutes_other_stateful',
      value: DEFAULT_STATEFUL_CREATE_MINUTES,
      unit: 'min',
      source: 'default',
      description: 'Creating another stateful resource (bucket, volume, queue, key, ...) again after its replace',
    },
    {
      name: 'snapshot_mb_per_second',
      value: snapshotRate.value,
      unit: 'MB/s',
      source: snapshotRate.fromSpec ? 'spec (throughput.snapshot_mb_per_second)' : 'default',
      description: 'Snapshot and restore throughput, for resources whose size the plan shows',
    },
    {
      name: 'snapshot_minutes_when_size_unknown',
      value: SNAPSHOT_MINUTES_WHEN_SIZE_UNKNOWN,
      unit: 'min',
      source: 'default',
      description: 'A snapshot of a resource whose size the plan does not show',
    },
    {
      name: 'restore_minutes_when_size_unknown',
      value: RESTORE_MINUTES_WHEN_SIZE_UNKNOWN,
      unit: 'min',
      source: 'default',
      description: 'A restore of a resource whose size the plan does not show',
    },
  ];
  return all.filter((a) => used.has(a.name));
}

/** `create_minutes_database`, or the name of the fallback, for a category. */
export function createMinutesFor(category: ResourceCategory | null): { name: string; minutes: number } {
  const own = category ? CREATE_MINUTES_BY_CATEGORY[category] : undefined;
  return own !== undefined
    ? { name: `create_minutes_${category!.replace('-', '_')}`, minutes: own }
    : { name: 'create_minutes_other_stateful', minutes: DEFAULT_STATEFUL_CREATE_MINUTES };
}
