import { defineRule, type CompatibilityRuleInput, type RuleOutcome } from '@migration-architect/core';
import type { TerraformPlanSide } from '../plan/terraform-model.js';
import type { TerraformChange, TerraformChangeDetails } from '../diff/terraform-diff.js';
import { DATA_CATEGORIES } from '../catalog/terraform-catalog.js';
import { examplePlan } from './plan-examples.js';

type TerraformRule = CompatibilityRuleInput<TerraformPlanSide, TerraformChange>;

const DOCS = 'https://github.com/migration-architect/migration-architect/blob/main/docs/rules/terraform.md';

const isData = (d: TerraformChangeDetails | undefined) => d?.category != null && DATA_CATEGORIES.has(d.category);
const d = (change: TerraformChange) => change.details!;
const resourceLabel = (det: TerraformChangeDetails) => `${det.address}${det.category ? ` (${det.type}, ${det.category})` : ` (${det.type})`}`;
const reasonText = (det: TerraformChangeDetails) => (det.actionReason ? ` Terraform's reason: ${det.actionReason}.` : '');
const forcedBy = (det: TerraformChangeDetails) => (det.replacePaths.length ? ` Forced by ${det.replacePaths.map((p) => `\`${p}\``).join(', ')}.` : '');
const unknowns = (det: TerraformChangeDetails) =>
  det.unknownPaths.length ? ` Known only after apply: ${det.unknownPaths.slice(0, 8).join(', ')}${det.unknownPaths.length > 8 ? ', …' : ''}.` : '';
const snapshot = (det: TerraformChangeDetails) =>
  det.finalSnapshot === 'skipped'
    ? ' skip_final_snapshot is true: no final snapshot is taken.'
    : det.finalSnapshot === 'taken'
      ? ' A final snapshot is taken (final_snapshot_identifier).'
      : '';

function hcl(description: string, content: string, rollback: string): RuleOutcome['script'] {
  return {
    script_type: 'terraform',
    description,
    script_content: content,
    rollback_script: rollback,
    dependencies: [],
    validation_query: 'terraform plan -detailed-exitcode',
  };
}

function outcome(description: string, impact: string, suggestedMigration: string, extra: Partial<RuleOutcome> = {}): RuleOutcome {
  // Renderers add their own full stop.
  return { description: description.replace(/\.$/, ''), impact, suggestedMigration, affectedOperations: ['terraform apply'], ...extra };
}

const PROTECT = `lifecycle {\n  prevent_destroy = true\n}`;

export const terraformRules: TerraformRule[] = [
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'stateful-resource-deleted',
    code: 'TF101',
    issueType: 'stateful_resource_deleted',
    change: 'resource.deleted',
    when: (change) => isData(change.details),
    severity: 'breaking',
    title: 'Stateful resource destroyed',
    description:
      'The plan destroys a resource that holds data (a database, bucket, volume, file system, key, queue, secret, DNS zone, registry). Its data is gone with it; a KMS key delete makes everything encrypted with it unreadable.',
    safeAlternative:
      'If the resource was renamed or moved into a module, add a `moved { from = … to = … }` block. If it leaves Terraform but must live on, use a `removed { from = … lifecycle { destroy = false } }` block. If it must go, take a final snapshot or export first, and protect the others with `lifecycle { prevent_destroy = true }`.',
    rollback: 'Restore from the final snapshot or backup into a new resource and import it (`terraform import`); data written after the snapshot is lost.',
    docsUrl: `${DOCS}#tf101-stateful-resource-deleted`,
    examples: [
      {
        name: 'database removed from the configuration',
        before: examplePlan([
          {
            address: 'aws_db_instance.main',
            actions: ['delete'],
            action_reason: 'delete_because_no_resource_config',
            before: { identifier: 'main', engine: 'postgres', skip_final_snapshot: true },
          },
        ]),
      },
    ],
    classify: (change) => {
      const det = d(change);
      const move = det.possibleMoveTo
        ? ` The same plan creates ${det.possibleMoveTo} of the same type: if that is this resource renamed, a moved block keeps it.`
        : '';
      return outcome(
        `${resourceLabel(det)} is destroyed.${reasonText(det)}${snapshot(det)}${move}`,
        `Every piece of data in ${det.address} is lost; clients using it fail.`,
        det.possibleMoveTo
          ? `Add a moved block from ${det.address} to ${det.possibleMoveTo}.`
          : 'Keep it (moved/removed block) or snapshot it before the apply.',
        {
          script: det.possibleMoveTo
            ? hcl(
                'Keep the resource under its new address',
                `moved {\n  from = ${det.address}\n  to   = ${det.possibleMoveTo}\n}`,
                'Remove the moved block and apply: the address goes back.',
              )
            : hcl(
                'Keep the resource out of the destroy, or guard it',
                `removed {\n  from = ${det.address}\n  lifecycle {\n    destroy = false\n  }\n}\n\n# or, while it is still in the configuration:\n${PROTECT}`,
                `Restore ${det.address} from its final snapshot or backup and import it: terraform import ${det.address} <id>`,
              ),
        },
      );
    },
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'serving-resource-deleted',
    code: 'TF102',
    issueType: 'serving_resource_deleted',
    change: 'resource.deleted',
    when: (change) => change.details?.category === 'serving',
    severity: 'potentially_breaking',
    title: 'Client-facing resource destroyed',
    description:
      'The plan destroys a load balancer, listener, DNS record, address or CDN distribution that clients reach. Their requests fail from the apply on; a released IP address cannot be got back.',
    safeAlternative: 'Move clients to the replacement first (DNS with a low TTL, a second listener), then destroy the old one in a later apply.',
    rollback: 'Re-apply the previous configuration (git revert, terraform apply); recreated addresses and names may differ, so update DNS and clients.',
    docsUrl: `${DOCS}#tf102-serving-resource-deleted`,
    examples: [{ before: examplePlan([{ address: 'aws_route53_record.api', actions: ['delete'], before: { name: 'api.example.com', type: 'A' } }]) }],
    classify: (change) =>
      outcome(
        `${resourceLabel(d(change))} is destroyed.${reasonText(d(change))}`,
        'Clients that reach it by name or address fail.',
        'Move clients off it before destroying it.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'firewall-rule-deleted',
    code: 'TF103',
    issueType: 'firewall_rule_deleted',
    change: 'resource.deleted',
    when: (change) => change.details?.category === 'firewall-rule',
    severity: 'potentially_breaking',
    title: 'Firewall rule destroyed',
    description: 'A security-group, network ACL or firewall rule resource is destroyed: the traffic it allowed is dropped from the apply on.',
    safeAlternative: 'Check no client still needs the port and source (flow logs); when replacing a rule, create the new one first (create_before_destroy).',
    rollback: 'Re-apply the previous configuration: the rule is created again within seconds.',
    docsUrl: `${DOCS}#tf103-firewall-rule-deleted`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_security_group_rule.https',
            actions: ['delete'],
            before: { type: 'ingress', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] },
          },
        ]),
      },
    ],
    classify: (change) =>
      outcome(`${resourceLabel(d(change))} is destroyed.`, 'Traffic the rule allowed is dropped.', 'Confirm with flow logs that nothing uses it.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-deleted',
    code: 'TF104',
    issueType: 'resource_deleted',
    change: 'resource.deleted',
    severity: 'non_breaking',
    title: 'Stateless resource destroyed',
    description: 'A resource that holds no data (by the catalog) is destroyed. Usually intended; listed so a reviewer sees every destroy.',
    safeAlternative: 'If it was renamed, add a moved block so it is kept.',
    rollback: 'Re-apply the previous configuration.',
    docsUrl: `${DOCS}#tf104-resource-deleted`,
    examples: [{ before: examplePlan([{ address: 'aws_iam_role_policy.old', actions: ['delete'], before: { name: 'old' } }]) }],
    classify: (change) =>
      outcome(
        `${resourceLabel(d(change))} is destroyed.${reasonText(d(change))}${d(change).possibleMoveTo ? ` The plan creates ${d(change).possibleMoveTo} of the same type: a moved block would keep it.` : ''}`,
        'None on data; anything that referenced it is changed in the same plan.',
        d(change).possibleMoveTo ? `moved { from = ${d(change).address} to = ${d(change).possibleMoveTo} }` : 'None needed.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'stateful-resource-replaced',
    code: 'TF111',
    issueType: 'stateful_resource_replaced',
    change: 'resource.replaced',
    when: (change) => isData(change.details),
    severity: 'breaking',
    title: 'Stateful resource replaced',
    description:
      'A resource that holds data is destroyed and created again (`["delete","create"]`, or `["create","delete"]` with create_before_destroy). Either way the new resource starts empty: the data stays with the old one and is destroyed with it.',
    safeAlternative:
      'Find the attribute that forces the replacement (replace_paths) and change it in place if the provider allows, or revert it. To really move the data: snapshot, create the new resource from the snapshot under a new name, cut clients over, then destroy the old one.',
    rollback: 'Restore the old resource from its final snapshot or backup and import it; re-point clients.',
    docsUrl: `${DOCS}#tf111-stateful-resource-replaced`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_db_instance.main',
            actions: ['delete', 'create'],
            action_reason: 'replace_because_cannot_update',
            replace_paths: [['engine']],
            before: { engine: 'mysql', identifier: 'main' },
            after: { engine: 'postgres', identifier: 'main' },
          },
        ]),
      },
    ],
    classify: (change) => {
      const det = d(change);
      const order = det.actions[0] === 'create' ? 'create-before-destroy' : 'destroy-before-create';
      return outcome(
        `${resourceLabel(det)} is replaced (${order}).${forcedBy(det)}${reasonText(det)}${snapshot(det)}${unknowns(det)}`,
        `The new ${det.type} starts empty; the data in the old one is destroyed${order === 'destroy-before-create' ? ', and clients have nothing to reach meanwhile' : ''}.`,
        det.replacePaths.length ? `Revert or change in place: ${det.replacePaths.join(', ')}.` : 'Find what forces the replacement before applying.',
        {
          script: hcl(
            'Guard the resource so the replacement fails the plan instead of destroying data',
            PROTECT,
            `Restore ${det.address} from its snapshot: create a resource from it, terraform import ${det.address} <id>.`,
          ),
        },
      );
    },
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-replaced-destroy-first',
    code: 'TF112',
    issueType: 'resource_replaced',
    change: 'resource.replaced',
    when: (change) => change.details?.actions[0] === 'delete',
    severity: 'potentially_breaking',
    title: 'Resource replaced, destroyed before its replacement exists',
    description:
      'A stateless resource is replaced destroy-first (`["delete","create"]`): between the two, whatever depends on it is down, and a failed create leaves nothing.',
    safeAlternative:
      'Add `lifecycle { create_before_destroy = true }` (with a name that can exist twice, e.g. name_prefix), or change the forcing attribute in place.',
    rollback: 'Re-apply the previous configuration; the resource is replaced back.',
    docsUrl: `${DOCS}#tf112-resource-replaced-destroy-first`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_launch_template.web',
            actions: ['delete', 'create'],
            action_reason: 'replace_because_cannot_update',
            replace_paths: [['name']],
            before: { name: 'web' },
            after: { name: 'web-v2' },
          },
        ]),
      },
    ],
    classify: (change) => {
      const det = d(change);
      return outcome(
        `${resourceLabel(det)} is destroyed, then created.${forcedBy(det)}${reasonText(det)}${unknowns(det)}`,
        'Dependents are without it between the destroy and the create.',
        'Create the replacement first (create_before_destroy).',
        {
          script: hcl(
            'Create the replacement before destroying the old one',
            `lifecycle {\n  create_before_destroy = true\n}`,
            'Remove the lifecycle block and apply.',
          ),
        },
      );
    },
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-replaced',
    code: 'TF113',
    issueType: 'resource_replaced',
    change: 'resource.replaced',
    severity: 'potentially_breaking',
    title: 'Resource replaced, create before destroy',
    description:
      'A stateless resource is replaced with its replacement created first (`["create","delete"]`): no gap, but the new one has a new ID and often a new address, whatever was on the old one (local disk, a manual change) is gone, and dependents are updated in the same apply.',
    safeAlternative:
      'Change the forcing attribute in place if the provider allows; otherwise check that nothing outside Terraform holds the old ID or address, and that the name can exist twice.',
    rollback: 'Re-apply the previous configuration.',
    docsUrl: `${DOCS}#tf113-resource-replaced`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_launch_template.web',
            actions: ['create', 'delete'],
            replace_paths: [['image_id']],
            before: { image_id: 'ami-1' },
            after: { image_id: 'ami-2' },
          },
        ]),
      },
    ],
    classify: (change) =>
      outcome(
        `${resourceLabel(d(change))} is replaced (create-before-destroy).${forcedBy(d(change))}${reasonText(d(change))}`,
        'A new resource with a new ID replaces the old one; references outside Terraform go stale.',
        d(change).replacePaths.length ? `Change in place if possible: ${d(change).replacePaths.join(', ')}.` : 'Check what holds the old ID.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'engine-major-version-upgrade',
    code: 'TF121',
    issueType: 'engine_major_version_changed',
    change: 'attribute.engine-major-version',
    severity: 'breaking',
    title: 'Engine major version changed in place',
    description:
      'A database, cache, search or cluster engine moves to another major version. The upgrade takes the service down for its duration, may change behaviour clients rely on, and cannot be rolled back in place: there is no downgrade.',
    safeAlternative: 'Snapshot first; rehearse the upgrade on a restored copy; prefer a blue/green deployment (RDS blue/green, a new cluster) and switch over.',
    rollback: 'Restore the pre-upgrade snapshot into a new resource on the old version and re-point clients; writes since the snapshot must be replayed.',
    docsUrl: `${DOCS}#tf121-engine-major-version-upgrade`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_db_instance.main',
            actions: ['update'],
            before: { engine: 'postgres', engine_version: '13.7' },
            after: { engine: 'postgres', engine_version: '15.4' },
          },
        ]),
      },
    ],
    classify: (change) =>
      outcome(
        `${change.subject}: ${change.before} → ${change.after} (${d(change).detail}).`,
        'Downtime during the upgrade; no in-place downgrade.',
        'Take a snapshot and rehearse on a copy; prefer blue/green.',
        {
          script: hcl(
            'Snapshot before the upgrade',
            `# before terraform apply:\naws rds create-db-snapshot --db-instance-identifier {db_identifier} --db-snapshot-identifier pre-upgrade`,
            'Restore the pre-upgrade snapshot to a new instance on the old version and switch clients to it.',
          ),
        },
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'instance-class-changed',
    code: 'TF122',
    issueType: 'instance_class_changed',
    change: 'attribute.instance-class',
    severity: 'potentially_breaking',
    title: 'Instance class changed',
    description:
      'The instance size changes: the instance restarts (a Multi-AZ failover at best). Without `apply_immediately`, RDS waits for the next maintenance window, so the restart happens later, unannounced.',
    safeAlternative: 'Schedule it: apply with apply_immediately in an announced window, or let the maintenance window take it and say so.',
    rollback: 'Change the class back (another restart).',
    docsUrl: `${DOCS}#tf122-instance-class-changed`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_db_instance.main',
            actions: ['update'],
            before: { instance_class: 'db.t3.medium' },
            after: { instance_class: 'db.r6g.large', apply_immediately: false },
          },
        ]),
      },
    ],
    classify: (change) => {
      const timing =
        d(change).applyImmediately === true
          ? ' apply_immediately is true: it restarts during the apply.'
          : d(change).applyImmediately === false
            ? ' apply_immediately is false: the restart happens in the next maintenance window, not during the apply.'
            : '';
      return outcome(`${change.subject}: ${change.before} → ${change.after}.${timing}`, 'The instance restarts.', 'Apply in an announced window.');
    },
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'storage-type-changed',
    code: 'TF123',
    issueType: 'storage_type_changed',
    change: 'attribute.storage-type',
    severity: 'potentially_breaking',
    title: 'Storage type changed',
    description:
      'The storage type of a database or volume changes: the data is migrated in the background, with degraded I/O for hours, and some changes cannot be repeated for six hours.',
    safeAlternative: 'Do it in a quiet period, after a snapshot; watch I/O latency.',
    rollback: 'Change the type back once the provider allows (another storage migration).',
    docsUrl: `${DOCS}#tf123-storage-type-changed`,
    examples: [{ before: examplePlan([{ address: 'aws_ebs_volume.data', actions: ['update'], before: { type: 'gp2' }, after: { type: 'io2' } }]) }],
    classify: (change) =>
      outcome(`${change.subject}: ${change.before} → ${change.after}.`, 'Degraded I/O while the storage migrates.', 'Snapshot first and run it off-peak.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'encryption-disabled',
    code: 'TF124',
    issueType: 'encryption_disabled',
    change: 'attribute.encryption-disabled',
    severity: 'potentially_breaking',
    title: 'Encryption turned off',
    description:
      'Encryption at rest or in transit is turned off (or HTTPS-only removed). Data is then stored or sent in clear; most providers also force a replacement for at-rest changes.',
    safeAlternative: 'Keep encryption on; to change keys, create an encrypted copy with the new key.',
    rollback: 'Turn it back on (for at-rest encryption, restore an encrypted snapshot).',
    docsUrl: `${DOCS}#tf124-encryption-disabled`,
    examples: [
      { before: examplePlan([{ address: 'aws_efs_file_system.shared', actions: ['update'], before: { encrypted: true }, after: { encrypted: false } }]) },
    ],
    classify: (change) => outcome(`${change.subject}: ${change.before} → ${change.after}.`, 'Data is no longer encrypted.', 'Keep encryption on.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'deletion-protection-removed',
    code: 'TF125',
    issueType: 'deletion_protection_removed',
    change: 'attribute.deletion-protection-removed',
    severity: 'potentially_breaking',
    title: 'Deletion protection removed',
    description:
      'A guard against destroying the resource is lifted (deletion_protection off, skip_final_snapshot on, force_destroy on, purge protection off). Often the first step of a destroy: the next plan can delete it, without a snapshot.',
    safeAlternative:
      'Keep the guard; remove it only in the same reviewed change that destroys the resource, after a backup. `lifecycle { prevent_destroy = true }` guards in the configuration (it does not appear in plan JSON).',
    rollback: 'Turn the guard back on.',
    docsUrl: `${DOCS}#tf125-deletion-protection-removed`,
    examples: [
      {
        before: examplePlan([
          { address: 'aws_rds_cluster.main', actions: ['update'], before: { deletion_protection: true }, after: { deletion_protection: false } },
        ]),
      },
    ],
    classify: (change) =>
      outcome(
        `${change.subject}: ${change.before} → ${change.after}.`,
        'The resource can now be destroyed (or destroyed without a snapshot).',
        'Keep the guard.',
        {
          script: hcl('Guard the resource in the configuration too', PROTECT, 'Remove the lifecycle block.'),
        },
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'backup-retention-lowered',
    code: 'TF126',
    issueType: 'backup_retention_lowered',
    change: 'attribute.backup-retention-lowered',
    severity: 'potentially_breaking',
    title: 'Backups reduced',
    description:
      'Backup retention is lowered, point-in-time recovery or backups turned off, or bucket versioning suspended: older restore points are deleted at once and cannot be recovered.',
    safeAlternative: 'Take a manual snapshot (kept until deleted) before lowering retention; keep point-in-time recovery on for production.',
    rollback: 'Raise retention again; the restore points already deleted do not come back.',
    docsUrl: `${DOCS}#tf126-backup-retention-lowered`,
    examples: [
      {
        before: examplePlan([
          { address: 'aws_db_instance.main', actions: ['update'], before: { backup_retention_period: 14 }, after: { backup_retention_period: 1 } },
        ]),
      },
    ],
    classify: (change) =>
      outcome(
        `${change.subject}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}.`,
        'Older restore points are lost.',
        'Take a manual snapshot first.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'public-access-opened',
    code: 'TF127',
    issueType: 'public_access_opened',
    change: 'attribute.public-access-opened',
    severity: 'potentially_breaking',
    title: 'Public access opened',
    description:
      'A database, bucket, cluster endpoint or firewall becomes reachable from the internet (publicly_accessible, 0.0.0.0/0, allUsers, public ACLs, public access block lifted).',
    safeAlternative: 'Reach it through a private endpoint, VPN or bastion; allow named CIDRs only.',
    rollback: 'Close it again (re-apply the previous configuration); audit access logs for the time it was open.',
    docsUrl: `${DOCS}#tf127-public-access-opened`,
    examples: [
      {
        before: examplePlan([
          { address: 'aws_db_instance.main', actions: ['update'], before: { publicly_accessible: false }, after: { publicly_accessible: true } },
        ]),
      },
    ],
    classify: (change) =>
      outcome(
        `${change.subject}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}${d(change).detail ? ` (${d(change).detail})` : ''}.`,
        'Reachable from the internet.',
        'Use private access.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'firewall-rules-removed',
    code: 'TF128',
    issueType: 'firewall_rules_removed',
    change: 'attribute.firewall-rules-removed',
    severity: 'potentially_breaking',
    title: 'Firewall rules removed from a group',
    description: 'Inline ingress/egress rules of a security group, network ACL, firewall or NSG are removed: the traffic they allowed is dropped.',
    safeAlternative: 'Confirm with flow logs that nothing uses them; add replacement rules in an earlier apply.',
    rollback: 'Re-apply the previous configuration.',
    docsUrl: `${DOCS}#tf128-firewall-rules-removed`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_security_group.db',
            actions: ['update'],
            before: { ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: ['10.0.0.0/16'] }] },
            after: { ingress: [] },
          },
        ]),
      },
    ],
    classify: (change) =>
      outcome(`${change.subject}: ${d(change).detail}: ${JSON.stringify(change.before)}.`, 'Traffic those rules allowed is dropped.', 'Check flow logs first.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'important-attribute-unknown',
    code: 'TF131',
    issueType: 'attribute_unknown',
    change: 'attribute.unknown',
    severity: 'potentially_breaking',
    title: 'Risky attribute known only after apply',
    description:
      'An attribute the catalog watches (engine version, instance class, encryption, protection, backups, access) gets a value Terraform knows only after apply (`after_unknown`). The checker does not guess: review where the value comes from.',
    safeAlternative: 'Make the value known at plan time (a literal or a variable), or apply its source in an earlier, separate apply.',
    rollback: 'Depends on the value it takes; re-apply the previous configuration.',
    docsUrl: `${DOCS}#tf131-important-attribute-unknown`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_db_instance.main',
            actions: ['update'],
            before: { engine_version: '13.7' },
            after: { engine_version: null },
            after_unknown: { engine_version: true },
          },
        ]),
      },
    ],
    classify: (change) =>
      outcome(
        `${change.subject} (${d(change).risk}): ${JSON.stringify(change.before)} → known after apply.`,
        'Unknown until apply.',
        'Make the value known at plan time.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-updated',
    code: 'TF141',
    issueType: 'resource_updated',
    change: 'resource.updated',
    severity: 'non_breaking',
    title: 'Resource updated in place',
    description: 'Attributes no rule watches change in place.',
    safeAlternative: 'Nothing to make safe.',
    rollback: 'Re-apply the previous configuration.',
    docsUrl: `${DOCS}#tf141-resource-updated`,
    examples: [
      { before: examplePlan([{ address: 'aws_s3_bucket.logs', actions: ['update'], before: { tags: { team: 'a' } }, after: { tags: { team: 'b' } } }]) },
    ],
    classify: (change) => {
      const det = d(change);
      return outcome(
        `${resourceLabel(det)} is updated in place: ${det.changedPaths.slice(0, 10).join(', ') || 'no visible attribute'}${det.changedPaths.length > 10 ? ', …' : ''}.${unknowns(det)}`,
        'None expected.',
        'None needed.',
      );
    },
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-created',
    code: 'TF151',
    issueType: 'resource_created',
    change: 'resource.created',
    severity: 'additive',
    title: 'Resource created',
    description: 'A new resource.',
    safeAlternative: 'Nothing to make safe.',
    rollback: 'Remove it from the configuration and apply (it is destroyed).',
    docsUrl: `${DOCS}#tf151-resource-created`,
    examples: [{ before: examplePlan([{ address: 'aws_sqs_queue.jobs', actions: ['create'], after: { name: 'jobs' }, after_unknown: { arn: true } }]) }],
    classify: (change) => outcome(`${resourceLabel(d(change))} is created.${unknowns(d(change))}`, 'None.', 'None needed.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-moved',
    code: 'TF161',
    issueType: 'resource_moved',
    change: 'resource.moved',
    severity: 'non_breaking',
    title: 'Resource moved (not destroyed)',
    description: 'A `moved` block (or pending state move) gives the resource a new address: it is kept, not destroyed and created.',
    safeAlternative: 'Nothing to make safe; keep the moved block until every workspace has applied it.',
    rollback: 'Swap from and to in the moved block and apply.',
    docsUrl: `${DOCS}#tf161-resource-moved`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'module.db.aws_db_instance.main',
            previous_address: 'aws_db_instance.main',
            actions: ['no-op'],
            before: { identifier: 'main' },
            after: { identifier: 'main' },
          },
        ]),
      },
    ],
    classify: (change) => outcome(`${change.before} moves to ${change.after}; the resource is kept.`, 'None.', 'None needed.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-imported',
    code: 'TF162',
    issueType: 'resource_imported',
    change: 'resource.imported',
    severity: 'non_breaking',
    title: 'Resource imported',
    description: 'An `import` block brings an existing resource under Terraform; nothing is created. Any update in the same plan is reported on its own.',
    safeAlternative: 'Check the plan shows no update for it, so the configuration matches what exists.',
    rollback: 'A `removed { … lifecycle { destroy = false } }` block takes it out of state again without destroying it.',
    docsUrl: `${DOCS}#tf162-resource-imported`,
    examples: [
      {
        before: examplePlan([
          {
            address: 'aws_s3_bucket.legacy',
            actions: ['no-op'],
            importing: { id: 'legacy-bucket' },
            before: { bucket: 'legacy-bucket' },
            after: { bucket: 'legacy-bucket' },
          },
        ]),
      },
    ],
    classify: (change) => outcome(`${change.subject} is imported (id ${change.after}).`, 'None.', 'None needed.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-forgotten',
    code: 'TF163',
    issueType: 'resource_forgotten',
    change: 'resource.forgotten',
    severity: 'non_breaking',
    title: 'Resource removed from state, not destroyed',
    description: 'A `removed` block with `destroy = false` (`["forget"]`): Terraform stops managing the resource; it keeps running and keeps its data.',
    safeAlternative: 'Nothing to make safe; someone else now owns it.',
    rollback: 'An `import` block brings it back under Terraform.',
    docsUrl: `${DOCS}#tf163-resource-forgotten`,
    examples: [{ before: examplePlan([{ address: 'aws_db_instance.legacy', actions: ['forget'], before: { identifier: 'legacy' } }]) }],
    classify: (change) => outcome(`${resourceLabel(d(change))} leaves Terraform's state; it is not destroyed.`, 'None.', 'None needed.'),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'resource-drifted',
    code: 'TF171',
    issueType: 'resource_drift',
    change: 'resource.drifted',
    severity: 'non_breaking',
    title: 'Drift: changed outside Terraform',
    description:
      "Reported apart from the plan's own changes (`resource_drift`): the resource changed outside Terraform since the last apply. The plan will overwrite those changes or build on them; someone made them for a reason.",
    safeAlternative: 'Find who changed it; bring the change into the configuration or confirm it may be reverted.',
    rollback: 'Not applicable: drift is what already happened.',
    docsUrl: `${DOCS}#tf171-resource-drifted`,
    examples: [
      {
        before: examplePlan(
          [],
          [{ address: 'aws_security_group.web', actions: ['update'], before: { description: 'web' }, after: { description: 'web (edited in console)' } }],
        ),
      },
    ],
    classify: (change) =>
      outcome(
        `Drift (not part of the plan): ${d(change).address} ${d(change).actions.includes('delete') ? 'was deleted outside Terraform' : `changed outside Terraform: ${d(change).changedPaths.slice(0, 10).join(', ')}`}.`,
        'The apply may overwrite a manual change.',
        'Reconcile the configuration with the drift first.',
      ),
  }),
  defineRule<TerraformPlanSide, TerraformChange>({
    id: 'action-unrecognized',
    code: 'TF199',
    issueType: 'resource_action_unrecognized',
    change: 'resource.action-unrecognized',
    severity: 'potentially_breaking',
    title: 'Action the checker does not know',
    description: 'The plan names an action combination this checker does not know (a newer Terraform or OpenTofu). It is reported, never dropped.',
    safeAlternative: 'Review the resource by hand in `terraform show`.',
    rollback: 'Re-apply the previous configuration.',
    docsUrl: `${DOCS}#tf199-action-unrecognized`,
    examples: [{ before: examplePlan([{ address: 'aws_instance.web', actions: ['create', 'forget'], after: { ami: 'ami-1' } }]) }],
    classify: (change) => outcome(`${change.subject}: actions ${change.before}.`, 'Unknown.', 'Review by hand.'),
  }),
];
