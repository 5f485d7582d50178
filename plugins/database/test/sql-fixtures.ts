import { checkCompatibility, type CompatibilityReport, type RenameHint } from '@migration-architect/core';
import { clock, registry } from './fixtures.js';

/** Checks two SQL texts the way `check --type database before.sql after.sql` does. */
export async function checkSql(before: string, after: string, renames: RenameHint[] = []): Promise<CompatibilityReport> {
  return checkCompatibility(registry, {
    type: 'database',
    before: { name: 'before.sql', document: before },
    after: { name: 'after.sql', document: after },
    clock,
    renames,
  });
}

/** What a comparison of two reports looks at: which rule found what, where, how bad. */
export function findings(report: CompatibilityReport): string[] {
  return report.issues.map((i) => `${i.rule} ${i.severity} ${i.field_path}`).sort();
}
