import type { PhaseTemplateInput } from '@migration-architect/core';

const CUTOVER_TRIGGERS = [
  'Error rate above 2x the baseline for 5 minutes after the DNS or routing change',
  'Target health checks failing on more than 20% of targets',
  'Packet loss above 2% or latency above 2x the baseline between tiers',
  'Replication found behind or inconsistent at the final sync',
  'A partner or on-premises system cannot reach the new addresses',
];

const NETWORK_CHANGE_ACCESS = 'Change rights on DNS zones, route tables and security groups';
const PROVIDER_SUPPORT = 'Cloud provider support case open at business-critical priority';

function phase(template: Omit<PhaseTemplateInput, 'type'>): PhaseTemplateInput {
  return { type: 'infrastructure', ...template };
}

/**
 * A template for every phase an infrastructure pattern or the default plan uses. The seed had real
 * templates only for assessment, preparation, migration, validation and cutover, and
 * "Execute <x> phase" for design, pilot, optimization, decommission, discovery and planning.
 */
export const infrastructurePhases: PhaseTemplateInput[] = [
  phase({
    id: 'assessment',
    description: 'Inventory the estate and decide, workload by workload, what moves where and how',
    tasks: [
      'Inventory servers, storage, networks and managed services from the CMDB and the monitoring system',
      'Map dependencies from flow logs or netflow, not only from documentation',
      'Classify each workload: rehost, replatform, refactor, repurchase, retain or retire',
      'Estimate target run cost per workload and the transfer volume per wave',
      'Record compliance constraints per workload (data residency, encryption, audit)',
    ],
    validationCriteria: [
      'Every host that sends metrics appears in the inventory',
      'Every workload has a migration decision and an owner',
      'Dependency map reviewed by the application owners',
      'Migration scope and resource requirements agreed',
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'discovery',
    description: 'Discover what actually runs in the data centre: hosts, traffic flows, licences and hidden dependencies',
    tasks: [
      'Run agent-based discovery (e.g. AWS Application Discovery Service) for at least two weeks to catch monthly jobs',
      'Capture traffic flows between hosts and to external partners',
      'List hard-coded IP addresses, partner allow-lists, NFS/SMB mounts and licence dongles',
      'Identify appliances without a cloud equivalent (HSMs, hardware load balancers, mainframe links)',
      'Record the current performance baseline per workload',
    ],
    validationCriteria: [
      'Discovery covered at least one month-end or batch cycle',
      'Every flow crossing the data-centre boundary has an owner',
      'Hard-coded addresses and allow-lists listed with the team that changes them',
      'Performance baseline recorded',
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'planning',
    description: 'Turn the discovery into migration waves, a landing zone, hybrid connectivity and a cutover plan',
    tasks: [
      'Group workloads into waves by dependency, least critical first',
      'Allocate target VPC CIDRs that do not overlap on-premises ranges',
      'Size hybrid connectivity (VPN or Direct Connect) for replication: data volume / transfer window',
      'Write the cutover and rollback procedure per wave, with DNS TTL changes scheduled ahead',
      'Agree the change windows and freeze periods with the business',
    ],
    validationCriteria: [
      'Wave plan approved by application owners',
      'No CIDR overlap between target and on-premises networks',
      'Connectivity bandwidth covers the largest wave within its transfer window',
      'A rollback procedure exists for every wave',
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'design',
    description: 'Design the target architecture and landing zone as code',
    tasks: [
      'Define accounts or projects, organisation policies and IAM roles',
      'Design networks: VPCs, subnets, transit gateway, egress and private endpoints',
      'Write and review Terraform modules for the landing zone and the workload patterns',
      'Apply the security baseline (CIS benchmark, encryption by default, central logging)',
      'Estimate cost per environment from the Terraform plan',
    ],
    validationCriteria: [
      'terraform plan applies cleanly in a non-production account',
      'Security review of the landing zone passed',
      'Cost estimate within budget',
      'Architecture decision records written for each deviation from the source',
    ],
    riskLevel: 'low',
  }),
  phase({
    id: 'preparation',
    description: 'Build the target environment and the paths to move data and traffic, without moving anything yet',
    tasks: [
      'Apply the landing-zone Terraform and enable versioning on the state bucket',
      'Establish and test hybrid connectivity (latency, bandwidth, failover)',
      'Start replication of volumes and databases to the target',
      'Lower DNS TTLs of records that will change to 60 seconds at least one old TTL before cutover',
      'Snapshot source systems and export DNS records and firewall rules',
    ],
    validationCriteria: [
      'Connectivity tested end to end, including failover of the link',
      'Replication running with lag under the agreed threshold',
      'DNS TTLs lowered and propagated',
      'Snapshots and exports verified restorable',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'pilot',
    description: 'Migrate one low-risk, representative workload end to end, including its rollback',
    tasks: [
      'Migrate the pilot workload with the same tooling the waves will use',
      'Run its cutover and then its rollback once, for real, in a maintenance window',
      'Measure transfer throughput and actual downtime against the plan',
      'Collect runbook gaps and fix them before the first wave',
    ],
    validationCriteria: [
      'Pilot served production traffic within its SLO for at least a week',
      'Rollback executed successfully and timed',
      'Measured throughput supports the wave plan',
      'Runbook updated with every gap found',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'migration',
    description: 'Move workloads wave by wave while the source stays intact as the fallback',
    tasks: [
      "Replicate or transfer the wave's data and verify checksums",
      'Launch target instances or services from replicated volumes or images',
      'Point applications at target endpoints (connection strings, secrets, service discovery)',
      'Smoke test each workload in the target',
      'Keep source systems untouched and restorable until the wave is validated',
    ],
    validationCriteria: [
      'Migration progress within expected parameters',
      'Data checksums or row counts match between source and target',
      'Smoke tests pass for every workload of the wave',
      'Error rates within acceptable limits',
    ],
    riskLevel: 'high',
    resourcesRequired: [NETWORK_CHANGE_ACCESS],
  }),
  phase({
    id: 'validation',
    description: 'Prove the target environment works before it is trusted with all production traffic',
    tasks: [
      'Run end-to-end tests of business-critical flows',
      'Compare performance with the recorded baseline under production-like load',
      'Restore a snapshot in the target to test disaster recovery',
      'Scan the target for security findings (misconfigured security groups, public buckets, open ports)',
      'Compare actual cost with the estimate',
    ],
    validationCriteria: [
      'All critical tests passing',
      'Performance within 10% of the baseline',
      'Disaster recovery restore succeeds within the RTO',
      'No critical or high security finding open',
    ],
    riskLevel: 'medium',
  }),
  phase({
    id: 'cutover',
    shiftsTraffic: true,
    description: 'Move production traffic to the target environment, keeping the source ready to take it back',
    tasks: [
      'Freeze changes on both environments',
      'Run the final data sync and confirm replication lag is zero',
      'Switch DNS records (or weighted routing to 100%) to the target',
      'Update partner allow-lists and on-premises firewall rules for the new egress addresses',
      'Watch error rates, latency and traffic draining from the source',
    ],
    validationCriteria: [
      'DNS resolves to the target from several public and internal resolvers',
      'Source traffic falls to near zero after the TTL',
      'Error rate and latency within the baseline for 1 hour',
      'Partners confirm connectivity',
    ],
    riskLevel: 'critical',
    rollbackTriggers: CUTOVER_TRIGGERS,
    resourcesRequired: [NETWORK_CHANGE_ACCESS, PROVIDER_SUPPORT],
  }),
  phase({
    id: 'optimization',
    description: 'Right-size and tune the migrated workloads once they carry real traffic',
    tasks: [
      'Right-size instances and databases from observed utilisation',
      'Tune autoscaling policies on real traffic patterns',
      'Buy savings plans or reserved capacity for the steady baseline',
      'Move cold data to cheaper storage tiers',
    ],
    validationCriteria: ['Utilisation within target ranges', 'Monthly cost within budget', 'No SLO regression after each change'],
    riskLevel: 'low',
  }),
  phase({
    id: 'decommission',
    description: 'Retire the source environment once the rollback window has closed',
    tasks: [
      'Confirm from flow logs that no traffic reaches the source for the observation window',
      'Take final backups and archive data per retention policy',
      'Wipe disks to NIST 800-88 and return or recycle hardware; end colocation and licence contracts',
      'Remove hybrid connectivity that is no longer needed',
      'Update the CMDB, monitoring and runbooks',
    ],
    validationCriteria: [
      'Zero traffic to the source during the observation window',
      'Archives restore-tested',
      'Certificates of data destruction received',
      'CMDB and monitoring no longer list source systems',
    ],
    riskLevel: 'medium',
  }),
];
