/**
 * The plugin contract: documented types (contract-types.ts), the schemas that validate them
 * (contract-schemas.ts) and the identity helpers plugin authors write with.
 */
export * from './contract-types.js';
export { pluginContractSchema } from './contract-schemas.js';
export { PLUGIN_API_VERSION, PLUGIN_MIGRATION_GUIDE_URL, type PluginApiVersion } from './contract-version.js';
export { REMOVED_CONTRACT_KEYS, type RemovedContractKey } from './removed-contract-keys.js';
export * from './define.js';
