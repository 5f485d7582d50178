/**
 * The forward phases record every DDL statement with its inverse in migration_meta.change_log
 * (phase, object_name, forward_sql, rollback_sql, applied_at, rolled_back_at). Rolling a phase
 * back replays its inverses newest first. psql's \gexec runs each as its own statement, so
 * CONCURRENTLY works; inverses are written with IF [NOT] EXISTS, so a rerun after a failure is safe.
 */
export function replayInverses(phase: string): string {
  return [
    `psql "$DATABASE_URL" -v ON_ERROR_STOP=1 <<'SQL'`,
    `SET lock_timeout = '5s';`,
    `SELECT rollback_sql FROM migration_meta.change_log WHERE phase = '${phase}' AND rolled_back_at IS NULL ORDER BY id DESC`,
    `\\gexec`,
    `UPDATE migration_meta.change_log SET rolled_back_at = now() WHERE phase = '${phase}' AND rolled_back_at IS NULL;`,
    `SQL`,
  ].join('\n');
}

export function pendingInversesQuery(phase: string): string {
  return `SELECT count(*) AS not_rolled_back FROM migration_meta.change_log WHERE phase = '${phase}' AND rolled_back_at IS NULL;`;
}
