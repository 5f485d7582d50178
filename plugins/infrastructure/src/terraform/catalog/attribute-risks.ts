import type { AttributeRiskEntry } from './terraform-catalog.js';

const OPEN_CIDRS = ['0.0.0.0/0', '::/0'];

/**
 * Attributes whose in-place change causes downtime or data risk: the AWS, Google Cloud and Azure
 * core set (provider docs: "Changing this ... causes a reboot / outage / cannot be undone").
 * Extended by the plugin's `terraform.attributes` option.
 */
export const BUILTIN_ATTRIBUTE_RISKS: AttributeRiskEntry[] = [
  // Engine major versions: a major upgrade takes the database down and cannot be downgraded in place.
  {
    types: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_elasticache_replication_group', 'aws_elasticache_cluster', 'aws_mq_broker', 'aws_opensearch_domain', 'aws_memorydb_cluster'],
    attribute: 'engine_version',
    risk: 'engine-major-version',
    test: 'major-version',
  },
  { types: ['aws_elasticsearch_domain'], attribute: 'elasticsearch_version', risk: 'engine-major-version', test: 'major-version' },
  { types: ['aws_msk_cluster'], attribute: 'kafka_version', risk: 'engine-major-version', test: 'major-version' },
  { types: ['aws_eks_cluster'], attribute: 'version', risk: 'engine-major-version', test: 'major-version' },
  { types: ['google_sql_database_instance'], attribute: 'database_version', risk: 'engine-major-version', test: 'major-version' },
  { types: ['google_redis_instance'], attribute: 'redis_version', risk: 'engine-major-version', test: 'major-version' },
  { types: ['google_container_cluster'], attribute: 'min_master_version', risk: 'engine-major-version', test: 'major-version' },
  {
    types: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mssql_server'],
    attribute: 'version',
    risk: 'engine-major-version',
    test: 'major-version',
  },
  { types: ['azurerm_kubernetes_cluster'], attribute: 'kubernetes_version', risk: 'engine-major-version', test: 'major-version' },
  // Instance classes: the instance restarts (at once, or in the next maintenance window).
  { types: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_docdb_cluster_instance', 'aws_neptune_cluster_instance'], attribute: 'instance_class', risk: 'instance-class', test: 'changed' },
  { types: ['aws_rds_cluster'], attribute: 'db_cluster_instance_class', risk: 'instance-class', test: 'changed' },
  { types: ['aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_redshift_cluster', 'aws_memorydb_cluster'], attribute: 'node_type', risk: 'instance-class', test: 'changed' },
  { types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'], attribute: 'cluster_config.instance_type', risk: 'instance-class', test: 'changed' },
  { types: ['aws_mq_broker'], attribute: 'host_instance_type', risk: 'instance-class', test: 'changed' },
  { types: ['aws_instance'], attribute: 'instance_type', risk: 'instance-class', test: 'changed' },
  { types: ['google_sql_database_instance'], attribute: 'settings.tier', risk: 'instance-class', test: 'changed' },
  { types: ['google_compute_instance'], attribute: 'machine_type', risk: 'instance-class', test: 'changed' },
  { types: ['google_redis_instance'], attribute: 'tier', risk: 'instance-class', test: 'changed' },
  { types: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mssql_database', 'azurerm_redis_cache'], attribute: 'sku_name', risk: 'instance-class', test: 'changed' },
  // Storage types: the volume is migrated, with degraded I/O for hours.
  { types: ['aws_db_instance', 'aws_rds_cluster'], attribute: 'storage_type', risk: 'storage-type', test: 'changed' },
  { types: ['aws_ebs_volume'], attribute: 'type', risk: 'storage-type', test: 'changed' },
  { types: ['google_sql_database_instance'], attribute: 'settings.disk_type', risk: 'storage-type', test: 'changed' },
  { types: ['google_compute_disk'], attribute: 'type', risk: 'storage-type', test: 'changed' },
  { types: ['azurerm_managed_disk'], attribute: 'storage_account_type', risk: 'storage-type', test: 'changed' },
  { types: ['azurerm_storage_account'], attribute: 'account_replication_type', risk: 'storage-type', test: 'changed' },
  // Encryption turned off.
  { types: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'], attribute: 'storage_encrypted', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['aws_ebs_volume', 'aws_efs_file_system', 'aws_redshift_cluster'], attribute: 'encrypted', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['aws_elasticache_replication_group'], attribute: 'at_rest_encryption_enabled', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['aws_elasticache_replication_group'], attribute: 'transit_encryption_enabled', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['aws_sqs_queue'], attribute: 'sqs_managed_sse_enabled', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['aws_opensearch_domain', 'aws_elasticsearch_domain'], attribute: 'encrypt_at_rest.enabled', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['azurerm_storage_account'], attribute: 'https_traffic_only_enabled', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['azurerm_storage_account'], attribute: 'enable_https_traffic_only', risk: 'encryption-disabled', test: 'turned-off' },
  { types: ['google_sql_database_instance'], attribute: 'settings.ip_configuration.require_ssl', risk: 'encryption-disabled', test: 'turned-off' },
  // Deletion protection removed: the next plan may destroy the resource without a guard.
  {
    types: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'google_sql_database_instance', 'google_container_cluster', 'google_bigquery_table', 'google_spanner_database', 'google_alloydb_cluster'],
    attribute: 'deletion_protection',
    risk: 'deletion-protection-removed',
    test: 'turned-off',
  },
  { types: ['aws_dynamodb_table', 'azurerm_mssql_server'], attribute: 'deletion_protection_enabled', risk: 'deletion-protection-removed', test: 'turned-off' },
  { types: ['aws_lb', 'aws_alb'], attribute: 'enable_deletion_protection', risk: 'deletion-protection-removed', test: 'turned-off' },
  { types: ['aws_instance'], attribute: 'disable_api_termination', risk: 'deletion-protection-removed', test: 'turned-off' },
  { types: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_redshift_cluster'], attribute: 'skip_final_snapshot', risk: 'deletion-protection-removed', test: 'turned-on' },
  { types: ['aws_s3_bucket', 'aws_ecr_repository'], attribute: 'force_destroy', risk: 'deletion-protection-removed', test: 'turned-on' },
  { types: ['aws_ecr_repository'], attribute: 'force_delete', risk: 'deletion-protection-removed', test: 'turned-on' },
  { types: ['azurerm_key_vault'], attribute: 'purge_protection_enabled', risk: 'deletion-protection-removed', test: 'turned-off' },
  // Backups lowered or turned off.
  { types: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'], attribute: 'backup_retention_period', risk: 'backup-retention-lowered', test: 'lowered' },
  { types: ['aws_elasticache_cluster', 'aws_elasticache_replication_group', 'aws_memorydb_cluster'], attribute: 'snapshot_retention_limit', risk: 'backup-retention-lowered', test: 'lowered' },
  { types: ['aws_redshift_cluster'], attribute: 'automated_snapshot_retention_period', risk: 'backup-retention-lowered', test: 'lowered' },
  { types: ['aws_dynamodb_table'], attribute: 'point_in_time_recovery.enabled', risk: 'backup-retention-lowered', test: 'turned-off' },
  { types: ['google_sql_database_instance'], attribute: 'settings.backup_configuration.enabled', risk: 'backup-retention-lowered', test: 'turned-off' },
  { types: ['google_sql_database_instance'], attribute: 'settings.backup_configuration.point_in_time_recovery_enabled', risk: 'backup-retention-lowered', test: 'turned-off' },
  { types: ['google_sql_database_instance'], attribute: 'settings.backup_configuration.transaction_log_retention_days', risk: 'backup-retention-lowered', test: 'lowered' },
  { types: ['azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'azurerm_postgresql_server', 'azurerm_mysql_server'], attribute: 'backup_retention_days', risk: 'backup-retention-lowered', test: 'lowered' },
  { types: ['aws_s3_bucket_versioning'], attribute: 'versioning_configuration.status', risk: 'backup-retention-lowered', test: 'changed' },
  { types: ['aws_cloudwatch_log_group'], attribute: 'retention_in_days', risk: 'backup-retention-lowered', test: 'lowered' },
  // Public access opened.
  { types: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_redshift_cluster'], attribute: 'publicly_accessible', risk: 'public-access-opened', test: 'turned-on' },
  {
    types: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
    attribute: 'block_public_acls',
    risk: 'public-access-opened',
    test: 'turned-off',
  },
  { types: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'], attribute: 'block_public_policy', risk: 'public-access-opened', test: 'turned-off' },
  { types: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'], attribute: 'restrict_public_buckets', risk: 'public-access-opened', test: 'turned-off' },
  { types: ['aws_s3_bucket_acl', 'aws_s3_bucket'], attribute: 'acl', risk: 'public-access-opened', test: 'public-value', publicValues: ['public-read', 'public-read-write', 'authenticated-read'] },
  { types: ['aws_security_group'], attribute: 'ingress.cidr_blocks', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS },
  // Rule resources: only ingress opens access (an egress rule to 0.0.0.0/0 is ordinary).
  { types: ['aws_security_group_rule'], attribute: 'cidr_blocks', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS, where: { attribute: 'type', equals: 'ingress' } },
  { types: ['aws_security_group_rule'], attribute: 'ipv6_cidr_blocks', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS, where: { attribute: 'type', equals: 'ingress' } },
  { types: ['aws_security_group'], attribute: 'ingress.ipv6_cidr_blocks', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS },
  { types: ['aws_vpc_security_group_ingress_rule'], attribute: 'cidr_ipv6', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS },
  { types: ['aws_vpc_security_group_ingress_rule'], attribute: 'cidr_ipv4', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS },
  { types: ['aws_eks_cluster'], attribute: 'vpc_config.endpoint_public_access', risk: 'public-access-opened', test: 'turned-on' },
  { types: ['google_compute_firewall'], attribute: 'source_ranges', risk: 'public-access-opened', test: 'public-value', publicValues: OPEN_CIDRS, where: { attribute: 'direction', equals: 'INGRESS' } },
  { types: ['google_sql_database_instance'], attribute: 'settings.ip_configuration.ipv4_enabled', risk: 'public-access-opened', test: 'turned-on' },
  {
    types: ['google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding', 'google_project_iam_member', 'google_cloud_run_service_iam_member'],
    attribute: 'member',
    risk: 'public-access-opened',
    test: 'public-value',
    publicValues: ['allUsers', 'allAuthenticatedUsers'],
  },
  { types: ['google_storage_bucket_iam_binding'], attribute: 'members', risk: 'public-access-opened', test: 'public-value', publicValues: ['allUsers', 'allAuthenticatedUsers'] },
  { types: ['azurerm_storage_account'], attribute: 'allow_nested_items_to_be_public', risk: 'public-access-opened', test: 'turned-on' },
  {
    types: ['azurerm_storage_account', 'azurerm_postgresql_flexible_server', 'azurerm_mssql_server', 'azurerm_key_vault', 'azurerm_cosmosdb_account'],
    attribute: 'public_network_access_enabled',
    risk: 'public-access-opened',
    test: 'turned-on',
  },
  {
    types: ['azurerm_network_security_rule'],
    attribute: 'source_address_prefix',
    risk: 'public-access-opened',
    test: 'public-value',
    publicValues: ['*', 'Internet', '0.0.0.0/0'],
    where: { attribute: 'direction', equals: 'Inbound' },
  },
  // Firewall rules removed inside a resource (a rule resource deleted is its own rule).
  { types: ['aws_security_group'], attribute: 'ingress', risk: 'firewall-rules-removed', test: 'entries-removed' },
  { types: ['aws_security_group'], attribute: 'egress', risk: 'firewall-rules-removed', test: 'entries-removed' },
  { types: ['aws_network_acl'], attribute: 'ingress', risk: 'firewall-rules-removed', test: 'entries-removed' },
  { types: ['google_compute_firewall'], attribute: 'allow', risk: 'firewall-rules-removed', test: 'entries-removed' },
  { types: ['azurerm_network_security_group'], attribute: 'security_rule', risk: 'firewall-rules-removed', test: 'entries-removed' },
];
