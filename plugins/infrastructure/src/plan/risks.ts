import { raisedBy, type RiskTemplateInput, specConstraints } from '@migration-architect/core';
import { terraformPlanRisks } from './terraform-plan/terraform-plan-risks.js';

type InfrastructureRisk = Omit<RiskTemplateInput, 'type'>;

/** The seed's four infrastructure risks, added to every infrastructure plan. */
const baseRisks: InfrastructureRisk[] = [
  {
    id: 'network-connectivity',
    category: 'technical',
    description: 'Network connectivity issues',
    probability: 'medium',
    impact: 'critical',
    severity: 'high',
    mitigation: 'Implement redundant network paths and monitoring',
    owner: 'Network Team',
  },
  {
    id: 'security-drift',
    category: 'technical',
    description: 'Security configuration drift',
    probability: 'high',
    impact: 'high',
    severity: 'high',
    mitigation: 'Automated security scanning and compliance checks, with security groups and IAM managed only through Terraform',
    owner: 'Security Team',
  },
  {
    id: 'cost-overrun',
    category: 'business',
    description: 'Cost overrun during transition',
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation: 'Implement cost monitoring and budget alerts; account for paying both environments during coexistence',
    owner: 'Finance Team',
  },
  {
    id: 'knowledge-gaps',
    category: 'operational',
    description: 'Team knowledge gaps',
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation: 'Provide training and create detailed documentation',
    owner: 'Platform Team',
  },
];

/** The seed's three spec-conditional risks, worded for infrastructure. */
const seedConditionalRisks: InfrastructureRisk[] = [
  {
    id: 'zero-downtime',
    category: 'business',
    description:
      'Zero-downtime requirement increases complexity: cutover must be a routing change over live replication, because there is no window to copy data or wait for DNS caches',
    probability: 'high',
    impact: 'medium',
    severity: 'high',
    mitigation:
      'Run both environments in parallel with continuous replication, shift traffic with weighted DNS or load balancers, and keep the source warm for switch-back',
    owner: 'DevOps Team',
    condition: 'constraints.max_downtime_minutes < 60',
    when: raisedBy('zero-downtime'),
  },
  {
    id: 'large-data-volume',
    category: 'technical',
    description:
      'Large data volumes may cause extended migration time: initial transfer over the network takes days (1 Gbit/s moves about 10 TB a day at best) and the delta must be kept in sync until cutover',
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation:
      'Seed the bulk offline (transfer appliance) or over dedicated links, replicate the delta continuously, and monitor transfer progress against the plan',
    owner: 'Data Team',
    condition: 'constraints.data_volume_gb > 5000',
    when: raisedBy('large-data-volume'),
  },
  {
    id: 'compliance',
    category: 'compliance',
    description:
      'Regulatory compliance requirements: the target region, encryption, logging and access model must satisfy the same controls as the source, and auditors need evidence of it',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Ensure all compliance checks are integrated into migration process: policy-as-code guardrails in the landing zone and collected evidence per control',
    owner: 'Compliance Team',
    condition: 'constraints.compliance_requirements is not empty',
    when: raisedBy('compliance'),
  },
];

/** Risks an SRE adds from what the spec says, beyond the seed. */
const specDrivenRisks: InfrastructureRisk[] = [
  {
    id: 'dns-propagation',
    category: 'technical',
    description:
      'DNS caching outlasts the downtime window: resolvers and clients that ignore TTLs keep sending traffic to the old addresses after cutover, and again after a rollback',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Lower TTLs to 60 seconds at least one old TTL before cutover, keep the source answering until its traffic drains, and prefer load-balancer switches to DNS changes',
    owner: 'Network Team',
    condition: 'constraints.max_downtime_minutes < 240',
    when: (spec) => specConstraints(spec).maxDowntimeMinutes < 240,
  },
  {
    id: 'hidden-dependencies',
    category: 'technical',
    description:
      'Undiscovered dependencies: hard-coded IP addresses, partner allow-lists, file shares and batch jobs that no inventory lists break when their peer moves',
    probability: 'high',
    impact: 'high',
    severity: 'high',
    mitigation: 'Derive dependencies from flow logs over a full business cycle, and move tightly coupled systems in the same wave',
    owner: 'Platform Team',
    condition: 'constraints.dependencies has more than 5 entries',
    when: raisedBy('many-dependents'),
  },
  {
    id: 'hybrid-link-saturation',
    category: 'technical',
    description:
      'Hybrid connectivity saturation: replication and cross-environment calls share the VPN or Direct Connect link, so bulk transfer slows production traffic between the environments',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Size the link for replication plus peak cross-environment traffic, rate-limit replication, and keep a redundant link',
    owner: 'Network Team',
    condition: 'pattern is on_prem_to_cloud and constraints.data_volume_gb > 1000',
    when: (spec) => spec.pattern === 'on_prem_to_cloud' && specConstraints(spec).dataVolumeGb > 1000,
  },
  {
    id: 'data-residency',
    category: 'compliance',
    description: 'Data residency: personal data must stay in approved regions, including backups, snapshots copied for disaster recovery, and logs',
    probability: 'medium',
    impact: 'critical',
    severity: 'high',
    mitigation: 'Restrict regions with organisation policies (e.g. SCPs), and check snapshot copy and log destinations before the first wave',
    owner: 'Compliance Team',
    condition: 'constraints.compliance_requirements includes GDPR',
    when: (spec) => specConstraints(spec).complianceRequirements.some((r) => r.toUpperCase() === 'GDPR'),
  },
];

export const infrastructureRisks: RiskTemplateInput[] = [...baseRisks, ...seedConditionalRisks, ...specDrivenRisks, ...terraformPlanRisks].map((risk) => ({
  ...risk,
  type: 'infrastructure',
}));
