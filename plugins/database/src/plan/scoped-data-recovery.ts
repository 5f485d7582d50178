import type { DataRecoveryPlan, MigrationPlan } from '@migration-architect/core';
import { sqlName } from './table-steps.js';
import { DEFAULT_THROUGHPUT } from './throughput.js';

const MB = /([\d,.]+) MB/;

/**
 * The recovery plan for the tables the plan touched: a targeted restore of those tables from the
 * dump taken in preparation, timed at restore_mb_per_second, with counts for those tables only.
 * Point-in-time recovery of the whole cluster stays as the last resort, not the plan.
 */
export function scopedDataRecovery(plan: MigrationPlan, base: DataRecoveryPlan): DataRecoveryPlan {
  const tables = (plan.scope ?? []).filter((s) => s.kind === 'table');
  if (!tables.length) return base;
  const rate = plan.assumptions?.find((a) => a.name === 'restore_mb_per_second')?.value ?? DEFAULT_THROUGHPUT.restore_mb_per_second;
  const mb = tables.reduce((sum, t) => sum + Number(MB.exec(t.detail ?? '')?.[1]?.replace(/,/g, '') ?? 0), 0);
  const minutes = Math.ceil(mb / rate / 60) + 15;
  const flags = tables.map((t) => `--table=${sqlName(t.name)}`).join(' ');
  return {
    recovery_method: 'table_restore',
    backup_location:
      '$BACKUP_DIR/pre_migration.dump (pg_dump --format=custom of the migrated tables, taken in preparation); base backup + WAL archive as the last resort',
    recovery_scripts: [
      `# Restore only the ${tables.length} table(s) this migration touched: ${tables.map((t) => t.name).join(', ')}`,
      'pg_restore --list "$BACKUP_DIR/pre_migration.dump" > /dev/null',
      `pg_restore --dbname="$DATABASE_URL" --clean --if-exists --no-owner --exit-on-error --single-transaction ${flags} "$BACKUP_DIR/pre_migration.dump"`,
      `psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -c 'ANALYZE ${tables.map((t) => sqlName(t.name)).join(', ')};'  # a logical restore brings no planner statistics`,
      "# Last resort, only if the dump is unusable: point-in-time recovery of the whole cluster to the restore point pre_migration (see the type's full recovery procedure)",
    ],
    data_validation_queries: [
      ...tables.map(
        (t) =>
          `SELECT '${t.name.replace(/'/g, "''")}' AS table_name, (SELECT row_count FROM migration_meta.row_counts WHERE table_name = '${t.name.replace(/'/g, "''")}') AS before_migration, (SELECT count(*) FROM ${sqlName(t.name)}) AS now;`,
      ),
      'SELECT conrelid::regclass AS table_name, conname FROM pg_constraint WHERE NOT convalidated;',
      'SELECT indexrelid::regclass AS invalid_index FROM pg_index WHERE NOT indisvalid;',
    ],
    estimated_recovery_time_minutes: minutes,
    recovery_dependencies: [
      'pre_migration.dump readable (pg_restore --list succeeds)',
      `Application writes to ${tables.map((t) => t.name).join(', ')} stopped (maintenance mode or PgBouncer PAUSE)`,
      'Rows written after the dump was taken exported first if they must be kept (they are lost by the restore)',
    ],
    scope: tables.map((t) => t.name),
  };
}
