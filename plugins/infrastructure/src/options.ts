import { z } from '@migration-architect/core';
import { terraformCatalogOptionsSchema } from './terraform/catalog/terraform-catalog.js';

/**
 * Options of `infrastructure(options)`. Strict so a misspelt option fails loudly instead of being
 * ignored. `terraform` adds rows to the Terraform checker's tables: resource types that hold data
 * (or serve clients), and attributes whose in-place change is risky.
 */
export const infrastructureOptionsSchema = z.strictObject({
  terraform: terraformCatalogOptionsSchema,
});

export type InfrastructureOptions = z.input<typeof infrastructureOptionsSchema>;
