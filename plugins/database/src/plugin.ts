import { definePlugin, PLUGIN_API_VERSION } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { databaseChecker } from './compatibility/database-checker.js';
import { parseDatabaseOptions, type DatabasePluginOptions } from './options.js';
import { databaseMigrationType } from './plan/migration-type.js';
import { databasePatterns } from './plan/patterns.js';
import { databasePhases } from './plan/phases.js';
import { databaseRisks } from './plan/risks.js';
import { databaseCommunications } from './rollback/communications.js';
import { databaseRollbacks } from './rollback/rollback-templates.js';
import { databaseTriggers } from './rollback/triggers.js';

/** The database plugin: migration type `database`, its patterns and runbooks, and `check --type database`. */
export function createDatabasePlugin(options?: DatabasePluginOptions) {
  parseDatabaseOptions(options);
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: {
      name: '@migration-architect/plugin-database',
      version: packageJson.version,
      namespace: 'database',
      description: 'Database migrations on PostgreSQL: expand/contract and logical-replication plans, rollback runbooks, and schema compatibility checks with safe migration SQL.',
    },
    migrationTypes: [databaseMigrationType],
    patterns: databasePatterns,
    phases: databasePhases,
    risks: databaseRisks,
    rollbacks: databaseRollbacks,
    triggers: databaseTriggers,
    communications: databaseCommunications,
    checkers: [databaseChecker],
  });
}
