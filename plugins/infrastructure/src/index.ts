export { createInfrastructurePlugin } from './plugin.js';
export { infrastructureOptionsSchema, type InfrastructureOptions } from './options.js';
export { createTerraformChecker } from './terraform/terraform-checker.js';
export {
  ATTRIBUTE_RISKS,
  RESOURCE_CATEGORIES,
  createTerraformCatalog,
  type AttributeRiskEntry,
  type StatefulResourceEntry,
  type TerraformCatalogOptions,
} from './terraform/catalog/terraform-catalog.js';
export { kubernetesChecker } from './kubernetes/kubernetes-checker.js';
export { API_REMOVALS, API_REMOVALS_SOURCE, DEFAULT_TARGET_VERSION, type ApiRemoval } from './kubernetes/catalog/api-removals.js';
export { BUILTIN_STATEFUL_RESOURCES } from './terraform/catalog/stateful-resources.js';
export { BUILTIN_ATTRIBUTE_RISKS } from './terraform/catalog/attribute-risks.js';

import { createInfrastructurePlugin } from './plugin.js';

/** `infrastructure(options?)`: the plugin factory the CLI and config files call. */
export default createInfrastructurePlugin;
