import { definePlugin, PLUGIN_API_VERSION, type MigrationArchitectPlugin } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { apiChecker } from './api/api-checker.js';
import { parseServiceOptions, type ServiceOptions } from './options.js';
import { serviceMigrationType } from './plan/migration-type.js';
import { servicePatterns } from './plan/patterns.js';
import { servicePhases } from './plan/phases.js';
import { serviceRisks } from './plan/risks.js';
import { serviceCommunications } from './rollback/communications.js';
import { serviceRollbacks } from './rollback/rollback-templates.js';
import { serviceTriggers } from './rollback/triggers.js';

/** The service plugin: the `service` migration type and the `api` compatibility checker. */
export function createServicePlugin(options?: ServiceOptions): MigrationArchitectPlugin {
  parseServiceOptions(options);
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: {
      name: '@migration-architect/plugin-service',
      version: packageJson.version,
      namespace: 'service',
      description: 'Service migrations (strangler fig, parallel run, blue-green, canary) and OpenAPI compatibility checks.',
    },
    migrationTypes: [serviceMigrationType],
    patterns: servicePatterns,
    phases: servicePhases,
    risks: serviceRisks,
    rollbacks: serviceRollbacks,
    triggers: serviceTriggers,
    communications: serviceCommunications,
    checkers: [apiChecker],
  });
}
