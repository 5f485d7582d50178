import type { DataRecoveryPlan } from '@migration-architect/core';

/**
 * What infrastructure recovery restores: the Terraform state and configuration of the previous
 * layout, volume and database snapshots taken before the migration, and the DNS records. (The
 * seed gave every non-database type a generic file-copy restore.)
 */
export const infrastructureDataRecoveryPlan: DataRecoveryPlan = {
  recovery_method: 'infrastructure_state_restore',
  backup_location:
    'Terraform state versions in s3://{tf_state_bucket}/{tf_state_key}, snapshots tagged migration={migration_label}, DNS export in dns/pre-migration-{zone_id}.json',
  recovery_scripts: [
    'git -C {infra_repo} checkout {pre_migration_tag} -- {terraform_dir}',
    'terraform -chdir={terraform_dir} plan -input=false -out=rollback.tfplan',
    'terraform -chdir={terraform_dir} apply -input=false rollback.tfplan',
    'aws ec2 create-volume --snapshot-id {snapshot_id} --availability-zone {availability_zone} --tag-specifications ResourceType=volume,Tags=[{Key=migration,Value={migration_label}}]',
    'aws rds restore-db-instance-from-db-snapshot --db-instance-identifier {db_instance_id}-restored --db-snapshot-identifier {pre_migration_snapshot_id}',
    'aws route53 change-resource-record-sets --hosted-zone-id {zone_id} --change-batch file://dns/pre-migration-{zone_id}.json',
  ],
  data_validation_queries: [
    'terraform -chdir={terraform_dir} plan -detailed-exitcode -input=false',
    "aws rds describe-db-instances --db-instance-identifier {db_instance_id}-restored --query 'DBInstances[0].DBInstanceStatus'",
    "aws ec2 describe-volumes --filters Name=tag:migration,Values={migration_label} --query 'Volumes[].State'",
    'dig +short {domain_name} @{resolver_ip}',
  ],
  estimated_recovery_time_minutes: 90,
  recovery_dependencies: [
    'Terraform state bucket versioning enabled before the migration',
    'Pre-migration tag in the infrastructure repository',
    'Snapshots completed and within retention',
    'DNS records exported before the first change',
  ],
};
