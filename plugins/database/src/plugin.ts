import { definePlugin, definePluginFactory } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { databaseChecker } from './compatibility/database-checker.js';
import { createFindingSizing } from './lock-risk/finding-sizing.js';
import { databaseOptionsSchema } from './options.js';
import { databaseMigrationType } from './plan/migration-type.js';
import { createDatabasePlanWork } from './plan/plan-work.js';
import { databasePatterns } from './plan/patterns.js';
import { databasePhases } from './plan/phases.js';
import { databaseRisks } from './plan/risks.js';
import { databaseCommunications } from './rollback/communications.js';
import { databaseRollbacks } from './rollback/rollback-templates.js';
import { databaseTriggers } from './rollback/triggers.js';
import { DATABASE_MIGRATION_LAYOUTS } from './migration-history/migration-layouts.js';
import { databaseSources } from './sources/database-sources.js';

/** The database plugin: migration type `database`, its patterns and runbooks, and `check --type database`. */
export const createDatabasePlugin = definePluginFactory({
  name: packageJson.name,
  optionsSchema: databaseOptionsSchema,
  create: (options) =>
    definePlugin({
      apiVersion: 2,
      meta: {
        name: packageJson.name,
        version: packageJson.version,
        namespace: 'database',
        description:
          'Database migrations on PostgreSQL: expand/contract and logical-replication plans, rollback runbooks, and schema compatibility checks with safe migration SQL.',
        docsUrl: 'https://github.com/migration-architect/migration-architect/blob/main/docs/rules/database.md',
      },
      // The work estimates depend on the configured throughputs.
      migrationTypes: [{ ...databaseMigrationType, planWork: createDatabasePlanWork(options.throughput) }],
      patterns: databasePatterns,
      phases: databasePhases,
      risks: databaseRisks,
      rollbacks: databaseRollbacks,
      triggers: databaseTriggers,
      communications: databaseCommunications,
      // Lock risk is sized with the same throughputs as plans, and the configured thresholds.
      checkers: [{ ...databaseChecker, sizing: createFindingSizing({ throughput: options.throughput, lockThresholds: options.lock_thresholds }) }],
      sources: databaseSources,
      migrationLayouts: DATABASE_MIGRATION_LAYOUTS,
    }),
});
