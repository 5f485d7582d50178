import type { StatementLintDetails } from '../schema/changes.js';
import { defineDatabaseRule } from './database-rule.js';

/**
 * Rules about how a migration file's statements run (`check --migration`), besides the schema
 * changes they make: the lock and scan hazards Squawk, Atlas and strong_migrations look for.
 */
const lint = (kind: string) => (details: StatementLintDetails) => ({
  description: `line ${details.statement.line}: ${details.statement.text.slice(0, 120)}: ${details.message}`,
  impact: details.message,
  suggestedMigration: '',
  affectedOperations: [] as string[],
  kind,
});

const MIGRATION_EXAMPLE_BEFORE = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, age int);\nCREATE INDEX users_age_idx ON users (age);';

export const indexNotConcurrent = defineDatabaseRule({
  id: 'index-not-concurrent',
  code: 'DB601',
  issueType: 'index_not_concurrent',
  change: 'statement.index_not_concurrent',
  severity: 'potentially_breaking',
  title: 'Index built or dropped without CONCURRENTLY',
  description:
    'CREATE INDEX without CONCURRENTLY blocks every write to the table until the build ends; DROP INDEX without it takes an ACCESS EXCLUSIVE lock, blocking reads too.',
  safeAlternative: 'CREATE INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY, outside a transaction block; drop the INVALID index a failed build leaves.',
  classify: ({ details }) => ({
    ...lint('index')(details),
    suggestedMigration: 'Use CREATE INDEX CONCURRENTLY (DROP INDEX CONCURRENTLY), outside BEGIN … COMMIT',
  }),
});

export const concurrentlyInTransaction = defineDatabaseRule({
  id: 'concurrently-in-transaction',
  code: 'DB602',
  issueType: 'concurrently_in_transaction',
  change: 'statement.concurrently_in_transaction',
  severity: 'breaking',
  title: 'CONCURRENTLY inside a transaction block',
  description:
    'PostgreSQL refuses CREATE / DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY inside BEGIN … COMMIT: the migration fails at that statement (migration runners that wrap each file in a transaction do the same).',
  safeAlternative: "Move the statement out of the transaction (or disable the runner's transaction for this file).",
  classify: ({ details }) => ({ ...lint('transaction')(details), suggestedMigration: 'Run the CONCURRENTLY statement outside the transaction block' }),
});

export const missingLockTimeout = defineDatabaseRule({
  id: 'missing-lock-timeout',
  code: 'DB603',
  issueType: 'missing_lock_timeout',
  change: 'statement.missing_lock_timeout',
  severity: 'non_breaking',
  title: 'Lock taken without a lock_timeout',
  description:
    'A DDL statement waiting for its lock (behind a long query) blocks every query queued after it: without lock_timeout, a migration can stall the application for as long as the longest transaction.',
  safeAlternative: "SET lock_timeout = '5s' at the top of the file, and retry on timeout.",
  classify: ({ details }) => ({ ...lint('lock')(details), suggestedMigration: "Add SET lock_timeout = '5s'; before the first locking statement" }),
});

export const validatesUnderLock = defineDatabaseRule({
  id: 'validates-under-lock',
  code: 'DB604',
  issueType: 'validates_under_lock',
  change: 'statement.validates_under_lock',
  severity: 'potentially_breaking',
  title: 'Constraint checked while the table is locked',
  description:
    'ADD CONSTRAINT CHECK / FOREIGN KEY without NOT VALID, ADD UNIQUE / PRIMARY KEY without USING INDEX, and SET NOT NULL scan (or index) the whole table while holding a lock that blocks writes (ACCESS EXCLUSIVE for most).',
  safeAlternative:
    'NOT VALID then VALIDATE CONSTRAINT; a unique index built CONCURRENTLY then ADD CONSTRAINT … USING INDEX; a validated CHECK (col IS NOT NULL) before SET NOT NULL.',
  classify: ({ details }) => ({
    ...lint('scan')(details),
    suggestedMigration: 'Split into the lock-free form: NOT VALID + VALIDATE, CONCURRENTLY + USING INDEX, CHECK then SET NOT NULL',
  }),
});

export const notRerunnable = defineDatabaseRule({
  id: 'not-rerunnable',
  code: 'DB605',
  issueType: 'not_rerunnable',
  change: 'statement.not_rerunnable',
  severity: 'non_breaking',
  title: 'Statement cannot be run twice',
  description:
    'Statements outside a transaction (CONCURRENTLY, or a runner without one) leave a half-applied migration when one fails; without IF [NOT] EXISTS, running the file again fails on what the first run did. Not reported inside BEGIN … COMMIT (a failure rolls the block back), for an unnamed CREATE INDEX (a rerun names it anew), nor for statements that do the same when run twice (SET DEFAULT, DROP NOT NULL, TYPE, VALIDATE CONSTRAINT).',
  safeAlternative:
    'CREATE … IF NOT EXISTS, DROP … IF EXISTS (DROP CONSTRAINT IF EXISTS), ADD COLUMN IF NOT EXISTS, ADD VALUE IF NOT EXISTS; DROP CONSTRAINT IF EXISTS before ADD CONSTRAINT.',
  classify: ({ details }) => ({ ...lint('rerun')(details), suggestedMigration: 'Add IF NOT EXISTS / IF EXISTS' }),
});

