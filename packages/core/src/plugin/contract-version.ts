/**
 * The version of the plugin contract this core implements. A plugin states the version it was
 * written for as a literal (`apiVersion: 2`), never by importing this constant: a plugin that
 * imports it claims whatever version the core loading it implements, so the check could not fail.
 * Version 2: sources are plugin-level contributions returning models with a dialect; checkers
 * no longer `load` or `detect`.
 */
export const PLUGIN_API_VERSION = 2 as const;

/** The `apiVersion` a plugin for this core writes. */
export type PluginApiVersion = typeof PLUGIN_API_VERSION;

/** Where authors read how to move a plugin from one contract version to the next. */
export const PLUGIN_MIGRATION_GUIDE_URL =
  'https://github.com/migration-architect/migration-architect/blob/main/docs/plugin-authoring.md#migrating-from-contract-1-to-2';
