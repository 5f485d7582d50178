import { defineChecker } from '@migration-architect/core';
import { applyMigrationFile } from '../migration/migration-file.js';
import { locateMigrationChanges } from '../migration/migration-findings.js';
import { recordRenames } from '../rules/declared-renames.js';
import { databaseRules } from '../rules/index.js';
import { diffDatabaseSchemas } from '../schema/diff.js';
import { CHANGE_KINDS } from '../schema/changes.js';
import type { DatabaseSchema } from '../schema/model.js';
import { verifyDatabaseReport } from '../verify/database-verify.js';
import { databaseRecommendations } from './recommendations.js';

/** `check --type database`: two schemas from any database source, classified for running clients. */
export const databaseChecker = defineChecker<DatabaseSchema>({
  id: 'database',
  title: 'Database schema (PostgreSQL)',
  description:
    'Compares two database schemas (tables, columns, constraints, indexes, views, procedures) and classifies every change for running clients, with PostgreSQL migration and rollback SQL that avoids long locks.',
  changeKinds: [...CHANGE_KINDS],
  // A migration file's changes are traced to their statements; its lints and inline acceptances go to core with the read.
  diff: (before, after, options) => {
    const changes = locateMigrationChanges(diffDatabaseSchemas(before, after, options), after);
    // The rules look renamed tables and columns up by the after model (rules/declared-renames.ts).
    recordRenames(after, changes);
    return changes;
  },
  applyMigration: applyMigrationFile,
  rules: databaseRules,
  recommendations: databaseRecommendations,
  verify: verifyDatabaseReport,
});
