import { specConstraints, type MigrationSpec } from '@migration-architect/core';
import { DATABASE, type RiskTemplateInput } from '../contribution-types.js';
import { parseColumnType } from '../schema/column-type.js';
import { compareColumnTypes } from '../schema/type-compatibility.js';
import {
  postgresMajorVersion,
  schemaChanges,
  tablesToMigrate,
  type SpecSchemaChange,
} from './spec-readers.js';

/** Rows above which backfills, index builds and validations run for hours. */
export const LARGE_TABLE_ROWS = 10_000_000;
const LARGE_TABLE_ROWS_TEXT = '10,000,000';

const TYPE_CHANGES = new Set(['modify_column', 'alter_column', 'change_type', 'change_column_type']);

/** A declared type change rewrites the table unless both types are given and PostgreSQL can skip the rewrite. */
function rewritesTable(change: SpecSchemaChange): boolean {
  if (!TYPE_CHANGES.has(change.type)) return false;
  if (!change.oldType || !change.newType) return true;
  return compareColumnTypes(parseColumnType(change.oldType).type, parseColumnType(change.newType).type).rewritesTable;
}

function majorVersionChanges(spec: MigrationSpec): boolean {
  const from = postgresMajorVersion(spec.source);
  const to = postgresMajorVersion(spec.target);
  return from !== null && to !== null && from !== to;
}

export const databaseRisks: RiskTemplateInput[] = [
  {
    id: 'data-corruption',
    type: DATABASE,
    category: 'technical',
    description: 'Data corruption during migration',
    probability: 'low',
    impact: 'critical',
    severity: 'high',
    mitigation:
      'Take a verified base backup and pg_dump, record a restore point, and compare row counts and checksums after every phase',
    owner: 'DBA Team',
  },
  {
    id: 'extended-downtime',
    type: DATABASE,
    category: 'technical',
    description: 'Extended downtime due to migration complexity (locks held by DDL, long rewrites)',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Use online techniques only (CONCURRENTLY, NOT VALID then VALIDATE, batched backfills, logical replication), set lock_timeout on every DDL, and rehearse on production-sized data',
    owner: 'DevOps Team',
  },
  {
    id: 'business-disruption',
    type: DATABASE,
    category: 'business',
    description: 'Business process disruption',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation: 'Communicate the timeline, schedule heavy steps outside critical business hours and provide alternate workflows',
    owner: 'Business Owner',
  },
  {
    id: 'insufficient-rollback-testing',
    type: DATABASE,
    category: 'operational',
    description: 'Insufficient rollback testing',
    probability: 'high',
    impact: 'critical',
    severity: 'critical',
    mitigation: 'Execute the full rollback runbook in staging, including a restore from the pre-migration backup, and time it',
    owner: 'QA Team',
  },
  {
    id: 'zero-downtime-requirement',
    type: DATABASE,
    category: 'business',
    description: 'Zero-downtime requirement: no window for locking DDL or an offline copy',
    probability: 'high',
    impact: 'medium',
    severity: 'high',
    mitigation:
      'Expand/contract with online DDL only, logical replication for data moves, and a cutover that pauses the connection pool for seconds',
    owner: 'DBA Team',
    condition: 'constraints.max_downtime_minutes is under 60',
    when: (spec) => specConstraints(spec).maxDowntimeMinutes < 60,
  },
  {
    id: 'large-data-volume',
    type: DATABASE,
    category: 'technical',
    description: 'Large data volumes may cause extended migration time (copy, backfill, validation and index builds)',
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation:
      'Copy with parallel jobs or logical replication, backfill in throttled batches, validate with checksums by key range, and monitor progress per table',
    owner: 'Data Team',
    condition: 'constraints.data_volume_gb is over 5,000',
    when: (spec) => specConstraints(spec).dataVolumeGb > 5000,
  },
  {
    id: 'regulatory-compliance',
    type: DATABASE,
    category: 'compliance',
    description: 'Regulatory compliance requirements apply to data in transit, migration copies and backups',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Encrypt replication and backups, restrict and audit access to dumps and migration_meta copies, delete them when retention ends, and keep an audit trail of every change',
    owner: 'Compliance Team',
    condition: 'constraints.compliance_requirements is not empty',
    when: (spec) => specConstraints(spec).complianceRequirements.length > 0,
  },
  {
    id: 'long-running-backfill',
    type: DATABASE,
    category: 'technical',
    description: `Tables over ${LARGE_TABLE_ROWS_TEXT} rows: backfills, index builds and constraint validation run for hours, holding locks, WAL and replication lag longer`,
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Backfill by primary-key range with pauses, build indexes CONCURRENTLY, VALIDATE constraints separately, and watch WAL volume and replication lag',
    owner: 'DBA Team',
    condition: `tables_to_migrate lists a table with row_count over ${LARGE_TABLE_ROWS_TEXT}`,
    when: (spec) => tablesToMigrate(spec).some((t) => (t.rowCount ?? 0) > LARGE_TABLE_ROWS),
  },
  {
    id: 'table-rewrite-lock',
    type: DATABASE,
    category: 'technical',
    description: 'A column type change rewrites its table under an ACCESS EXCLUSIVE lock, blocking reads and writes for the duration',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'Convert through a new column (add, dual-write, backfill in batches, swap) instead of ALTER … TYPE, or schedule the rewrite in a maintenance window',
    owner: 'DBA Team',
    condition:
      'schema_changes has a modify_column whose old_type → new_type makes PostgreSQL rewrite the table (varchar → text or a longer varchar does not), or whose types are not given',
    when: (spec) => schemaChanges(spec).some(rewritesTable),
  },
  {
    id: 'constraint-validation',
    type: DATABASE,
    category: 'technical',
    description: 'New constraints may fail on existing rows, and validating them scans whole tables',
    probability: 'medium',
    impact: 'medium',
    severity: 'medium',
    mitigation:
      'Count violating rows first; add CHECK and FOREIGN KEY constraints NOT VALID and VALIDATE them separately; build unique indexes CONCURRENTLY and attach them',
    owner: 'DBA Team',
    condition: 'schema_changes has an add_constraint',
    when: (spec) => schemaChanges(spec).some((c) => c.type === 'add_constraint'),
  },
  {
    id: 'major-version-upgrade',
    type: DATABASE,
    category: 'technical',
    description: 'PostgreSQL major version change: planner statistics, extension versions and collation behaviour differ between versions',
    probability: 'medium',
    impact: 'high',
    severity: 'high',
    mitigation:
      'ANALYZE every database after the move, ALTER EXTENSION … UPDATE, compare collation versions and REINDEX text indexes if the collation library changed, and test the top queries on the new version',
    owner: 'DBA Team',
    condition: 'source and target name different PostgreSQL major versions',
    when: majorVersionChanges,
  },
  {
    id: 'replication-slot-wal-retention',
    type: DATABASE,
    category: 'operational',
    description: 'A stalled logical replication slot retains WAL until the source disk fills',
    probability: 'medium',
    impact: 'critical',
    severity: 'high',
    mitigation:
      'Alert on retained WAL (pg_replication_slots), set max_slot_wal_keep_size (PostgreSQL 13+), and drop the slot as soon as the migration is finished or abandoned',
    owner: 'DBA Team',
    condition: 'pattern is data_migration (logical replication)',
    when: (spec) => spec.pattern === 'data_migration',
  },
];
