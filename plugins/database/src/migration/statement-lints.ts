import type { Node } from 'libpg-query';
import { nodeAs, type NodeOf, qualifiedNameOf, rangeVarName, stringsOf } from '../sources/postgresql-sql/parse-tree.js';
import type { LockedWork } from '../lock-risk/lock-estimate.js';
import { objectKey } from '../schema/qualified-name.js';

/** What a migration statement does that a reviewer should see, besides the schema change it makes. */
export type StatementLintKind =
  | 'statement.index_not_concurrent'
  | 'statement.concurrently_in_transaction'
  | 'statement.missing_lock_timeout'
  | 'statement.validates_under_lock'
  | 'statement.not_rerunnable'
  | 'statement.enum_value_unpositioned'
  | 'statement.reindex_not_concurrent';

export interface StatementLint {
  kind: StatementLintKind;
  message: string;
  /** The existing table the statement locks (`public.users` as `Table.key`), for sizing the lock. */
  table?: string;
  /** The lock it takes on that table, as PostgreSQL names it. */
  lock?: string;
  /** What it does under that lock, which takes as long as the table is large. */
  work?: LockedWork;
}

/** Where the file is as it is read statement by statement. */
export interface LintState {
  inTransaction: boolean;
  lockTimeoutSet: boolean;
  /** Tables created by the file so far: new and empty, so locks and scans on them cost nothing. */
  createdTables: Set<string>;
  /** Constraints dropped so far: adding one of them again is re-runnable. */
  droppedConstraints: Set<string>;
}

/** What the schema holds before the statement, as far as the lints need it. */
export interface LintSchema {
  /** Triggers by the qualified name of the function they execute, with their table keys. */
  triggerTablesOf(functionName: string): string[];
  /** The table an index (or the key or unique constraint that owns it) belongs to, by the index's key; null when unknown. */
  indexTableOf(indexName: string): string | null;
}

/** REINDEX … CONCURRENTLY (PostgreSQL 12+ writes it as a parameter, `REINDEX (CONCURRENTLY) …` too). */
const reindexConcurrently = (reindex: NodeOf<'ReindexStmt'>) => (reindex.params ?? []).some((p) => nodeAs(p, 'DefElem')?.defname === 'concurrently');

