import { definePlugin, PLUGIN_API_VERSION } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { messagingOptionsSchema, type MessagingOptions } from './options.js';
import { messagingType } from './plan/migration-type.js';
import { messagingPatterns } from './plan/patterns.js';
import { messagingPhases } from './plan/phases.js';
import { messagingRisks } from './plan/risks.js';
import { messagingRollbacks } from './rollback/rollback-templates.js';
import { messagingTriggers } from './rollback/triggers.js';
import { diffTopicCatalogs, isTopicCatalog, loadTopicCatalog } from './topics/topic-catalog.js';
import { topicRules } from './topics/topic-rules.js';

/** The plugin factory: options are checked by the plugin's own schema, as every plugin should. */
export function messaging(options: MessagingOptions = {}) {
  const parsed = messagingOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'options'}: ${issue.message}`);
  }
  const { dualPublishHours, maxConsumerLag } = parsed.data;
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: { name: packageJson.name, version: packageJson.version, namespace: 'messaging', description: 'Message broker migrations (dual publishing) and topic catalog checks' },
    migrationTypes: [messagingType],
    patterns: messagingPatterns(dualPublishHours),
    phases: messagingPhases,
    risks: messagingRisks,
    rollbacks: messagingRollbacks,
    triggers: messagingTriggers(maxConsumerLag),
    checkers: [
      {
        id: 'topics',
        title: 'Topic catalog',
        description: 'Topics, partition counts, retention and message fields',
        detect: isTopicCatalog,
        load: loadTopicCatalog,
        diff: diffTopicCatalogs,
        rules: topicRules,
      },
    ],
  });
}
