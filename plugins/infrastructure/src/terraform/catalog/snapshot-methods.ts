import type { SnapshotMethodEntry } from './terraform-catalog.js';

/*
 * How to keep the data of a resource the plan destroys or replaces, and how to get it back: the
 * snapshot a plan takes before the apply and the restore its rollback runs. `{id}` stands for the
 * value of `idAttribute` in the resource before the plan (else the resource's name); `<...>` is for
 * the operator to fill in. Rows for a type win over rows for its category; a category without a row
 * gets the generic method at the end. Extended by the plugin's `terraform.snapshots` option.
 */
export const BUILTIN_SNAPSHOT_METHODS: SnapshotMethodEntry[] = [
  {
    types: ['aws_db_instance'],
    method: 'RDS DB snapshot',
    idAttribute: 'identifier',
    size: { attribute: 'allocated_storage', unit: 'GB' },
    snapshot: 'aws rds create-db-snapshot --db-instance-identifier {id} --db-snapshot-identifier {id}-pre-apply',
    restore:
      'aws rds restore-db-instance-from-db-snapshot --db-instance-identifier {id} --db-snapshot-identifier {id}-pre-apply, then terraform import the instance',
  },
  {
    types: ['aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'],
    method: 'RDS cluster snapshot',
    idAttribute: 'cluster_identifier',
    snapshot: 'aws rds create-db-cluster-snapshot --db-cluster-identifier {id} --db-cluster-snapshot-identifier {id}-pre-apply',
    restore:
      'aws rds restore-db-cluster-from-snapshot --db-cluster-identifier {id} --snapshot-identifier {id}-pre-apply --engine <engine>, then terraform import the cluster',
  },
  {
    types: ['aws_dynamodb_table'],
    method: 'DynamoDB on-demand backup',
    idAttribute: 'name',
    snapshot: 'aws dynamodb create-backup --table-name {id} --backup-name {id}-pre-apply',
    restore: 'aws dynamodb restore-table-from-backup --target-table-name {id} --backup-arn <backup-arn>, then terraform import the table',
  },
  {
    types: ['aws_elasticache_replication_group'],
    method: 'ElastiCache snapshot',
    idAttribute: 'replication_group_id',
    snapshot: 'aws elasticache create-snapshot --replication-group-id {id} --snapshot-name {id}-pre-apply',
    restore: 'Create the replication group again with snapshot_name = "{id}-pre-apply"',
  },
  {
    types: ['aws_elasticache_cluster'],
    method: 'ElastiCache snapshot',
    idAttribute: 'cluster_id',
    snapshot: 'aws elasticache create-snapshot --cache-cluster-id {id} --snapshot-name {id}-pre-apply',
    restore: 'Create the cluster again with snapshot_name = "{id}-pre-apply"',
  },
  {
    types: ['aws_ebs_volume'],
    method: 'EBS snapshot',
    idAttribute: 'id',
    size: { attribute: 'size', unit: 'GB' },
    snapshot: 'aws ec2 create-snapshot --volume-id {id} --description "{id} before terraform apply"',
    restore: 'aws ec2 create-volume --snapshot-id <snapshot-id> --availability-zone <zone>, attach it and terraform import the volume',
  },
  {
    types: ['aws_s3_bucket'],
    method: 'S3 object copy; versioning turned on beforehand also keeps them',
    idAttribute: 'bucket',
    snapshot: 'aws s3 sync s3://{id} s3://{id}-pre-apply',
    restore: 'aws s3 sync s3://{id}-pre-apply s3://{id}',
  },
  {
    types: ['aws_efs_file_system', 'aws_fsx_lustre_file_system', 'aws_fsx_ontap_file_system', 'aws_fsx_windows_file_system'],
    method: 'AWS Backup job',
    idAttribute: 'arn',
    snapshot: 'aws backup start-backup-job --backup-vault-name <vault> --resource-arn {id} --iam-role-arn <role-arn>',
    restore: 'aws backup start-restore-job --recovery-point-arn <recovery-point-arn> --iam-role-arn <role-arn> --metadata <metadata>',
  },
  {
    types: ['google_sql_database_instance'],
    method: 'Cloud SQL on-demand backup',
    idAttribute: 'name',
    size: { attribute: 'settings.disk_size', unit: 'GB' },
    snapshot: 'gcloud sql backups create --instance={id} --description=pre-apply',
    restore: 'gcloud sql backups restore <backup-id> --restore-instance={id}',
  },
  {
    types: ['google_compute_disk', 'google_compute_region_disk'],
    method: 'Persistent disk snapshot',
    idAttribute: 'name',
    size: { attribute: 'size', unit: 'GB' },
    snapshot: 'gcloud compute snapshots create {id}-pre-apply --source-disk={id} --source-disk-zone=<zone>',
    restore: 'gcloud compute disks create {id} --source-snapshot={id}-pre-apply --zone=<zone>, then terraform import the disk',
  },
  {
    types: ['google_storage_bucket'],
    method: 'Cloud Storage object copy; object versioning turned on beforehand also keeps them',
    idAttribute: 'name',
    snapshot: 'gcloud storage cp --recursive gs://{id}/* gs://{id}-pre-apply/',
    restore: 'gcloud storage cp --recursive gs://{id}-pre-apply/* gs://{id}/',
  },
  {
    types: ['azurerm_managed_disk'],
    method: 'Managed disk snapshot',
    idAttribute: 'name',
    size: { attribute: 'disk_size_gb', unit: 'GB' },
    snapshot: 'az snapshot create --name {id}-pre-apply --resource-group <resource-group> --source {id}',
    restore: 'az disk create --name {id} --resource-group <resource-group> --source {id}-pre-apply, then terraform import the disk',
  },
  {
    types: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server'],
    method: 'Azure flexible server backup',
    idAttribute: 'name',
    size: { attribute: 'storage_mb', unit: 'MB' },
    snapshot: 'az postgres flexible-server backup create --name {id} --resource-group <resource-group> --backup-name pre-apply (az mysql for MySQL)',
    restore:
      'az postgres flexible-server restore --name {id} --source-server <source-server-id> --restore-time <time before the apply>, then terraform import the server',
  },
  {
    types: ['azurerm_storage_account', 'azurerm_storage_container'],
    method: 'Blob copy with AzCopy',
    idAttribute: 'name',
    snapshot: "azcopy copy 'https://{id}.blob.core.windows.net/*' 'https://<backup-account>.blob.core.windows.net/{id}-pre-apply' --recursive",
    restore: "azcopy copy 'https://<backup-account>.blob.core.windows.net/{id}-pre-apply/*' 'https://{id}.blob.core.windows.net/' --recursive",
  },
  // Per category, for the types above that have no row of their own.
  {
    category: 'database',
    method: 'database backup',
    idAttribute: 'name',
    snapshot: "Take the provider's on-demand backup of {id}, or a logical dump (pg_dump, mysqldump)",
    restore: 'Restore the backup or dump into a new {id} and terraform import it',
  },
  {
    category: 'bucket',
    method: 'object copy',
    idAttribute: 'name',
    snapshot: 'Copy every object of {id} to a bucket outside this plan',
    restore: 'Copy the objects back into the recreated {id}',
  },
  {
    category: 'volume',
    method: 'volume snapshot',
    idAttribute: 'name',
    snapshot: "Snapshot {id} with the provider's snapshot command",
    restore: 'Create a volume from the snapshot and terraform import it',
  },
  {
    category: 'key',
    method: 'none possible: key material cannot be exported',
    idAttribute: 'name',
    snapshot: 'Re-encrypt what {id} protects under another key, or keep the key: a destroyed key cannot be restored after its deletion window',
    restore: 'Cancel the scheduled key deletion while the window is open (aws kms cancel-key-deletion / gcloud kms keys versions restore)',
  },
  {
    category: 'secret',
    method: 'secret value copy',
    idAttribute: 'name',
    snapshot: 'Copy the current value of {id} to the team password store',
    restore: 'Create {id} again with the saved value',
  },
];

/** For a category with no row: what every SRE would do, said plainly. */
export const GENERIC_SNAPSHOT_METHOD: SnapshotMethodEntry = {
  method: 'backup or export',
  idAttribute: 'name',
  snapshot: "Back up or export the data of {id} with its provider's tool",
  restore: 'Restore the backup into a new {id} and terraform import it',
};
