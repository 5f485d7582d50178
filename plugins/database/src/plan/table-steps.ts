import { groupedNumber } from '@migration-architect/core';
import type { MigrationSpec, PlanStepInput, PlanWork } from '@migration-architect/core';
import { quoteIdentifier } from '../sql/identifier.js';
import { splitQualifiedName } from '../schema/json-schema-loader.js';
import type { TableToMigrate } from './spec-readers.js';
import { describeTable, rateEstimate, tableSize } from './table-sizes.js';
import { MIGRATION_META_SQL } from './migration-meta-sql.js';
import type { Throughput } from './spec-fields.js';

type Warnings = NonNullable<PlanWork['warnings']>;

export function sqlName(table: string): string {
  const { schema, name } = splitQualifiedName(table);
  return schema ? `${quoteIdentifier(schema)}.${quoteIdentifier(name)}` : quoteIdentifier(name);
}

const subject = (table: TableToMigrate) => {
  const size = tableSize(table);
  return { kind: 'table', name: table.name, detail: describeTable(table, size) };
};

/** Backups sized from the data volume (or the tables), and the row-count snapshot validation compares with. */
export function preparationSteps(spec: MigrationSpec, tables: TableToMigrate[], tp: Required<Throughput>): PlanStepInput[] {
  const steps: PlanStepInput[] = [];
  const volumeGb = spec.constraints?.data_volume_gb;
  const phases = ['preparation', 'assessment', 'setup'];
  if (volumeGb !== undefined && volumeGb > 0) {
    const { minutes, estimate } = rateEstimate(volumeGb * 1024, 'MB', tp.backup_mb_per_second, 'backup_mb_per_second');
    steps.push({
      key: 'base-backup',
      phases,
      name: `Base backup of ${groupedNumber(volumeGb)} GB`,
      description: 'A physical backup and the WAL archive from it: the point-in-time recovery of last resort',
      minutes,
      estimate: `${estimate} (constraints.data_volume_gb)`,
      disruptive: true,
      scriptType: 'bash',
      script: 'pg_basebackup --dbname="$DATABASE_URL" --pgdata="$BACKUP_DIR/base" --format=tar --wal-method=stream --checkpoint=fast --progress',
      validation: 'SELECT last_archived_wal, last_failed_wal FROM pg_stat_archiver;',
    });
  }
  if (tables.length) {
    const sized = tables.map((t) => tableSize(t));
    const mb = sized.reduce((sum, s) => sum + (s.mb ?? 0), 0);
    const rows = sized.reduce((sum, s) => sum + (s.rows ?? 0), 0);
    const dump = rateEstimate(mb, 'MB', tp.copy_mb_per_second, 'copy_mb_per_second');
    steps.push({
      key: 'dump-tables',
      phases,
      name: `Dump the ${tables.length} migrated table(s)`,
      description: 'A logical backup of exactly the tables this migration touches: what a targeted restore restores',
      minutes: dump.minutes,
      estimate: dump.estimate,
      disruptive: true,
      scriptType: 'bash',
      script: `pg_dump --dbname="$DATABASE_URL" --format=custom ${tables.map((t) => `--table=${sqlName(t.name)}`).join(' ')} --file="$BACKUP_DIR/pre_migration.dump"\npg_restore --list "$BACKUP_DIR/pre_migration.dump" > /dev/null`,
      validation: 'pg_restore --list "$BACKUP_DIR/pre_migration.dump" | grep -c "TABLE DATA"',
    });
    const count = rateEstimate(rows, 'rows', tp.validation_rows_per_second, 'validation_rows_per_second');
    steps.push({
      key: 'snapshot-row-counts',
      phases,
      name: 'Snapshot row counts',
      description: 'Record the row count of every migrated table in migration_meta.row_counts, for validation and recovery',
      minutes: count.minutes,
      estimate: count.estimate,
      disruptive: true,
      scriptType: 'sql',
      script: `${MIGRATION_META_SQL}\nINSERT INTO migration_meta.row_counts (table_name, row_count)\n${tables.map((t) => `SELECT '${t.name.replace(/'/g, "''")}', count(*) FROM ${sqlName(t.name)}`).join('\nUNION ALL ')};`,
      validation: 'SELECT table_name, row_count FROM migration_meta.row_counts ORDER BY table_name;',
    });
  }
  return steps;
}

