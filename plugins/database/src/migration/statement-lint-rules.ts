import type { StatementLintKind } from './statement-lints.js';

/** The rule (by id) that reports each statement lint: core classifies a lint with the rule it names, without selecting one. */
export const STATEMENT_LINT_RULES: Record<StatementLintKind, string> = {
  'statement.index_not_concurrent': 'index-not-concurrent',
  'statement.concurrently_in_transaction': 'concurrently-in-transaction',
  'statement.missing_lock_timeout': 'missing-lock-timeout',
  'statement.validates_under_lock': 'validates-under-lock',
  'statement.not_rerunnable': 'not-rerunnable',
  'statement.enum_value_unpositioned': 'enum-value-unpositioned',
  'statement.reindex_not_concurrent': 'reindex-not-concurrent',
};
