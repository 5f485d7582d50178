import { checkCompatibility, type CompatibilityReport, type RenameHint } from '@migration-architect/core';
import { databaseModelDocument } from '../src/schema/model-document.js';
import { readPostgresqlSql } from '../src/sources/postgresql-sql/postgresql-sql-source.js';
import { clock, registry } from './fixtures.js';

/** Checks two SQL texts the way `check --type database before.sql after.sql` does. */
export async function checkSql(before: string, after: string, renames: RenameHint[] = []): Promise<CompatibilityReport> {
  const load = async (text: string, file: string) => ({ document: databaseModelDocument('postgresql-sql', await readPostgresqlSql(text, file)), file });
  return checkCompatibility(registry, 'database', await load(before, 'before.sql'), await load(after, 'after.sql'), { clock, renames });
}

/** What a comparison of two reports looks at: which rule found what, where, how bad. */
export function findings(report: CompatibilityReport): string[] {
  return report.issues.map((i) => `${i.rule} ${i.severity} ${i.field_path}`).sort();
}
