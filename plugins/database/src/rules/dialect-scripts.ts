import type { RuleOutcome } from '@migration-architect/core';

/** Dialects the generated SQL is written for. */
const SCRIPTED_DIALECTS = new Set(['postgresql']);

/**
 * The rules write PostgreSQL. For a schema read from another engine (SQLite), a PostgreSQL
 * script would be wrong, so the finding keeps its advice and says plainly that no script is given.
 */
export function forDialect(outcome: RuleOutcome, dialect: string | null): RuleOutcome {
  if (!outcome.script || dialect === null || SCRIPTED_DIALECTS.has(dialect)) return outcome;
  const { script: _dropped, ...advice } = outcome;
  return { ...advice, suggestedMigration: `${outcome.suggestedMigration} (no ${dialect} script: generated SQL is PostgreSQL only)` };
}
