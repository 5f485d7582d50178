import type { RollbackStepTemplateInput, RollbackTemplateInput } from '@migration-architect/core';

/**
 * Rollback steps for every infrastructure phase. The seed gave every phase the same two steps
 * (terraform apply, Route 53 restore), including phases that change neither. `{placeholders}`
 * are environment-specific values the operator fills in.
 */

// A saved plan cannot be combined with -target (the seed's `terraform apply -target=… plan.tfplan`
// fails): the target goes into the plan, and the plan file is applied as is.
const revertTerraform: RollbackStepTemplateInput = {
  key: 'revert_terraform',
  name: 'Revert infrastructure changes',
  description: 'Check out the pre-migration Terraform configuration, plan the difference for the affected resources, and apply that plan',
  scriptType: 'bash',
  script:
    'git -C {infra_repo} checkout {pre_migration_tag} -- {terraform_dir} && terraform -chdir={terraform_dir} plan -input=false -target={resource_address} -out=rollback.tfplan && terraform -chdir={terraform_dir} apply -input=false rollback.tfplan',
  estimatedDurationMinutes: 15,
  validationCommands: ['terraform -chdir={terraform_dir} plan -detailed-exitcode -input=false -target={resource_address}'],
  successCriteria: ['Infrastructure matches previous state', 'No planned changes'],
  failureEscalation: 'Manual infrastructure review required: compare state with the pre-migration state version before touching resources by hand',
};

const restoreDns: RollbackStepTemplateInput = {
  key: 'restore_dns',
  name: 'Restore DNS configuration',
  description: 'Re-apply the DNS records exported before the migration so names resolve to the source again',
  scriptType: 'bash',
  script: 'aws route53 change-resource-record-sets --hosted-zone-id {zone_id} --change-batch file://{rollback_dns_changes}',
  estimatedDurationMinutes: 10,
  validationCommands: ['dig +short {domain_name} @{resolver_ip}', 'aws route53 get-change --id {change_id}'],
  successCriteria: ['DNS resolves to original endpoints', 'Route 53 change status INSYNC'],
  failureEscalation: 'Contact DNS administrator',
};

const stopReplication: RollbackStepTemplateInput = {
  key: 'stop_replication',
  name: 'Stop replication into the target',
  description: 'Stop the replication tasks feeding the target, so the source remains the only writer and nothing diverges further',
  scriptType: 'bash',
  script: 'aws dms stop-replication-task --replication-task-arn {replication_task_arn}',
  estimatedDurationMinutes: 5,
  validationCommands: [
    "aws dms describe-replication-tasks --filters Name=replication-task-arn,Values={replication_task_arn} --query 'ReplicationTasks[0].Status'",
  ],
  successCriteria: ['Replication task status "stopped"'],
  failureEscalation: 'Escalate to the DBA on call; block writes on the target until replication is stopped',
};

const stopTargetInstances: RollbackStepTemplateInput = {
  key: 'stop_target_instances',
  name: 'Stop the target instances',
  description: 'Stop (not terminate) the migrated instances so nothing runs against stale configuration, keeping their volumes for analysis',
  scriptType: 'bash',
  script: 'aws ec2 stop-instances --instance-ids {target_instance_ids}',
  estimatedDurationMinutes: 5,
  validationCommands: ["aws ec2 describe-instances --instance-ids {target_instance_ids} --query 'Reservations[].Instances[].State.Name'"],
  successCriteria: ['Target instances stopped', 'Their volumes still attached'],
  failureEscalation: 'Escalate to the platform team',
};

const rollbackTemplate = (
  id: string,
  phases: string[],
  steps: RollbackStepTemplateInput[],
  extra: Pick<RollbackTemplateInput, 'prerequisites' | 'communicationRequirements'> = {},
): RollbackTemplateInput => ({ id, type: 'infrastructure', phases, steps, ...extra });

