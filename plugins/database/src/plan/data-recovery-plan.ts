import type { DataRecoveryPlan } from '@migration-architect/core';

/**
 * Point-in-time recovery to the restore point taken in preparation, or a targeted pg_restore of
 * the pre-migration dump when only some tables need to come back. The seed's plan ran pg_restore
 * of a `.sql` file (pg_restore reads archive formats only) and created a restore point during
 * the recovery, where it is useless.
 */
export const dataRecoveryPlan: DataRecoveryPlan = {
  recovery_method: 'point_in_time',
  backup_location: '$BACKUP_DIR/pre_migration.dump (pg_dump --format=custom) and the base backup + WAL archive taken in preparation',
  recovery_scripts: [
    '# Targeted restore (some tables): check the archive, then restore into the live database',
    'pg_restore --list "$BACKUP_DIR/pre_migration.dump" > /dev/null',
    'pg_restore --dbname="$DATABASE_URL" --clean --if-exists --no-owner --exit-on-error --jobs=4 "$BACKUP_DIR/pre_migration.dump"',
    'psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -c \'VACUUM (ANALYZE);\'  # a logical restore brings no planner statistics',
    '# Full point-in-time recovery: restore the base backup into an empty data directory, replay WAL up to the restore point',
    'pg_ctl stop -D "$PGDATA" -m fast && mv "$PGDATA" "$PGDATA.failed" && mkdir -m 700 "$PGDATA" && tar -xf "$BACKUP_DIR/base.tar" -C "$PGDATA"',
    "printf \"restore_command = 'cp /wal_archive/%%f %%p'\\nrecovery_target_name = 'pre_migration'\\nrecovery_target_action = 'promote'\\n\" >> \"$PGDATA/postgresql.auto.conf\"  # or recovery_target_time = '{pre_migration_timestamp}'",
    'touch "$PGDATA/recovery.signal" && pg_ctl start -D "$PGDATA" -w',
    'psql "$DATABASE_URL" -Atc \'SELECT pg_is_in_recovery();\'  # f once promoted',
  ],
  data_validation_queries: [
    'SELECT r.table_name, r.row_count AS before_migration, s.n_live_tup AS now_estimated FROM migration_meta.row_counts r JOIN pg_stat_user_tables s ON s.relid = to_regclass(r.table_name) ORDER BY r.table_name;',
    'SELECT conrelid::regclass AS table_name, conname FROM pg_constraint WHERE NOT convalidated;',
    'SELECT indexrelid::regclass AS invalid_index FROM pg_index WHERE NOT indisvalid;',
    "SELECT format('SELECT %L AS table_name, count(*) FROM %s;', oid::regclass, oid::regclass) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace \\gexec",
    'SELECT pg_is_in_recovery();',
  ],
  estimated_recovery_time_minutes: 45,
  recovery_dependencies: [
    'Base backup and continuous WAL archive covering the migration window (archive_mode = on)',
    'pre_migration.dump readable (pg_restore --list succeeds)',
    "Restore point 'pre_migration' or its timestamp recorded before the first change",
    'Disk space for a second data directory during point-in-time recovery',
    'Application writes stopped (maintenance mode or PgBouncer PAUSE)',
  ],
};
