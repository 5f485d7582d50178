import { quoteLiteral } from '../sql/literal.js';
import { LOCK_TIMEOUT } from '../sql/session-settings.js';
import { MIGRATION_META_SQL } from './migration-meta-sql.js';
import { sqlName } from './table-steps.js';

/**
 * A constraint or index dropped by a plan comes back exactly as it was: a spec names what it
 * drops, not how it was defined, so the step records PostgreSQL's own definition in
 * migration_meta.change_log just before the drop, and the rollback replays that record.
 */
export interface RecordedDrop {
  /** The statements to put before the drop. */
  record: string;
  /** The rollback: replays the recorded definition, or stops saying where to find it. */
  rollback: string;
}

export function recordedDrop(kind: 'constraint' | 'index', table: string, name: string): RecordedDrop {
  const object = quoteLiteral(name);
  const definition =
    kind === 'constraint'
      ? `SELECT 'contract', con.conname, 'DROP CONSTRAINT', format('ALTER TABLE %s ADD CONSTRAINT %I %s', con.conrelid::regclass, con.conname, pg_get_constraintdef(con.oid))
FROM pg_constraint con WHERE con.conrelid = ${quoteLiteral(sqlName(table))}::regclass AND con.conname = ${object};`
      : `SELECT 'contract', c.relname, 'DROP INDEX', pg_get_indexdef(i.indexrelid)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = ${quoteLiteral(sqlName(table))}::regclass AND c.relname = ${object};`;
  const forward = kind === 'constraint' ? 'DROP CONSTRAINT' : 'DROP INDEX';
  return {
    record: `-- Record the definition PostgreSQL holds, for the rollback.
${MIGRATION_META_SQL}
INSERT INTO migration_meta.change_log (phase, object_name, forward_sql, rollback_sql)
${definition}`,
    rollback: `${LOCK_TIMEOUT}
DO $$
DECLARE
  entry record;
BEGIN
  SELECT id, rollback_sql INTO entry FROM migration_meta.change_log
  WHERE object_name = ${object} AND forward_sql = '${forward}' AND rolled_back_at IS NULL ORDER BY id DESC LIMIT 1;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no recorded definition of % in migration_meta.change_log: restore it from the pre-migration dump', ${object};
  END IF;
  EXECUTE entry.rollback_sql;
  UPDATE migration_meta.change_log SET rolled_back_at = now() WHERE id = entry.id;
END
$$;`,
  };
}
