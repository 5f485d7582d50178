/** Advice added to a database compatibility report, by what the report contains. */
export const databaseRecommendations = {
  breaking: [
    'Use expand/contract: add the new shape next to the old, backfill in batches, move readers and writers, and drop the old shape in a later release',
    'Before any DROP, confirm nothing uses the object over a full business cycle (pg_stat_user_tables, pg_stat_user_indexes, pg_stat_statements)',
    'Keep a pg_dump --format=custom of every table you drop or rewrite until the release is proven',
  ],
  potentiallyBreaking: [
    'Run every validation query against production-sized data first: a violation makes VALIDATE CONSTRAINT or ALTER … TYPE fail midway',
    'Add CHECK and FOREIGN KEY constraints NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (SHARE UPDATE EXCLUSIVE: reads and writes continue)',
    'Build unique indexes CONCURRENTLY and attach them with ADD CONSTRAINT … USING INDEX',
  ],
  withScripts: [
    "Keep SET lock_timeout (the scripts use '5s') and retry on timeout: a DDL waiting for ACCESS EXCLUSIVE blocks every query queued behind it",
    'Run CREATE / DROP INDEX CONCURRENTLY outside a transaction block, and drop the INVALID index a failed build leaves behind',
    'Rehearse every migration and rollback script on a restored copy of production, timing each step',
  ],
  always: [
    'Tell the teams that own dependent services, reports and replicas what changes and when',
    'Refresh planner statistics (ANALYZE) on tables whose shape or contents changed',
  ],
};
