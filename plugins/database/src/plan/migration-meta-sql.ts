/**
 * The tracking schema the plan's steps and the runbook read and write (row_counts for validation
 * and recovery, change_log for replaying inverses). Created by the first step that writes to it,
 * idempotently, so a plan run from the top works on a database that has never seen it; the
 * runbook's last step drops it.
 */
export const MIGRATION_META_SQL = `CREATE SCHEMA IF NOT EXISTS migration_meta;
CREATE TABLE IF NOT EXISTS migration_meta.row_counts (table_name text NOT NULL, row_count bigint NOT NULL, counted_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS migration_meta.change_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phase text NOT NULL,
  object_name text NOT NULL,
  forward_sql text NOT NULL,
  rollback_sql text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  rolled_back_at timestamptz
);`;
