import type { SpecFact } from '@migration-architect/core';
import { DATABASE, type RiskTemplateInput } from '../contribution-types.js';
import { LARGE_TABLE_ROWS } from './facts.js';

const LARGE_TABLE_ROWS_TEXT = LARGE_TABLE_ROWS.toLocaleString('en-US');

/** A risk's condition as the facts that raise it (core's or this type's, see facts.ts). */
const raisedBy =
  (...ids: string[]) =>
  (_spec: unknown, facts: SpecFact[]) =>
    facts.filter((f) => ids.includes(f.id));

export const databaseRisks: RiskTemplateInput[] = [
  {
    id: 'data-corruption',
    type: DATABASE,
    category: 'technical',
    description: 'Data corruption during migration',
    probability: 'low',
    impact: 'critical',
    severity: 'high',
    mitigation: 'Take a verified base backup and pg_dump, record a restore point, and compare row counts and checksums after every phase',
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
    mitigation: 'Expand/contract with online DDL only, logical replication for data moves, and a cutover that pauses the connection pool for seconds',
    owner: 'DBA Team',
    condition: 'constraints.max_downtime_minutes is under 60',
    when: raisedBy('zero-downtime'),
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
    when: raisedBy('large-data-volume'),
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
    when: raisedBy('compliance'),
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
    when: raisedBy('large-table'),
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
    when: raisedBy('table-rewrite'),
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
    when: raisedBy('adds-constraint'),
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
    when: raisedBy('major-version-change'),
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
  {
    id: 'cross-region-transfer',
    type: DATABASE,
    category: 'technical',
    description:
      'Cross-region move: latency and egress slow the copy and the replication, and clients left in the old region pay a round trip per query after cutover',
    probability: 'high',
    impact: 'medium',
    severity: 'medium',
    mitigation:
      'Measure copy throughput between the regions in the rehearsal and set throughput.copy_mb_per_second from it, move the application with (or before) the database, and budget the egress',
    owner: 'DBA Team',
    condition: 'source and target name different cloud regions',
    when: raisedBy('cross-region'),
  },
];
