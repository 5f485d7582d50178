import { definePlugin, definePluginFactory } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { createApiChecker } from './api/api-checker.js';
import { createGraphqlChecker } from './graphql/graphql-checker.js';
import { graphqlSource } from './graphql/graphql-source.js';
import { createOpenApiSource } from './api/openapi-source.js';
import { serviceOptionsSchema } from './options.js';
import { serviceMigrationType } from './plan/migration-type.js';
import { servicePatterns } from './plan/patterns.js';
import { servicePhases } from './plan/phases.js';
import { serviceRisks } from './plan/risks.js';
import { serviceCommunications } from './rollback/communications.js';
import { serviceRollbacks } from './rollback/rollback-templates.js';
import { serviceTriggers } from './rollback/triggers.js';

/** The service plugin: the `service` migration type and the `api` compatibility checker. */
export const createServicePlugin = definePluginFactory({
  name: packageJson.name,
  optionsSchema: serviceOptionsSchema,
  create: (options) =>
    definePlugin({
      apiVersion: 2,
      meta: {
        name: packageJson.name,
        version: packageJson.version,
        namespace: 'service',
        description: 'Service migrations (strangler fig, parallel run, blue-green, canary), and OpenAPI / Swagger and GraphQL compatibility checks.',
        docsUrl: 'https://github.com/migration-architect/migration-architect/blob/main/docs/rules/api.md',
      },
      migrationTypes: [serviceMigrationType],
      patterns: servicePatterns,
      phases: servicePhases,
      risks: serviceRisks,
      rollbacks: serviceRollbacks,
      triggers: serviceTriggers,
      communications: serviceCommunications,
      checkers: [createApiChecker(options.ignore, options.deprecation), createGraphqlChecker(options.ignore)],
      sources: [createOpenApiSource({ remoteRefs: options.remoteRefs }), graphqlSource],
    }),
});
