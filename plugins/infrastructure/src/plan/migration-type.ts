import type { MigrationTypeInput } from '@migration-architect/core';
import type { TerraformCatalog } from '../terraform/catalog/terraform-catalog.js';
import { infrastructureDataRecoveryPlan } from '../rollback/data-recovery-plan.js';
import { infrastructureEscalationMatrix } from '../rollback/escalation-matrix.js';
import { infrastructureFacts } from './facts.js';
import { infrastructurePlanWork } from './plan-work.js';
import { infrastructureSpecFields } from './spec-fields.js';

/** Commands that show the infrastructure is back where it was; `{placeholders}` are per environment. */
export const INFRASTRUCTURE_VALIDATION_COMMANDS = [
  'terraform -chdir={terraform_dir} plan -detailed-exitcode -input=false',
  'dig +short {domain_name} @{resolver_ip}',
  "aws elbv2 describe-target-health --target-group-arn {target_group_arn} --query 'TargetHealthDescriptions[].TargetHealth.State'",
  "aws ec2 describe-instances --instance-ids {instance_id} --query 'Reservations[].Instances[].State.Name'",
  'curl -sSI {load_balancer_url}',
];

/** The infrastructure type; `catalog` is the Terraform catalog the plugin's options make, for specs that name a plan JSON. */
export const createInfrastructureMigrationType = (catalog: TerraformCatalog): MigrationTypeInput => ({
  id: 'infrastructure',
  title: 'Infrastructure migration',
  specFields: infrastructureSpecFields,
  description:
    'Moving workloads, networks and storage between data centres and clouds: on-premises to cloud, cloud to cloud, or a re-platforming of the estate.',
  defaultPlan: {
    phases: ['assessment', 'preparation', 'migration', 'validation'],
    baseDurationHours: 48,
    // The seed applied a flat 1.5 whatever the complexity; medium keeps the seed's figure.
    // Infrastructure grows faster with complexity than services: more networks, accounts and hand-offs.
    complexityMultiplier: { low: 1.0, medium: 1.5, high: 3.0, critical: 5.0 },
  },
  successCriteria: [
    'Every in-scope workload runs in the target environment within its SLO',
    'Data moved with verified checksums or row counts, and no write lost at cutover',
    'Security baseline (network segmentation, IAM least privilege, encryption at rest and in transit) passing in the target',
    'DNS and connectivity cut over, with no client resolving the old addresses after the TTL',
    'Monthly run cost within the approved budget',
    'Source environment decommissioned after the rollback window, its data archived per retention policy',
  ],
  stakeholders: [
    'Infrastructure / Platform Team',
    'Network Team',
    'Security Team',
    'Application Owners',
    'FinOps / Finance',
    'Compliance Officer',
    'Cloud Provider Account Team',
  ],
  validationCommands: INFRASTRUCTURE_VALIDATION_COMMANDS,
  validationChecklist: [
    'Verify network connectivity between components',
    'Confirm DNS resolution is working correctly',
    'Check firewall rules and security groups',
    'Validate load balancer configuration',
    'Confirm SSL/TLS certificates are valid',
    'Check storage systems are accessible',
    'Verify backup and disaster recovery systems',
    'Confirm terraform plan shows no drift from the recorded state',
  ],
  dataRecoveryPlan: infrastructureDataRecoveryPlan,
  escalationMatrix: infrastructureEscalationMatrix,
  facts: (spec, origin) => infrastructureFacts(spec, origin, catalog),
  planWork: (spec, context) => infrastructurePlanWork(spec, context, catalog),
});
