import { formatPath } from '@migration-architect/core';
import { change, type ChangeKind, type DatabaseChange } from '../schema/changes.js';
import type { DatabaseSchema, MigrationFile, MigrationStatement } from '../schema/model.js';
import type { StatementLint } from './statement-lints.js';

/** True when `path` is `prefix` or inside it (`tables.users` holds `tables.users.columns.email`). */
function within(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

/** The object a path ends at, for matching it in statement text: `email` in `tables.users.columns.email.type`. */
function objectNameOf(path: string): string | null {
  const parts = path.split('.');
  return parts.length >= 4 ? parts[3]!.replace(/^\["?|"?\]$/g, '') : null;
}

/** The last statement that touched the change's object (preferring one that names it). */
function statementOf(change: DatabaseChange, migration: MigrationFile): MigrationStatement | undefined {
  const name = objectNameOf(change.path);
  const touching = (s: MigrationStatement) =>
    Math.max(-1, ...s.touches.filter((t) => within(change.path, t) || (name !== null && t === `index:${name}`)).map((t) => t.length));
  const all = migration.statements.filter((s) => touching(s) >= 0);
  // A statement that names the changed column beats one that only names its table.
  const closest = Math.max(-1, ...all.map(touching));
  const candidates = all.filter((s) => touching(s) === closest);
  // A new object is where it was created; anything else where it was last changed.
  if (change.kind.endsWith('.added') && name === null) return candidates[0];
  const naming = name ? candidates.filter((s) => s.text.toLowerCase().includes(name.toLowerCase())) : [];
  return (naming.length ? naming : candidates).at(-1);
}

/**
 * The findings of a migration file: every schema change located at the statement that made it
 * (file and line), each statement's own lints, and suppressions applied: a finding whose rule code
 * a `-- migration-architect-ignore` directive before its statement names is left out, and a
 * directive that suppresses nothing is itself reported.
 */
export function migrationFindings(changes: DatabaseChange[], after: DatabaseSchema, codeOf: (change: DatabaseChange) => string | undefined): DatabaseChange[] {
  const migration = after.migration;
  if (!migration) return changes;
  const located = new Map<DatabaseChange, MigrationStatement>();
  const out: DatabaseChange[] = [];
  for (const found of changes) {
    // The file says what it does: a DROP and an ADD in it are not a guessed rename.
    if (found.kind.endsWith('.possibly_renamed')) continue;
    const statement = statementOf(found, migration);
    // Lines of objects the migration did not write point into the before file: no location then.
    const { location: _unplaced, ...unplaced } = found;
    const placed = statement ? { ...found, location: { side: 'after' as const, line: statement.line, file: migration.file } } : unplaced;
    if (statement) located.set(placed, statement);
    out.push(placed);
  }
  for (const statement of migration.statements) {
    for (const lint of statement.lints) {
      // The locked table and the work under the lock travel with the finding, for sizing it (`--stats`).
      const { table, work, lock } = lint as StatementLint;
      const lintChange = change(lint.kind as ChangeKind, formatPath(['statements', String(statement.line)]), statement.text, { after: statement.text }, {
        statement,
        message: lint.message,
        ...(table && work && lock ? { table, work, lock } : {}),
      } as never);
      const placed = { ...lintChange, location: { side: 'after' as const, line: statement.line, file: migration.file } };
      located.set(placed, statement);
      out.push(placed);
    }
  }
  const used = new Set<string>();
  const kept = out.filter((found) => {
    const statement = located.get(found);
    const code = codeOf(found);
    const directive = statement && code ? statement.suppressions.find((s) => s.codes.includes(code)) : undefined;
    if (!directive) return true;
    used.add(`${directive.line}:${code}`);
    return false;
  });
  for (const statement of migration.statements) {
    for (const directive of statement.suppressions) {
      const unused = directive.codes.filter((code) => !used.has(`${directive.line}:${code}`));
      if (unused.length === 0) continue;
      const unusedChange = change(
        'statement.unused_suppression',
        formatPath(['statements', String(statement.line), 'suppressions']),
        statement.text,
        { before: unused },
        { statement, codes: unused, line: directive.line },
      );
      kept.push({ ...unusedChange, location: { side: 'after', line: directive.line, file: migration.file } });
    }
  }
  return kept;
}