/**
 * One copy step per table (tables one after another at copy_mb_per_second), then one index build
 * per table on the target. With logical replication (a delta_sync phase) the subscription's initial
 * sync copies; otherwise pg_dump | pg_restore does.
 */
export function copySteps(tables: TableToMigrate[], tp: Required<Throughput>, replicated: boolean, warnings: Warnings): PlanStepInput[] {
  const steps: PlanStepInput[] = [];
  const phases = ['bulk_copy', 'migration'];
  tables.forEach((table, i) => {
    const size = tableSize(table);
    const name = sqlName(table.name);
    if (size.mb === null) {
      warnings.push({
        code: 'table-without-size',
        message: `${table.name} gives neither size_mb nor row_count: its copy, index build and validation are not sized`,
        path: `tables_to_migrate[${i}]`,
      });
    }
    const copy =
      size.mb === null
        ? { minutes: 0, estimate: 'unknown: give size_mb' }
        : rateEstimate(size.mb, 'MB', tp.copy_mb_per_second, 'copy_mb_per_second', size.note);
    steps.push({
      key: `copy-${table.name}`,
      phases,
      name: `Copy ${table.name} (${describeTable(table, size)})`,
      description: replicated
        ? `Initial sync of ${table.name} by the subscription migration_sub (logical replication keeps it current afterwards)`
        : `Copy ${table.name} with pg_dump | pg_restore, secondary indexes deferred`,
      subject: subject(table),
      minutes: copy.minutes,
      estimate: copy.estimate,
      disruptive: true,
      scriptType: replicated ? 'sql' : 'bash',
      script: replicated
        ? `-- on the target: the subscription copies ${table.name}; follow its state until 'r' (ready)\nSELECT srsubstate, srsublsn FROM pg_subscription_rel WHERE srrelid = '${name.replace(/'/g, "''")}'::regclass;`
        : `pg_dump --dbname="$SOURCE_DATABASE_URL" --format=custom --data-only --table=${name} | pg_restore --dbname="$TARGET_DATABASE_URL" --data-only --exit-on-error`,
      validation: `SELECT count(*) FROM ${name};  -- on both sides`,
      rollback: replicated
        ? {
            name: `Stop replicating ${table.name} and empty it on the target`,
            description: `Take ${table.name} out of the publication (source) and truncate its partial copy (target), so a retry starts clean`,
            scriptType: 'bash',
            script: `psql "$SOURCE_DATABASE_URL" -v ON_ERROR_STOP=1 -c 'ALTER PUBLICATION migration_pub DROP TABLE ${name};'\npsql "$TARGET_DATABASE_URL" -v ON_ERROR_STOP=1 -c 'TRUNCATE TABLE ${name};'`,
            minutes: 2,
          }
        : {
            name: `Empty ${table.name} on the target`,
            description: `Truncate the partial copy of ${table.name} on the target; the source was never changed`,
            scriptType: 'sql',
            script: `TRUNCATE TABLE ${name};  -- on the target`,
            minutes: 1,
          },
    });
    if (size.mb !== null) {
      const build = rateEstimate(size.mb, 'MB', tp.index_build_mb_per_second, 'index_build_mb_per_second', size.note);
      steps.push({
        key: `index-${table.name}`,
        phases,
        name: `Build the indexes of ${table.name} on the target`,
        description: `Create the secondary indexes of ${table.name} after its data is in: faster than maintaining them row by row`,
        subject: subject(table),
        minutes: build.minutes,
        estimate: build.estimate,
        scriptType: 'bash',
        script: `pg_restore --dbname="$TARGET_DATABASE_URL" --section=post-data --table=${name} "$BACKUP_DIR/schema.dump"`,
        validation: `SELECT indexrelid::regclass FROM pg_index WHERE indrelid = '${name.replace(/'/g, "''")}'::regclass AND NOT indisvalid;`,
      });
    }
  });
  return steps;
}