const TRAFFIC_PREREQUISITES = [
  'Traffic redirection capabilities confirmed',
  'DNS records and firewall rules exported before the migration',
  'Source environment still running and in sync',
];
const DATA_PREREQUISITES = ['Snapshots verified and accessible', 'Data validation queries prepared', 'Database administrator on standby'];
const NETWORK_COMMUNICATION = ['Immediate notification when traffic is redirected', 'Tell partners whose allow-lists changed'];

export const infrastructureRollbacks: RollbackTemplateInput[] = [
  rollbackTemplate(
    'remove-discovery-tooling',
    ['assessment', 'discovery'],
    [
      {
        key: 'stop_discovery_agents',
        name: 'Stop discovery data collection',
        description: 'Stop the discovery agents collecting inventory and flow data from source hosts',
        scriptType: 'bash',
        script: 'aws discovery stop-data-collection-by-agent-ids --agent-ids {agent_ids}',
        estimatedDurationMinutes: 5,
        validationCommands: ["aws discovery describe-agents --agent-ids {agent_ids} --query 'agentsInfo[].collectionStatus'"],
        successCriteria: ['No agent collecting data'],
        failureEscalation: 'Ask the host owners to stop the agent service locally',
      },
      {
        key: 'uninstall_discovery_agents',
        name: 'Remove discovery agents from source hosts',
        description: 'Uninstall the agents through the configuration management tool so the hosts return to their approved baseline',
        scriptType: 'bash',
        script: "ansible {source_host_group} -b -m package -a 'name=aws-discovery-agent state=absent'",
        estimatedDurationMinutes: 15,
        successCriteria: ['Agent package absent on every source host'],
        failureEscalation: 'Escalate to the owners of the affected hosts',
      },
    ],
  ),
  rollbackTemplate(
    'release-network-allocations',
    ['planning'],
    [
      {
        key: 'release_cidrs',
        name: 'Release reserved CIDR allocations',
        description: 'Return the address ranges reserved for the target networks to the IPAM pool',
        scriptType: 'bash',
        script: 'aws ec2 release-ipam-pool-allocation --ipam-pool-id {ipam_pool_id} --cidr {cidr} --ipam-pool-allocation-id {allocation_id}',
        estimatedDurationMinutes: 5,
        validationCommands: ['aws ec2 get-ipam-pool-allocations --ipam-pool-id {ipam_pool_id}'],
        successCriteria: ['Migration allocations no longer listed'],
        failureEscalation: 'Escalate to the network team',
      },
      {
        key: 'cancel_change_windows',
        name: 'Cancel scheduled change windows and freezes',
        description: 'Withdraw the change requests and freeze periods booked for the waves',
        scriptType: 'manual',
        script: 'Cancel every change request linked to change ticket {change_ticket} in the change calendar and notify the approvers',
        estimatedDurationMinutes: 15,
        successCriteria: ['No change window remains booked for the migration'],
        failureEscalation: 'Escalate to the change manager',
      },
    ],
  ),
  rollbackTemplate(
    'destroy-design-sandbox',
    ['design'],
    [
      {
        key: 'destroy_sandbox',
        name: 'Destroy the design validation sandbox',
        description: 'Remove the non-production landing-zone resources applied to validate the design',
        scriptType: 'bash',
        script: 'terraform -chdir={sandbox_terraform_dir} destroy -input=false -auto-approve',
        estimatedDurationMinutes: 20,
        validationCommands: ['terraform -chdir={sandbox_terraform_dir} state list'],
        successCriteria: ['Sandbox state is empty'],
        failureEscalation: 'Escalate to the platform team; check for resources outside Terraform in the sandbox account',
      },
    ],
  ),
  rollbackTemplate(
    'undo-preparation',
    ['preparation'],
    [
      stopReplication,
      {
        key: 'restore_ttls',
        name: 'Restore the original DNS TTLs',
        description: 'Raise the TTLs lowered for cutover back to their original values',
        scriptType: 'bash',
        script: 'aws route53 change-resource-record-sets --hosted-zone-id {zone_id} --change-batch file://{original_ttl_change_batch}',
        estimatedDurationMinutes: 5,
        validationCommands: ['dig +noall +answer {domain_name} @{resolver_ip}'],
        successCriteria: ['Records carry their original TTLs'],
        failureEscalation: 'Contact DNS administrator',
      },
    ],
    { prerequisites: DATA_PREREQUISITES },
  ),
  rollbackTemplate(
    'revert-pilot',
    ['pilot'],
    [
      {
        ...restoreDns,
        key: 'restore_pilot_dns',
        name: 'Point the pilot workload back to the source',
        description: "Re-apply the pilot workload's pre-migration DNS records so its users reach the source environment again",
      },
      {
        ...stopTargetInstances,
        key: 'stop_pilot_instances',
        name: 'Stop the pilot instances',
        script: 'aws ec2 stop-instances --instance-ids {pilot_instance_ids}',
        validationCommands: ["aws ec2 describe-instances --instance-ids {pilot_instance_ids} --query 'Reservations[].Instances[].State.Name'"],
      },
    ],
    { prerequisites: TRAFFIC_PREREQUISITES, communicationRequirements: NETWORK_COMMUNICATION },
  ),
  rollbackTemplate(
    'revert-wave',
    ['migration'],
    [
      {
        key: 'repoint_to_source',
        name: 'Point applications back at the source systems',
        description: 'Restore connection strings and service endpoints of the wave to their source values',
        scriptType: 'bash',
        script: 'aws ssm put-parameter --name {endpoint_parameter_name} --value {source_endpoint} --overwrite',
        estimatedDurationMinutes: 10,
        validationCommands: ['aws ssm get-parameter --name {endpoint_parameter_name} --query Parameter.Value'],
        successCriteria: ['Applications connect to source endpoints'],
        failureEscalation: 'Escalate to the application owners of the wave',
      },
      {
        key: 'reverse_sync',
        name: 'Copy writes made in the target back to the source',
        description: 'Run the reverse replication task so data written in the target since the wave started exists in the source',
        scriptType: 'bash',
        script: 'aws dms start-replication-task --replication-task-arn {reverse_replication_task_arn} --start-replication-task-type start-replication',
        estimatedDurationMinutes: 30,
        validationCommands: [
          "aws dms describe-table-statistics --replication-task-arn {reverse_replication_task_arn} --query 'TableStatistics[].[TableName,ValidationState]'",
        ],
        successCriteria: ['Reverse task finished with validation state "Validated" for every table'],
        failureEscalation: 'Escalate to the DBA on call and the data owner; keep the target read-only',
      },
      stopTargetInstances,
      revertTerraform,
    ],
    { prerequisites: DATA_PREREQUISITES },
  ),
  rollbackTemplate(
    'clean-validation-resources',
    ['validation'],
    [
      {
        key: 'delete_dr_test_restore',
        name: 'Delete the disaster-recovery test restore',
        description: 'Remove the database instance restored from a snapshot to test recovery, so it does not run (and bill) unnoticed',
        scriptType: 'bash',
        script: 'aws rds delete-db-instance --db-instance-identifier {dr_test_instance_id} --skip-final-snapshot',
        estimatedDurationMinutes: 10,
        validationCommands: ['aws rds describe-db-instances --db-instance-identifier {dr_test_instance_id}'],
        successCriteria: ['DR test instance deleted'],
        failureEscalation: 'Escalate to the platform team',
      },
      {
        key: 'stop_load_tests',
        name: 'Stop load and end-to-end test runners',
        description: 'Stop test traffic against the target so its metrics show only real traffic again',
        scriptType: 'bash',
        script: 'aws ecs update-service --cluster {test_cluster} --service {load_test_service} --desired-count 0',
        estimatedDurationMinutes: 5,
        successCriteria: ['No test traffic reaching the target'],
        failureEscalation: 'Stop the load generator at its source',
      },
    ],
  ),
  rollbackTemplate(
    'revert-cutover',
    ['cutover'],
    [
      restoreDns,
      {
        key: 'restore_routing',
        name: 'Restore routes to the source environment',
        description: 'Point the route tables back at the original gateway for the migrated ranges',
        scriptType: 'bash',
        script: 'aws ec2 replace-route --route-table-id {route_table_id} --destination-cidr-block {cidr} --gateway-id {original_gateway}',
        estimatedDurationMinutes: 5,
        validationCommands: [
          "aws ec2 describe-route-tables --route-table-ids {route_table_id} --query 'RouteTables[].Routes[]'",
          'traceroute -n {source_host_ip}',
        ],
        successCriteria: ['Routes point at the original gateway', 'Source hosts reachable'],
        failureEscalation: 'Escalate to the network team lead',
      },
      {
        key: 'restore_firewall_rules',
        name: 'Restore firewall rules',
        description: 'Remove the ingress rules opened for the cutover and re-apply the exported pre-migration rules',
        scriptType: 'bash',
        script: 'aws ec2 revoke-security-group-ingress --group-id {group_id} --protocol {protocol} --port {port} --source-group {source_group}',
        estimatedDurationMinutes: 5,
        validationCommands: ['aws ec2 describe-security-groups --group-ids {group_id}'],
        successCriteria: ['Security groups match the pre-migration export'],
        failureEscalation: 'Escalate to the security on call',
      },
      {
        ...stopReplication,
        key: 'stop_forward_replication',
        name: 'Stop forward replication before the source takes writes',
        description: 'Make sure nothing replicates into the target once the source takes writes again',
      },
    ],
    { prerequisites: TRAFFIC_PREREQUISITES, communicationRequirements: NETWORK_COMMUNICATION },
  ),
  rollbackTemplate(
    'revert-rightsizing',
    ['optimization'],
    [
      {
        key: 'restore_capacity',
        name: 'Restore the previous capacity settings',
        description: 'Give the autoscaling groups back their pre-optimisation limits',
        scriptType: 'bash',
        script:
          'aws autoscaling update-auto-scaling-group --auto-scaling-group-name {asg_name} --min-size {original_min_size} --max-size {original_max_size} --desired-capacity {original_desired_capacity}',
        estimatedDurationMinutes: 10,
        validationCommands: [
          "aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names {asg_name} --query 'AutoScalingGroups[0].[MinSize,MaxSize,DesiredCapacity]'",
        ],
        successCriteria: ['Group limits match the recorded values', 'Instances in service at the desired capacity'],
        failureEscalation: 'Escalate to the platform team',
      },
      {
        ...revertTerraform,
        key: 'revert_instance_types',
        name: 'Revert instance and database classes',
        description: 'Apply the pre-optimisation sizes from the infrastructure repository',
      },
    ],
  ),
  rollbackTemplate(
    'restore-source-environment',
    ['decommission'],
    [
      {
        key: 'power_on_source',
        name: 'Power the source virtual machines back on',
        description: 'Start the retained source VMs; only possible while they are kept (before disks are wiped)',
        scriptType: 'bash',
        script: 'govc vm.power -on {source_vm_names}',
        estimatedDurationMinutes: 15,
        validationCommands: ['govc vm.info {source_vm_names}'],
        successCriteria: ['Source VMs powered on and reachable'],
        failureEscalation: 'If the hardware is already wiped, restore from the final archives: escalate to the incident commander',
      },
      {
        key: 'restore_hybrid_link',
        name: 'Re-establish hybrid connectivity',
        description: 'Bring back the VPN connection to the data centre if it was removed',
        scriptType: 'bash',
        script: 'aws ec2 create-vpn-connection --type ipsec.1 --customer-gateway-id {customer_gateway_id} --transit-gateway-id {transit_gateway_id}',
        estimatedDurationMinutes: 30,
        validationCommands: [
          "aws ec2 describe-vpn-connections --filters Name=customer-gateway-id,Values={customer_gateway_id} --query 'VpnConnections[].VgwTelemetry[].Status'",
        ],
        successCriteria: ['Both tunnels UP'],
        failureEscalation: 'Escalate to the network team lead',
      },
    ],
    { prerequisites: ['Source hardware and disks still retained', 'Final archives verified'] },
  ),
];
