export * from './contract.js';
export { definePluginFactory, type PluginFactory, type PluginFactoryDefinition } from './plugin-factory.js';
export { PluginCodeError, runPluginCode, runPluginCodeAsync } from './plugin-code.js';
export { qualifiedId } from './qualified-id.js';
export { createRegistry, PluginRegistry, type Owned, type RegistryOptions } from './registry.js';
