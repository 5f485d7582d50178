import type { z } from 'zod';
import type { PluginApiVersion } from './contract-version.js';
import type {
  CommunicationContribution,
  CommunicationInput,
  MigrationTypeDefinition,
  MigrationTypeInput,
  PatternDefinition,
  PatternInput,
  PhaseTemplate,
  PhaseTemplateInput,
  RiskTemplate,
  RiskTemplateInput,
  RollbackTemplate,
  RollbackTemplateInput,
  TriggerTemplate,
  TriggerTemplateInput,
} from './contract-planning-types.js';
import type { Checker, CheckerInput } from './contract-checker-types.js';
import type { SchemaSource, SchemaSourceInput } from './contract-source-types.js';
import type { MigrationLayout, MigrationLayoutInput } from './migration-layout-types.js';

// Split by concern; everything is re-exported here so `contract-types.js` imports keep working.
export type * from './contract-planning-types.js';
export type * from './contract-checker-types.js';
export type * from './contract-source-types.js';
export type { MigrationLayout, MigrationLayoutInput, MigrationPathInfo } from './migration-layout-types.js';

/*
 * The plugin contract as plugin authors see it. These interfaces are what the published `.d.ts`
 * documents; the zod schemas in contract-schemas.ts validate the same shapes at load time and are
 * checked against these types by the compiler, so the two cannot drift apart.
 *
 * `…Input` types are what an author writes (fields with defaults may be left out); the plain names
 * are what the registry hands to engines after validation, defaults filled in.
 */

/** Priority of a contribution among its peers, as Rollup orders hooks: all `pre`, then `normal`, then `post`. */
export type ContributionOrder = 'pre' | 'normal' | 'post';

export interface PluginMeta {
  /** The npm package name: `@acme/migration-architect-plugin-search`. */
  name: string;
  version: string;
  /** Prefix of the plugin's ids: `database` → `database/column-removed`. */
  namespace: string;
  description?: string | undefined;
  /**
   * Where the plugin's docs live. Rules without their own `docsUrl` link to `<docsUrl>#<code or id>`
   * (SARIF `helpUri`); without either, findings carry no link.
   */
  docsUrl?: string | undefined;
}

/** A plugin's options as `plugins show` and `schema config` present them. */
export interface PluginOptionsInfo {
  /** The zod schema the factory validated the options with. */
  schema: z.ZodType;
  /** The options after validation, defaults filled in. */
  values: unknown;
}

/** What a plugin author writes (or a plugin factory returns). */
export interface MigrationArchitectPlugin {
  /**
   * The contract version this plugin was written for, as a literal: `apiVersion: 2`. Never import
   * `PLUGIN_API_VERSION` for it: the plugin would claim whatever version the loading core implements.
   */
  apiVersion: PluginApiVersion;
  meta: PluginMeta;
  migrationTypes?: MigrationTypeInput[] | undefined;
  patterns?: PatternInput[] | undefined;
  phases?: PhaseTemplateInput[] | undefined;
  risks?: RiskTemplateInput[] | undefined;
  rollbacks?: RollbackTemplateInput[] | undefined;
  triggers?: TriggerTemplateInput[] | undefined;
  communications?: CommunicationInput[] | undefined;
  checkers?: CheckerInput[] | undefined;
  /** Readers of schema inputs for any loaded checker (this plugin's or another's). */
  sources?: SchemaSourceInput[] | undefined;
  /** Migration-folder layouts (Flyway, golang-migrate, ...) `gate` finds and replays migrations by, for a loaded checker. */
  migrationLayouts?: MigrationLayoutInput[] | undefined;
  /** Set by `definePluginFactory`: the options schema and values, shown by `plugins show`. */
  options?: PluginOptionsInfo | undefined;
}

/** A plugin after validation, with defaults filled in. */
export interface ResolvedPlugin {
  apiVersion: PluginApiVersion;
  meta: PluginMeta;
  migrationTypes: MigrationTypeDefinition[];
  patterns: PatternDefinition[];
  phases: PhaseTemplate[];
  risks: RiskTemplate[];
  rollbacks: RollbackTemplate[];
  triggers: TriggerTemplate[];
  communications: CommunicationContribution[];
  checkers: Checker[];
  sources: SchemaSource[];
  migrationLayouts: MigrationLayout[];
  options?: PluginOptionsInfo | undefined;
}
