import type { PlanStepInput, PlanWork } from '@migration-architect/core';
import type { TableToMigrate } from './spec-readers.js';
import { rateEstimate, tableSize } from './table-sizes.js';
import { sqlName } from './table-steps.js';
import type { Throughput } from './spec-fields.js';

/** Per-sequence time to read its value on the source and setval it on the target. */
const SEQUENCE_MINUTES_PER_TABLE = 0.25;

/**
 * Share of a critical table's rows assumed changed between the full validation just before the
 * pause and the pause itself, when only those rows are compared in the outage.
 */
export const CHANGED_SINCE_VALIDATION = 0.01;

const PAUSE_MINUTES = 2;
const DRAIN_MINUTES = 5;
const SWITCH_MINUTES = 3;

/** `'orders'`, as an SQL string literal. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const envName = (table: string) => table.replace(/\W/g, '_').toUpperCase();
/** One shell word, single-quoted. */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The repair a DBA makes when comparing the critical tables in full would overrun the downtime
 * budget: compare them in full before the pause, while writes still run, noting where that
 * comparison stopped (the time, or the highest key); in the outage compare only what changed
 * since (rows with `changed_at_column` at or after that time, or keys above that key).
 */
function repairedComparison(critical: TableToMigrate[], tp: Required<Throughput>, phases: string[]): { before: PlanStepInput; during: PlanStepInput } {
  const rows = critical.reduce((sum, t) => sum + (tableSize(t).rows ?? 0), 0);
  const full = rateEstimate(rows * 2, 'rows', tp.validation_rows_per_second, 'validation_rows_per_second', 'both sides, writes still running');
  const changed = rateEstimate(
    Math.ceil(rows * CHANGED_SINCE_VALIDATION) * 2,
    'rows',
    tp.validation_rows_per_second,
    'validation_rows_per_second',
    `assumed: ${CHANGED_SINCE_VALIDATION * 100}% of the rows changed since the validation, both sides`,
  );
  const mark = (t: TableToMigrate) =>
    t.changedAtColumn
      ? `export VALIDATED_AT_${envName(t.name)}="$(psql "$SOURCE_DATABASE_URL" -AtX -c "SELECT now() - interval '5 minutes'")"  # 5 min margin for application clocks behind the database's`
      : `export MAX_KEY_${envName(t.name)}="$(psql "$SOURCE_DATABASE_URL" -AtX -c ${shellQuote(`SELECT max(${sqlName(t.primaryKey![0]!)}) FROM ${sqlName(t.name)}`)})"`;
  const since = (t: TableToMigrate) =>
    t.changedAtColumn
      ? `${sqlName(t.changedAtColumn)} >= :'validated_at_${envName(t.name).toLowerCase()}'`
      : `${sqlName(t.primaryKey![0]!)} > :'max_key_${envName(t.name).toLowerCase()}'`;
  const variables = critical
    .map((t) =>
      t.changedAtColumn
        ? `-v validated_at_${envName(t.name).toLowerCase()}="$VALIDATED_AT_${envName(t.name)}"`
        : `-v max_key_${envName(t.name).toLowerCase()}="$MAX_KEY_${envName(t.name)}"`,
    )
    .join(' ');
  return {
    before: {
      key: 'cutover-validate-critical',
      phases,
      name: `Validate the critical tables in full before the pause (${critical.map((t) => t.name).join(', ')})`,
      description:
        'Comparing them in full while writes are stopped would overrun the downtime budget: compare every row now, while traffic runs, and note where the comparison stopped (the time, or the highest key) so the outage compares only what changed since',
      minutes: full.minutes,
      estimate: full.estimate,
      scriptType: 'bash',
      script: critical
        .flatMap((t) => [
          mark(t),
          `migration-architect reconcile --source "$SOURCE_DATABASE_URL" --target "$TARGET_DATABASE_URL" --table ${shellQuote(t.name)} --level rows -o reconcile-before-cutover-${t.name.replace(/[^\w.-]/g, '_')}.json  # differences within the replication lag are compared again in the outage`,
        ])
        .join('\n'),
    },
    during: {
      key: 'cutover-compare-changed',
      phases,
      name: `Compare the rows changed since the validation (${critical.map((t) => t.name).join(', ')})`,
      description: `Only the rows written since the full validation, by ${critical.map((t) => (t.changedAtColumn ? `${t.name}.${t.changedAtColumn}` : `${t.name} key range`)).join(', ')}: they must match on both sides before the switch. A key range sees inserts only, and a changed_at column no deletes: reconcile in full after the resume catches those, with the fix SQL`,
      minutes: changed.minutes,
      estimate: changed.estimate,
      downtime: true,
      scriptType: 'sql',
      script: [
        `-- psql ${variables}, on source and target: both results must match`,
        ...critical.map(
          (t) => `SELECT ${literal(t.name)} AS table_name, count(*), sum(hashtext(t::text)::bigint) AS checksum FROM ${sqlName(t.name)} t WHERE ${since(t)};`,
        ),
      ].join('\n'),
    },
  };
}

