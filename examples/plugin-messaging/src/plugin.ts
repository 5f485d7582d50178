import { definePlugin, definePluginFactory } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { messagingOptionsSchema } from './options.js';
import { messagingType } from './plan/migration-type.js';
import { messagingPatterns } from './plan/patterns.js';
import { messagingPhases } from './plan/phases.js';
import { messagingRisks } from './plan/risks.js';
import { messagingRollbacks } from './rollback/rollback-templates.js';
import { messagingTriggers } from './rollback/triggers.js';
import { topicCatalogSource } from './topics/topic-catalog-source.js';
import { topicChecker } from './topics/topic-checker.js';

/**
 * The plugin factory: `definePluginFactory` validates the options with the plugin's own schema
 * (a misspelt option fails with one line naming it) and shows them in `plugins show`.
 */
export const messaging = definePluginFactory({
  name: packageJson.name,
  optionsSchema: messagingOptionsSchema,
  create: ({ dualPublishHours, maxConsumerLag }) =>
    definePlugin({
      apiVersion: 2,
      meta: {
        name: packageJson.name,
        version: packageJson.version,
        namespace: 'messaging',
        description: 'Message broker migrations (dual publishing) and topic catalog checks',
        docsUrl: 'https://example.com/migration-architect-plugin-messaging/rules',
      },
      migrationTypes: [messagingType],
      patterns: messagingPatterns(dualPublishHours),
      phases: messagingPhases,
      risks: messagingRisks,
      rollbacks: messagingRollbacks,
      triggers: messagingTriggers(maxConsumerLag),
      checkers: [topicChecker],
      sources: [topicCatalogSource],
    }),
});
