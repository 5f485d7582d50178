import { definePlugin, definePluginFactory } from '@migration-architect/core';
import packageJson from '../package.json' with { type: 'json' };
import { infrastructureOptionsSchema } from './options.js';
import { createInfrastructureMigrationType } from './plan/migration-type.js';
import { infrastructurePatterns } from './plan/patterns.js';
import { infrastructurePhases } from './plan/phases.js';
import { infrastructureRisks } from './plan/risks.js';
import { infrastructureCommunications } from './rollback/communications.js';
import { infrastructureRollbacks } from './rollback/rollback-templates.js';
import { infrastructureTriggers } from './rollback/triggers.js';
import { kubernetesChecker } from './kubernetes/kubernetes-checker.js';
import { kubernetesManifestSource } from './kubernetes/kubernetes-source.js';
import { createTerraformCatalog } from './terraform/catalog/terraform-catalog.js';
import { createTerraformChecker } from './terraform/terraform-checker.js';
import { terraformPlanSource } from './terraform/terraform-plan-source.js';

/** The infrastructure plugin: the `infrastructure` migration type the `terraform` (plan JSON) and `kubernetes` (manifests) checkers. */
export const createInfrastructurePlugin = definePluginFactory({
  name: packageJson.name,
  optionsSchema: infrastructureOptionsSchema,
  create: (options) => {
    const catalog = createTerraformCatalog(options.terraform);
    return definePlugin({
      apiVersion: 2,
      meta: {
        name: packageJson.name,
        version: packageJson.version,
        namespace: 'infrastructure',
        description:
          'Infrastructure migrations: cloud migration and on-premises to cloud, with Terraform, DNS and network rollbacks; Terraform / OpenTofu plan and Kubernetes manifest checks.',
      },
      migrationTypes: [createInfrastructureMigrationType(catalog)],
      patterns: infrastructurePatterns,
      phases: infrastructurePhases,
      risks: infrastructureRisks,
      rollbacks: infrastructureRollbacks,
      triggers: infrastructureTriggers,
      communications: infrastructureCommunications,
      checkers: [createTerraformChecker(options.terraform), kubernetesChecker],
      sources: [terraformPlanSource, kubernetesManifestSource],
    });
  },
});