/** The table a REINDEX locks; 'dropped' (locks, not sized) for an index of unknown table, a schema, the database. */
function reindexedTable(reindex: NodeOf<'ReindexStmt'>, schema: LintSchema | undefined): string {
  if (reindex.kind === 'REINDEX_OBJECT_TABLE') return keyOf(reindex.relation);
  if (reindex.kind === 'REINDEX_OBJECT_INDEX') return schema?.indexTableOf(keyOf(reindex.relation)) ?? 'dropped';
  return 'dropped';
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
function lockedTable(statement: Node, state: LintState, schema: LintSchema | undefined): string | null {
  const alter = nodeAs(statement, 'AlterTableStmt');
  if (alter && alter.objtype !== 'OBJECT_INDEX') {
    const table = keyOf(alter.relation);
    if (!state.createdTables.has(table)) return table;
    // A foreign key from a new table still locks the existing table it references (SHARE ROW EXCLUSIVE).
    const referenced = (alter.cmds ?? []).flatMap((node) => {
      const constraint = nodeAs(nodeAs(node, 'AlterTableCmd')?.def, 'Constraint');
      return constraint?.contype === 'CONSTR_FOREIGN' && constraint.pktable ? [keyOf(constraint.pktable)] : [];
    });
    return referenced.find((key) => !state.createdTables.has(key)) ?? table;
  }
  const index = nodeAs(statement, 'IndexStmt');
  if (index && !index.concurrent) return keyOf(index.relation);
  const trigger = nodeAs(statement, 'CreateTrigStmt');
  if (trigger) return keyOf(trigger.relation);
  const rename = nodeAs(statement, 'RenameStmt');
  if (rename?.relation) return keyOf(rename.relation);
  const drop = nodeAs(statement, 'DropStmt');
  if (drop && (drop.removeType === 'OBJECT_TABLE' || (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent))) return 'dropped';
  // DROP TRIGGER and DROP POLICY name their table last-but-one: ACCESS EXCLUSIVE on it.
  if (drop && (drop.removeType === 'OBJECT_TRIGGER' || drop.removeType === 'OBJECT_POLICY')) {
    const parts = stringsOf(nodeAs(drop.objects?.[0], 'List')?.items);
    const table = qualifiedNameOf(parts.slice(0, -1));
    return objectKey(table.schema, table.name);
  }
  // DROP FUNCTION … CASCADE drops the triggers that call it, each under its table's ACCESS EXCLUSIVE lock.
  if (drop && drop.removeType === 'OBJECT_FUNCTION' && drop.behavior === 'DROP_CASCADE') {
    const tables = (drop.objects ?? []).flatMap((o) => {
      const fn = nodeAs(o, 'ObjectWithArgs');
      const name = qualifiedNameOf(stringsOf(fn?.objname));
      return schema?.triggerTablesOf(objectKey(name.schema, name.name)) ?? [];
    });
    return tables[0] ?? null;
  }
  // REINDEX: SHARE on the table (writes wait), ACCESS EXCLUSIVE on each index rebuilt (reads that plan with it wait too).
  const reindex = nodeAs(statement, 'ReindexStmt');
  if (reindex && !reindexConcurrently(reindex)) return reindexedTable(reindex, schema);
  const policy = nodeAs(statement, 'CreatePolicyStmt') ?? nodeAs(statement, 'AlterPolicyStmt');
  if (policy?.table) return keyOf(policy.table);
  // A new table's foreign keys lock the tables they reference (SHARE ROW EXCLUSIVE).
  const create = nodeAs(statement, 'CreateStmt');
  if (create) {
    const referenced = referencedTables(create).filter((key) => !state.createdTables.has(key));
    return referenced[0] ?? null;
  }
  return null;
}

const RERUN = 'fails when the migration is run again after a partial failure';

/**
 * The lints of one statement, given what came before it in the file, and the state after it.
 * Objects the file itself created are exempt from lock and scan lints (Atlas and Squawk do the same).
 * Inside BEGIN … COMMIT a failure rolls the whole block back, so re-runnability is not asked there
 * (except of CONCURRENTLY, which cannot run in a block anyway).
 */
export function lintStatement(statement: Node, state: LintState, schema?: LintSchema): StatementLint[] {
  const out: StatementLint[] = [];
  const rerun = (message: string) => {
    if (!state.inTransaction) out.push({ kind: 'statement.not_rerunnable', message });
  };

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

  const table = lockedTable(statement, state, schema);
  const existing = table !== null && table !== 'dropped' && !state.createdTables.has(table);
  const sized = existing ? { table } : {};
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
      out.push({
        kind: 'statement.index_not_concurrent',
        message: 'CREATE INDEX without CONCURRENTLY blocks writes to the table for the whole build',
        ...sized,
        lock: 'SHARE',
        work: 'index_build',
      });
    // An unnamed index gets a fresh name each run (users_email_idx1): running it again does not fail.
    if (!index.if_not_exists && index.idxname && (index.concurrent || !state.inTransaction))
      out.push({ kind: 'statement.not_rerunnable', message: `CREATE INDEX without IF NOT EXISTS ${RERUN}` });
  }
  const reindex = nodeAs(statement, 'ReindexStmt');
  if (reindex) {
    if (reindexConcurrently(reindex) && state.inTransaction)
      out.push({ kind: 'statement.concurrently_in_transaction', message: 'REINDEX CONCURRENTLY cannot run inside a transaction block: it fails' });
    // An index of a table the file created is empty: rebuilding it costs nothing.
    if (!reindexConcurrently(reindex) && !state.createdTables.has(reindexedTable(reindex, schema)))
      out.push({
        kind: 'statement.reindex_not_concurrent',
        message:
          reindex.kind === 'REINDEX_OBJECT_INDEX' || reindex.kind === 'REINDEX_OBJECT_TABLE'
            ? 'REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, for the whole rebuild'
            : 'REINDEX of a whole schema or database without CONCURRENTLY blocks writes to every table in turn, and reads that use the index being rebuilt',
        ...sized,
        lock: 'SHARE',
        work: 'index_build',
      });
  }
  const drop = nodeAs(statement, 'DropStmt');
  if (drop) {
    if (drop.removeType === 'OBJECT_INDEX' && drop.concurrent && state.inTransaction)
      out.push({ kind: 'statement.concurrently_in_transaction', message: 'DROP INDEX CONCURRENTLY cannot run inside a transaction block: it fails' });
    if (drop.removeType === 'OBJECT_INDEX' && !drop.concurrent)
      out.push({ kind: 'statement.index_not_concurrent', message: 'DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the table' });
    if (!drop.missing_ok) {
      if (drop.removeType === 'OBJECT_INDEX' && drop.concurrent) out.push({ kind: 'statement.not_rerunnable', message: `DROP without IF EXISTS ${RERUN}` });
      else rerun(`DROP without IF EXISTS ${RERUN}`);
    }
  }
  const create = nodeAs(statement, 'CreateStmt');
  if (create) {
    if (!create.if_not_exists) rerun(`CREATE TABLE without IF NOT EXISTS ${RERUN}`);
    state.createdTables.add(keyOf(create.relation));
  }
  // CREATE TABLE … AS makes a table nobody uses yet, too.
  const createAs = nodeAs(statement, 'CreateTableAsStmt');
  if (createAs?.into?.rel && createAs.objtype === 'OBJECT_TABLE') state.createdTables.add(keyOf(createAs.into.rel));
  const rename = nodeAs(statement, 'RenameStmt');
  if (rename && (rename.renameType === 'OBJECT_COLUMN' || rename.renameType === 'OBJECT_TABLE') && !rename.missing_ok) {
    rerun('RENAME fails when the migration is run again: the old name is gone');
  }
  const enumValue = nodeAs(statement, 'AlterEnumStmt');
  if (enumValue?.newVal && !enumValue.oldVal) {
    if (!enumValue.newValNeighbor)
      out.push({
        kind: 'statement.enum_value_unpositioned',
        message: `ADD VALUE '${enumValue.newVal}' without BEFORE or AFTER goes last: ORDER BY and comparisons on the column sort it after every existing value`,
      });
    if (!enumValue.skipIfNewValExists) rerun(`ADD VALUE without IF NOT EXISTS ${RERUN} ("already exists")`);
  }
  const alter = nodeAs(statement, 'AlterTableStmt');
  // Only the altered table's own lints: a new table is exempt even when its foreign key locks another.
  if (alter && existing && !state.createdTables.has(keyOf(alter.relation))) {
    for (const node of alter.cmds ?? []) {
      const command = nodeAs(node, 'AlterTableCmd');
      if (!command) continue;
      if (command.subtype === 'AT_AddColumn' && !command.missing_ok) rerun(`ADD COLUMN without IF NOT EXISTS ${RERUN}`);
      if (command.subtype === 'AT_DropColumn' && !command.missing_ok) rerun(`DROP COLUMN without IF EXISTS ${RERUN}`);
      const constraint = nodeAs(command.def, 'Constraint');
      if (command.subtype === 'AT_DropConstraint') {
        if (command.name) state.droppedConstraints.add(command.name);
        if (!command.missing_ok) rerun(`DROP CONSTRAINT without IF EXISTS ${RERUN}`);
      }
      if (command.subtype === 'AT_AddConstraint' && constraint && !(constraint.conname && state.droppedConstraints.has(constraint.conname))) {
        rerun(
          constraint.conname
            ? 'ADD CONSTRAINT fails when the migration is run again ("already exists"); put DROP CONSTRAINT IF EXISTS before it'
            : 'ADD CONSTRAINT without a name adds a second copy of the constraint when the migration is run again; name it and put DROP CONSTRAINT IF EXISTS before it',
        );
      }
      if (command.subtype === 'AT_AddConstraint' && constraint) {
        if ((constraint.contype === 'CONSTR_CHECK' || constraint.contype === 'CONSTR_FOREIGN') && !constraint.skip_validation) {
          const foreign = constraint.contype === 'CONSTR_FOREIGN';
          out.push({
            kind: 'statement.validates_under_lock',
            message: `ADD CONSTRAINT … ${foreign ? 'FOREIGN KEY' : 'CHECK'} without NOT VALID scans the whole table while holding its lock; add it NOT VALID, then VALIDATE CONSTRAINT`,
            ...sized,
            lock: foreign ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE',
            work: 'scan',
          });
        }
        if ((constraint.contype === 'CONSTR_UNIQUE' || constraint.contype === 'CONSTR_PRIMARY') && !constraint.indexname) {
          out.push({
            kind: 'statement.validates_under_lock',
            message: `ADD ${constraint.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'PRIMARY KEY'} builds its index under an ACCESS EXCLUSIVE lock; build a unique index CONCURRENTLY and add the constraint USING INDEX`,
            ...sized,
            lock: 'ACCESS EXCLUSIVE',
            work: 'index_build',
          });
        }
      }
      // ADD COLUMN … REFERENCES: the new key is checked against every row, under lock, in the same statement.
      const column = command.subtype === 'AT_AddColumn' ? nodeAs(command.def, 'ColumnDef') : undefined;
      const inlineKey = (column?.constraints ?? []).some((c) => nodeAs(c, 'Constraint')?.contype === 'CONSTR_FOREIGN');
      if (inlineKey) {
        out.push({
          kind: 'statement.validates_under_lock',
          message:
            'ADD COLUMN … REFERENCES validates the foreign key over the whole table under lock, and locks the referenced table (SHARE ROW EXCLUSIVE); add the column, then the key NOT VALID, then VALIDATE CONSTRAINT',
          ...sized,
          lock: 'ACCESS EXCLUSIVE',
          work: 'scan',
        });
      }
      if (command.subtype === 'AT_SetNotNull') {
        out.push({
          kind: 'statement.validates_under_lock',
          message: 'SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a validated CHECK (col IS NOT NULL) exists',
          ...sized,
          lock: 'ACCESS EXCLUSIVE',
          work: 'scan',
        });
      }
    }
  }
  return out;
}
