import type { DatabaseChange } from '../schema/changes.js';
import type { DatabaseSchema, MigrationFile, MigrationStatement } from '../schema/model.js';

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
 * The changes of a migration file, each located at the statement that made it (file and line).
 * The statements' own lints and the `migration-architect-ignore` comments are not changes: the
 * migration reader hands them to core (`SchemaRead.lints`, `acceptances`), which owns rule
 * selection and acceptance.
 */
export function locateMigrationChanges(changes: DatabaseChange[], after: DatabaseSchema): DatabaseChange[] {
  const migration = after.migration;
  if (!migration) return changes;
  return changes.flatMap((found) => {
    // The file says what it does: a DROP and an ADD in it are not a guessed rename.
    if (found.kind.endsWith('.possibly_renamed')) return [];
    const statement = statementOf(found, migration);
    // Lines of objects the migration did not write point into the before file: no location then.
    const { location: _unplaced, ...unplaced } = found;
    return [statement ? { ...found, location: { side: 'after' as const, line: statement.line, file: migration.file } } : unplaced];
  });
}
