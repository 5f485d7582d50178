import { DATABASE, type MigrationTypeInput } from '../contribution-types.js';
import { dataRecoveryPlan } from './data-recovery-plan.js';
import { databaseEscalationMatrix } from './escalation-matrix.js';
import { databaseFacts } from './facts.js';
import { scopedDataRecovery } from './scoped-data-recovery.js';
import { databaseSpecFields } from './spec-fields.js';

/**
 * Runnable catalog queries that show the database is back in a consistent state: each one
 * should return 0 or no rows (the slots query: only slots you expect, none inactive).
 */
export const DATABASE_VALIDATION_COMMANDS = [
  'SELECT indexrelid::regclass AS invalid_index FROM pg_index WHERE NOT indisvalid;',
  'SELECT conrelid::regclass AS table_name, conname FROM pg_constraint WHERE NOT convalidated;',
  "SELECT pid, wait_event_type, wait_event, now() - xact_start AS xact_age, left(query, 80) AS query FROM pg_stat_activity WHERE wait_event_type = 'Lock';",
  "SELECT count(*) AS migration_sessions FROM pg_stat_activity WHERE application_name LIKE 'migration\\_%' AND pid <> pg_backend_pid();",
  'SELECT slot_name, active, pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS retained_wal FROM pg_replication_slots;',
  'SELECT relname, n_live_tup, n_dead_tup, last_analyze, last_autoanalyze FROM pg_stat_user_tables ORDER BY n_live_tup DESC LIMIT 20;',
];

export const databaseMigrationType: MigrationTypeInput = {
  id: DATABASE,
  title: 'Database migration',
  specFields: databaseSpecFields,
  description:
    'Schema changes and data moves on PostgreSQL: expand/contract schema evolution, logical-replication data migrations, version upgrades and cloud moves.',
  defaultPlan: {
    phases: ['preparation', 'migration', 'validation', 'cutover'],
    baseDurationHours: 48,
    // The seed applied a flat 1.5 whatever the complexity; this follows the schema_change curve.
    complexityMultiplier: { low: 1.0, medium: 1.5, high: 2.5, critical: 4.0 },
  },
  successCriteria: [
    'All data successfully migrated with 100% integrity',
    'Row counts and checksums match between source and target for every migrated table',
    'No invalid indexes or unvalidated constraints remain',
    'System performance meets or exceeds baseline (top queries in pg_stat_statements within baseline latency)',
    'All business processes functioning normally',
    'No critical security vulnerabilities introduced; roles and grants as before',
    'Stakeholder acceptance criteria met',
    'Documentation and runbooks updated',
  ],
  stakeholders: ['Business Owner', 'Technical Lead', 'DBA Team', 'DevOps Team', 'QA Team', 'Security Team', 'Owners of dependent applications', 'End Users'],
  validationCommands: DATABASE_VALIDATION_COMMANDS,
  validationChecklist: [
    'Validate database schema matches expected state',
    'Confirm referential integrity constraints',
    'Check database performance metrics',
    'Verify data consistency across related tables',
    'Validate indexes and statistics are optimal',
    'Confirm transaction logs are clean',
    'Check database connections and connection pooling',
    'Confirm no INVALID indexes remain (pg_index.indisvalid)',
    'Confirm every constraint is validated (pg_constraint.convalidated)',
    'Check sequences are ahead of the largest key in their tables',
    'Check no inactive replication slot is retaining WAL',
    'Refresh planner statistics (ANALYZE) on every table touched',
  ],
  dataRecoveryPlan,
  escalationMatrix: databaseEscalationMatrix,
  facts: databaseFacts,
  dataRecovery: scopedDataRecovery,
};