/**
 * One validation per table: count and an order-independent checksum on each side for critical
 * tables, counts against the snapshot for the others. Sized at validation_rows_per_second per side.
 */
/** A table name as one shell word: quoted unless it is plainly safe. */
function shellWord(text: string): string {
  return /^[\w.-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export function validationSteps(tables: TableToMigrate[], tp: Required<Throughput>, copies: boolean): PlanStepInput[] {
  return tables.map((table) => {
    const size = tableSize(table);
    const name = sqlName(table.name);
    const sides = copies ? 2 : 1;
    const work = rateEstimate(
      (size.rows ?? 0) * sides,
      'rows',
      tp.validation_rows_per_second,
      'validation_rows_per_second',
      [sides === 2 ? 'both sides' : null, size.note].filter(Boolean).join('; ') || null,
    );
    const checksum = `SELECT count(*) AS row_count, sum(hashtext(t::text)::bigint) AS checksum FROM ${name} t;`;
    return {
      key: `validate-${table.name}`,
      phases: ['validation', 'migrate', 'migration'],
      name: `Validate ${table.name}: ${table.critical ? 'count and checksum' : 'row count'}${copies ? ', source against target' : ' against the snapshot'}`,
      description: table.critical
        ? `${table.name} is critical: every row is compared through an order-independent checksum`
        : `${table.name}: row count compared; sample rows by key range if it differs`,
      subject: subject(table),
      minutes: size.rows === null ? 0 : work.minutes,
      estimate: size.rows === null ? 'unknown: give row_count' : work.estimate,
      disruptive: true,
      ...(copies
        ? {
            // Source and target are two databases: reconcile compares them inside each (counts and
            // range checksums) and lists the rows that differ; the SQL stays as the manual check.
            scriptType: 'bash' as const,
            script: `migration-architect reconcile --source "$SOURCE_DATABASE_URL" --target "$TARGET_DATABASE_URL" --table ${shellWord(table.name)} --level ${table.critical ? 'rows' : 'checksum'} -o reconcile-${table.name.replace(/[^\w.-]/g, '_')}.json  # exit 0: equal; 1: differences listed in the report`,
            validation: table.critical
              ? `${checksum}  -- on source and target; both results must match`
              : `SELECT count(*) FROM ${name};  -- source and target must match`,
            // Going back to the source loses what was written to the target since the cutover,
            // unless it is found and carried back first: reconcile the other way round.
            rollback: {
              name: `Find what ${table.name} gained on the target since the cutover`,
              description: `Compare ${table.name} target → source: rows written on the target while it served traffic show as missing on the source, and the fix SQL carries them back. Review it before running it on the source: it also undoes what the source gained since the switch back`,
              scriptType: 'bash' as const,
              script: `migration-architect reconcile --source "$TARGET_DATABASE_URL" --target "$SOURCE_DATABASE_URL" --table ${shellWord(table.name)} --level rows --print-fix-sql -o reconcile-back-${table.name.replace(/[^\w.-]/g, '_')}.json > carry-back-${table.name.replace(/[^\w.-]/g, '_')}.sql`,
              minutes: Math.max(1, Math.ceil((size.rows === null ? 0 : work.minutes) / 2)),
            },
          }
        : {
            scriptType: 'sql' as const,
            script: table.critical
              ? `${checksum}  -- run on the table; the result must match the snapshot`
              : `SELECT r.row_count AS before, (SELECT count(*) FROM ${name}) AS now FROM migration_meta.row_counts r WHERE r.table_name = '${table.name.replace(/'/g, "''")}';`,
          }),
    };
  });
}
