import type { Node } from 'libpg-query';
import { nodeAs, rangeVarName } from '../sources/postgresql-sql/parse-tree.js';
import { objectKey } from '../schema/qualified-name.js';

/** What a migration statement does that a reviewer should see, besides the schema change it makes. */
export type StatementLintKind =
  | 'statement.index_not_concurrent'
  | 'statement.concurrently_in_transaction'
  | 'statement.missing_lock_timeout'
  | 'statement.validates_under_lock'
  | 'statement.not_rerunnable';

export interface StatementLint {
  kind: StatementLintKind;
  message: string;
}

/** Where the file is as it is read statement by statement. */
export interface LintState {
  inTransaction: boolean;
  lockTimeoutSet: boolean;
  /** Tables created by the file so far: new and empty, so locks and scans on them cost nothing. */
  createdTables: Set<string>;
  /** Constraints dropped IF EXISTS so far: adding one of them again is re-runnable. */
  droppedConstraints: Set<string>;
}

const keyOf = (relation: Parameters<typeof rangeVarName>[0]) => {
  const name = rangeVarName(relation);
  return objectKey(name.schema, name.name);
};

/** Tables a CREATE TABLE's foreign keys (table or column constraints) reference. */
function referencedTables(create: NonNullable<ReturnType<typeof nodeAs<'CreateStmt'>>>): string[] {
  const constraints = (create.tableElts ?? []).flatMap((element) => {
    const column = nodeAs(element, 'ColumnDef');
    const constraint = nodeAs(element, 'Constraint');
    return column ? (column.constraints ?? []).map((c) => nodeAs(c, 'Constraint')) : [constraint];
  });
  return constraints.flatMap((c) => (c?.contype === 'CONSTR_FOREIGN' && c.pktable ? [keyOf(c.pktable)] : []));
}

/** Statements that take an ACCESS EXCLUSIVE (or SHARE) lock on a table the application uses. */
function lockedTable(statement: Node, state: LintState): string | null {
  const alter = nodeAs(statement, 'AlterTableStmt');
  if (alter && alter.objtype !== 'OBJECT_INDEX') return keyOf(alter.relation);
  const index = nodeAs(statement, 'IndexStmt');
  if (index && !index.concurrent) return keyOf(index.relation);
  const trigger = nodeAs(statement, 'CreateTrigStmt');
  if (trigger) return keyOf(trigger.relation);
  const rename = nodeAs(statement, 'RenameStmt');
  if (rename?.relation) return keyOf(rename.relation);
  const drop = nodeAs(statement, 'DropStmt');
  if (drop && (drop.removeType === 'OBJECT_TABLE' || (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent))) return 'dropped';
  // A new table's foreign keys lock the tables they reference (SHARE ROW EXCLUSIVE).
  const create = nodeAs(statement, 'CreateStmt');
  if (create) {
    const referenced = referencedTables(create).filter((key) => !state.createdTables.has(key));
    return referenced[0] ?? null;
  }
  return null;
}

/**
 * The lints of one statement, given what came before it in the file, and the state after it.
 * Objects the file itself created are exempt from lock and scan lints (Atlas and Squawk do the same).
 */
