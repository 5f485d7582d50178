export * from './contract.js';
export { createRegistry, PluginRegistry } from './registry.js';