export const enumValueUnpositioned = defineDatabaseRule({
  id: 'enum-value-unpositioned',
  code: 'DB606',
  issueType: 'enum_value_unpositioned',
  change: 'statement.enum_value_unpositioned',
  severity: 'non_breaking',
  title: 'Enum value added without a position',
  description:
    "ALTER TYPE … ADD VALUE without BEFORE or AFTER appends the value: enums sort by declaration order, so ORDER BY, <, > and range checks on the column put it after every existing value, wherever it belongs ('medium' after 'high').",
  safeAlternative: "ADD VALUE 'medium' BEFORE 'high' (or AFTER …) when the order means something; suppress the finding when it does not.",
  classify: ({ details }) => ({ ...lint('enum')(details), suggestedMigration: 'Say where the value goes: ADD VALUE … BEFORE / AFTER an existing value' }),
});

export const reindexNotConcurrent = defineDatabaseRule({
  id: 'reindex-not-concurrent',
  code: 'DB607',
  issueType: 'reindex_not_concurrent',
  change: 'statement.reindex_not_concurrent',
  severity: 'potentially_breaking',
  title: 'Index rebuilt without CONCURRENTLY',
  description:
    'REINDEX without CONCURRENTLY takes a SHARE lock on the table, blocking every write until the rebuild ends, and an ACCESS EXCLUSIVE lock on each index it rebuilds, blocking the reads that plan with it. REINDEX SCHEMA / DATABASE does so table after table. Not reported for a table the same file creates.',
  safeAlternative:
    'REINDEX INDEX CONCURRENTLY (PostgreSQL 12+), outside a transaction block; it takes only SHARE UPDATE EXCLUSIVE. Drop the `_ccnew` index a failed run leaves.',
  classify: ({ details }) => ({ ...lint('index')(details), suggestedMigration: 'Use REINDEX … CONCURRENTLY, outside BEGIN … COMMIT' }),
});

export const unusedSuppression = defineDatabaseRule({
  id: 'unused-suppression',
  code: 'DB699',
  issueType: 'unused_suppression',
  change: 'statement.unused_suppression',
  severity: 'non_breaking',
  title: 'Suppression that suppresses nothing',
  description:
    'A `-- migration-architect-ignore` directive names a rule that finds nothing at its statement: it is stale (the statement changed) or misplaced, and would hide a future finding for no reason.',
  safeAlternative: 'Remove the directive, or move it to the line before the statement it is meant for.',
  classify: ({ details }) => ({
    description: `line ${details.line}: migration-architect-ignore ${details.codes.join(', ')} suppresses nothing at ${details.statement.text.slice(0, 80)}`,
    impact: 'None now; it would hide a later finding',
    suggestedMigration: 'Remove the directive',
    affectedOperations: [],
  }),
});

/** Migration-file examples: `after` is the migration applied to `before`. */
export const statementRuleExamples: Record<string, { before: string; after: string }> = {
  'index-not-concurrent': { before: MIGRATION_EXAMPLE_BEFORE, after: "SET lock_timeout = '5s';\nCREATE INDEX IF NOT EXISTS users_email_idx ON users (email);" },
  'concurrently-in-transaction': {
    before: MIGRATION_EXAMPLE_BEFORE,
    after: 'BEGIN;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);\nCOMMIT;',
  },
  'missing-lock-timeout': { before: MIGRATION_EXAMPLE_BEFORE, after: 'ALTER TABLE users ADD COLUMN IF NOT EXISTS note text;' },
  'validates-under-lock': {
    before: MIGRATION_EXAMPLE_BEFORE,
    after: "SET lock_timeout = '5s';\nALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0);",
  },
  'not-rerunnable': { before: MIGRATION_EXAMPLE_BEFORE, after: "SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN note text;" },
  'enum-value-unpositioned': {
    before: "CREATE TYPE priority AS ENUM ('low', 'high');",
    after: "ALTER TYPE priority ADD VALUE IF NOT EXISTS 'medium';",
  },
  'reindex-not-concurrent': { before: MIGRATION_EXAMPLE_BEFORE, after: "SET lock_timeout = '5s';\nREINDEX INDEX users_age_idx;" },
  'unused-suppression': {
    before: MIGRATION_EXAMPLE_BEFORE,
    after: "SET lock_timeout = '5s';\n-- migration-architect-ignore DB601: not an index\nALTER TABLE users ADD COLUMN IF NOT EXISTS note text;",
  },
};