export function lintStatement(statement: Node, state: LintState): StatementLint[] {
  const out: StatementLint[] = [];

  const transaction = nodeAs(statement, 'TransactionStmt');
  if (transaction) {
    if (transaction.kind === 'TRANS_STMT_BEGIN' || transaction.kind === 'TRANS_STMT_START') state.inTransaction = true;
    if (transaction.kind === 'TRANS_STMT_COMMIT' || transaction.kind === 'TRANS_STMT_ROLLBACK') state.inTransaction = false;
    return out;
  }
  const set = nodeAs(statement, 'VariableSetStmt');
  if (set) {
    if (set.name === 'lock_timeout' && set.kind !== 'VAR_RESET') state.lockTimeoutSet = true;
    return out;
  }

  const table = lockedTable(statement, state);
  const existing = table !== null && table !== 'dropped' && !state.createdTables.has(table);
  if ((existing || table === 'dropped') && !state.lockTimeoutSet) {
    out.push({
      kind: 'statement.missing_lock_timeout',
      message: 'takes a lock that queues every query behind it while it waits, and no SET lock_timeout comes before it',
    });
  }

  const index = nodeAs(statement, 'IndexStmt');
  if (index) {
    if (index.concurrent && state.inTransaction)
      out.push({ kind: 'statement.concurrently_in_transaction', message: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block: it fails' });
    if (!index.concurrent && !state.createdTables.has(keyOf(index.relation)))
      out.push({ kind: 'statement.index_not_concurrent', message: 'CREATE INDEX without CONCURRENTLY blocks writes to the table for the whole build' });
    if (!index.if_not_exists)
      out.push({
        kind: 'statement.not_rerunnable',
        message: 'CREATE INDEX without IF NOT EXISTS fails when the migration is run again after a partial failure',
      });
  }
  const drop = nodeAs(statement, 'DropStmt');
  if (drop) {
    if (drop.removeType === 'OBJECT_INDEX' && drop.concurrent && state.inTransaction)
      out.push({ kind: 'statement.concurrently_in_transaction', message: 'DROP INDEX CONCURRENTLY cannot run inside a transaction block: it fails' });
    if (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent)
      out.push({ kind: 'statement.index_not_concurrent', message: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table' });
    if (!drop.missing_ok) out.push({ kind: 'statement.not_rerunnable', message: 'DROP without IF EXISTS fails when the migration is run again' });
  }
  const create = nodeAs(statement, 'CreateStmt');
  if (create) {
    if (!create.if_not_exists)
      out.push({ kind: 'statement.not_rerunnable', message: 'CREATE TABLE without IF NOT EXISTS fails when the migration is run again' });
    state.createdTables.add(keyOf(create.relation));
  }
  const rename = nodeAs(statement, 'RenameStmt');
  if (rename && (rename.renameType === 'OBJECT_COLUMN' || rename.renameType === 'OBJECT_TABLE') && !rename.missing_ok) {
    out.push({ kind: 'statement.not_rerunnable', message: 'RENAME fails when the migration is run again: the old name is gone' });
  }
  const alter = nodeAs(statement, 'AlterTableStmt');
  if (alter && existing) {
    for (const node of alter.cmds ?? []) {
      const command = nodeAs(node, 'AlterTableCmd');
      if (!command) continue;
      if (command.subtype === 'AT_AddColumn' && !command.missing_ok)
        out.push({ kind: 'statement.not_rerunnable', message: 'ADD COLUMN without IF NOT EXISTS fails when the migration is run again' });
      if (command.subtype === 'AT_DropColumn' && !command.missing_ok)
        out.push({ kind: 'statement.not_rerunnable', message: 'DROP COLUMN without IF EXISTS fails when the migration is run again' });
      const constraint = nodeAs(command.def, 'Constraint');
      if (command.subtype === 'AT_DropConstraint' && command.missing_ok && command.name) state.droppedConstraints.add(command.name);
      if (command.subtype === 'AT_AddConstraint' && constraint && !(constraint.conname && state.droppedConstraints.has(constraint.conname))) {
        out.push({
          kind: 'statement.not_rerunnable',
          message: 'ADD CONSTRAINT fails when the migration is run again ("already exists"); put DROP CONSTRAINT IF EXISTS before it',
        });
      }
      if (command.subtype === 'AT_AddConstraint' && constraint) {
        if ((constraint.contype === 'CONSTR_CHECK' || constraint.contype === 'CONSTR_FOREIGN') && !constraint.skip_validation) {
          out.push({
            kind: 'statement.validates_under_lock',
            message: `ADD CONSTRAINT … ${constraint.contype === 'CONSTR_CHECK' ? 'CHECK' : 'FOREIGN KEY'} without NOT VALID scans the whole table while holding its lock; add it NOT VALID, then VALIDATE CONSTRAINT`,
          });
        }
        if ((constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') && !constraint.indexname) {
          out.push({
            kind: 'statement.validates_under_lock',
            message: `ADD ${constraint.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'} builds its index under an ACCESS EXCLUSIVE lock; build a unique index CONCURRENTLY and add the constraint USING INDEX`,
          });
        }
      }
      if (command.subtype === 'AT_SetNotNull') {
        out.push({
          kind: 'statement.validates_under_lock',
          message: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a validated CHECK (col IS NOT NULL) exists',
        });
      }
    }
  }
  return out;
}
