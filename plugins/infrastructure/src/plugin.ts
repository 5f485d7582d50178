import { definePlugin, definePluginFactory } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { infrastructureOptionsSchema } from './options.js';
import { infrastructureMigrationType } from './plan/migration-type.js';
import { infrastructurePatterns } from './plan/patterns.js';
import { infrastructurePhases } from './plan/phases.js';
import { infrastructureRisks } from './plan/risks.js';
import { infrastructureCommunications } from './rollback/communications.js';
import { infrastructureRollbacks } from './rollback/rollback-templates.js';
import { infrastructureTriggers } from './rollback/triggers.js';

/** The infrastructure plugin: the `infrastructure` migration type. It has no schema checker yet. */
export const createInfrastructurePlugin = definePluginFactory({
  name: packageJson.name,
  optionsSchema: infrastructureOptionsSchema,
  create: () =>
    definePlugin({
      apiVersion: 2,
      meta: {
        name: packageJson.name,
        version: packageJson.version,
        namespace: 'infrastructure',
        description: 'Infrastructure migrations: cloud migration and on-premises to cloud, with Terraform, DNS and network rollbacks.',
      },
      migrationTypes: [infrastructureMigrationType],
      patterns: infrastructurePatterns,
      phases: infrastructurePhases,
      risks: infrastructureRisks,
      rollbacks: infrastructureRollbacks,
      triggers: infrastructureTriggers,
      communications: infrastructureCommunications,
    }),
});