/**
 * The cutover, step by step. From the pause to the resume, writes stop: those steps are the
 * outage the plan sizes against max_downtime_minutes and places in the migration window. The
 * critical tables' counts are compared inside it, because after the resume they diverge.
 * Deployment values are environment variables ($PGBOUNCER_DATABASE, $TARGET_HOST, ...): a plan
 * holds no {placeholders}.
 */
export function cutoverSteps(
  tables: TableToMigrate[],
  tp: Required<Throughput>,
  replicated: boolean,
  maxDowntimeMinutes: number | null = null,
  warnings: NonNullable<PlanWork['warnings']> = [],
): PlanStepInput[] {
  const phases = ['cutover'];
  const critical = tables.filter((t) => t.critical);
  const criticalRows = critical.reduce((sum, t) => sum + (tableSize(t).rows ?? 0), 0);
  const count = rateEstimate(criticalRows * 2, 'rows', tp.validation_rows_per_second, 'validation_rows_per_second', 'count(*) on both sides');
  const sequences = Math.max(1, tables.length) * SEQUENCE_MINUTES_PER_TABLE;
  const outage = PAUSE_MINUTES + (replicated ? DRAIN_MINUTES : 0) + sequences + count.minutes + SWITCH_MINUTES;
  const overBudget = critical.length > 0 && maxDowntimeMinutes !== null && outage > maxDowntimeMinutes;
  // A key range needs one ordered key column; a composite key is compared by changed_at only.
  const unkeyed = critical.filter((t) => !t.changedAtColumn && t.primaryKey?.length !== 1);
  const repair = overBudget && unkeyed.length === 0 ? repairedComparison(critical, tp, phases) : null;
  if (overBudget && unkeyed.length) {
    warnings.push({
      code: 'cutover-comparison-not-repairable',
      message: `comparing ${unkeyed.map((t) => t.name).join(', ')} in full while writes are stopped overruns constraints.max_downtime_minutes; give changed_at_column (or a one-column primary_key) so only the rows changed since a validation before the pause are compared`,
      path: unkeyed[0]!.path,
    });
  }
  const steps: PlanStepInput[] = [
    ...(repair ? [repair.before] : []),
    {
      key: 'cutover-pause-writes',
      phases,
      name: 'Stop writes: pause the connection pool',
      description: 'PAUSE in PgBouncer waits for running transactions and holds new ones: the outage starts',
      minutes: PAUSE_MINUTES,
      estimate: `${PAUSE_MINUTES} min (assumed: PAUSE waits for in-flight transactions; keep them short)`,
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
      minutes: DRAIN_MINUTES,
      estimate: `${DRAIN_MINUTES} min (assumed: lag measured in seconds before the cutover starts; do not start the cutover otherwise)`,
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
  if (repair) steps.push(repair.during);
  else if (critical.length) {
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
      minutes: SWITCH_MINUTES,
      estimate: `${SWITCH_MINUTES} min (assumed: edit, RELOAD, RESUME)`,
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
