/**
 * The plugin contract: documented types (contract-types.ts), the schemas that validate them
 * (contract-schemas.ts) and the identity helpers plugin authors write with.
 */
export * from './contract-types.js';
export { PLUGIN_API_VERSION, pluginContractSchema } from './contract-schemas.js';
export * from './define.js';
