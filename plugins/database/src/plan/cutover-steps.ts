import type { PlanStepInput } from '@migration-architect/core';
import type { TableToMigrate } from './spec-readers.js';
import { rateEstimate, tableSize } from './table-sizes.js';
import { sqlName } from './table-steps.js';
import type { Throughput } from './spec-fields.js';

/** Per-sequence time to read its value on the source and setval it on the target. */
const SEQUENCE_MINUTES_PER_TABLE = 0.25;

/**
 * The cutover, step by step. From the pause to the resume, writes stop: those steps are the
 * outage the plan sizes against max_downtime_minutes and places in the migration window. The
 * critical tables' counts are compared inside it, because after the resume they diverge.
 * Deployment values are environment variables ($PGBOUNCER_DATABASE, $TARGET_HOST, ...): a plan
 * holds no {placeholders}.
 */
export function cutoverSteps(tables: TableToMigrate[], tp: Required<Throughput>, replicated: boolean): PlanStepInput[] {
  const phases = ['cutover'];
  const critical = tables.filter((t) => t.critical);
  const criticalRows = critical.reduce((sum, t) => sum + (tableSize(t).rows ?? 0), 0);
  const count = rateEstimate(criticalRows * 2, 'rows', tp.validation_rows_per_second, 'validation_rows_per_second', 'count(*) on both sides');
  const sequences = Math.max(1, tables.length) * SEQUENCE_MINUTES_PER_TABLE;
  const steps: PlanStepInput[] = [
    {
      key: 'cutover-pause-writes',
      phases,
      name: 'Stop writes: pause the connection pool',
      description: 'PAUSE in PgBouncer waits for running transactions and holds new ones: the outage starts',
      minutes: 2,
      estimate: '2 min (assumed: PAUSE waits for in-flight transactions; keep them short)',
      downtime: true,
      scriptType: 'bash',
      script: `psql "$PGBOUNCER_ADMIN_URL" -c "PAUSE $PGBOUNCER_DATABASE;"`,
      validation: `psql "$PGBOUNCER_ADMIN_URL" -c 'SHOW POOLS;'`,
      rollback: {
        name: 'Resume writes on the source',
        description: 'RESUME the pool pointed at the source: nothing was switched yet',
        scriptType: 'bash',
        script: `psql "$PGBOUNCER_ADMIN_URL" -c "RESUME $PGBOUNCER_DATABASE;"`,
        minutes: 1,
      },
    },
  ];
  if (replicated) {
    steps.push({
      key: 'cutover-drain-replication',
      phases,
      name: 'Wait for replication to catch up',
      description: 'With writes stopped, the target applies the last changes; lag must be zero before the switch',
      minutes: 5,
      estimate: '5 min (assumed: lag measured in seconds before the cutover starts; do not start the cutover otherwise)',
      downtime: true,
      scriptType: 'sql',
      script:
        "SELECT subname, received_lsn, latest_end_lsn, now() - last_msg_receipt_time AS since_last_message FROM pg_stat_subscription WHERE subname = 'migration_sub';  -- on the target",
    });
  }
  steps.push({
    key: 'cutover-copy-sequences',
    phases,
    name: 'Copy sequence values to the target',
    description: 'Logical replication and data-only copies do not carry sequences: set each one past the source value',
    minutes: sequences,
    estimate: `${Math.max(1, tables.length)} table(s) × ${SEQUENCE_MINUTES_PER_TABLE} min = ${sequences} min (assumed per sequence)`,
    downtime: true,
    scriptType: 'bash',
    script: `psql "$SOURCE_DATABASE_URL" -AtX -c "SELECT format('SELECT setval(%L, %s, true);', quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value) FROM pg_sequences WHERE last_value IS NOT NULL" | psql "$TARGET_DATABASE_URL" -v ON_ERROR_STOP=1`,
    validation: 'SELECT schemaname, sequencename, last_value FROM pg_sequences ORDER BY 1, 2;  -- target at or past source',
  });
  if (critical.length) {
    steps.push({
      key: 'cutover-count-critical',
      phases,
      name: `Compare row counts of the critical tables (${critical.map((t) => t.name).join(', ')})`,
      description: 'The last moment source and target must agree exactly: after the resume the source is behind by design',
      minutes: count.minutes,
      estimate: count.estimate,
      downtime: true,
      scriptType: 'sql',
      script:
        critical.map((t) => `SELECT '${t.name.replace(/'/g, "''")}' AS table_name, count(*) FROM ${sqlName(t.name)};`).join('\n') + '  -- on source and target',
    });
  }
  steps.push(
    {
      key: 'cutover-switch',
      phases,
      name: 'Point the pool at the target and resume',
      description: "Change the pool's database entry to the target and RESUME: the outage ends",
      minutes: 3,
      estimate: '3 min (assumed: edit, RELOAD, RESUME)',
      downtime: true,
      scriptType: 'bash',
      script: [
        `sed -i.bak "s|^$PGBOUNCER_DATABASE = .*|$PGBOUNCER_DATABASE = host=$TARGET_HOST port=5432 dbname=$TARGET_DATABASE|" /etc/pgbouncer/pgbouncer.ini`,
        `psql "$PGBOUNCER_ADMIN_URL" -c 'RELOAD;' -c "RESUME $PGBOUNCER_DATABASE;"`,
      ].join('\n'),
      validation: 'SELECT inet_server_addr(), current_database();  -- through the pool',
    },
    {
      key: 'cutover-watch',
      phases,
      name: 'Watch error rates, latency and lock waits',
      description: 'The first minutes on the target decide whether to roll back: compare with the baseline',
      minutes: 15,
      estimate: '15 min (assumed observation)',
      scriptType: 'sql',
      script: "SELECT wait_event_type, count(*) FROM pg_stat_activity WHERE state <> 'idle' GROUP BY 1;",
    },
  );
  return steps;
}
