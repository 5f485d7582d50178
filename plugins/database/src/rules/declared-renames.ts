import type { DatabaseChange } from '../schema/changes.js';
import type { DatabaseSchema, QualifiedName, Table } from '../schema/model.js';
import { objectIdentity } from '../schema/qualified-name.js';
import { createTableDescription } from './migration-script.js';

/**
 * The renames the diff applied between two schemas (`--rename` hints and ALTER … RENAME the after
 * file declares), kept by the after model the rules' context carries. A renamed table is in the
 * after schema under a name the before schema lacks; without this, scripts that need it would wait
 * for a "Create new table" script the report does not have, and so not wait at all.
 */
interface Renames {
  /** After table identity → the before table. */
  tables: Map<string, Table>;
  /** `<after table key>.<new column>` → the script that renames the column. */
  columns: Map<string, string>;
  /** `<after table key>.<old column>` → its new name. */
  newNames: Map<string, string>;
}

const applied = new WeakMap<DatabaseSchema, Renames>();

/** How the rename rules describe their scripts; scripts that need the new name depend on them by it. */
export const renameTableDescription = (from: string, to: string) => `Rename table ${from} to ${to}`;
export const renameColumnDescription = (table: string, from: string, to: string) => `Rename column ${table}.${from} to ${to}`;

/** Called by the checker's diff with the changes it found, so the rules can look the renames up. */
export function recordRenames(after: DatabaseSchema, changes: readonly DatabaseChange[]): void {
  const renames: Renames = { tables: new Map(), columns: new Map(), newNames: new Map() };
  for (const change of changes) {
    if (change.kind === 'table.renamed') {
      const { before, after: table } = (change as DatabaseChange<'table.renamed'>).details;
      renames.tables.set(objectIdentity(table), before);
    } else if (change.kind === 'column.renamed') {
      const { tables, before, after: column } = (change as DatabaseChange<'column.renamed'>).details;
      renames.columns.set(`${tables.after.key}.${column.name}`, renameColumnDescription(tables.after.key, before.name, column.name));
      renames.newNames.set(`${tables.after.key}.${before.name}`, column.name);
    }
  }
  applied.set(after, renames);
}

/** The before schema's table that is this after table: under the same name, or the one renamed to it. */
export function beforeTableOf(context: { before: DatabaseSchema; after: DatabaseSchema }, table: QualifiedName): Table | undefined {
  const id = objectIdentity(table);
  return context.before.tables.find((t) => objectIdentity(t) === id) ?? applied.get(context.after)?.tables.get(id);
}

/** A table of the after schema that the before schema has under no name: its creation script comes first. */
export function isNewTable(context: { before: DatabaseSchema; after: DatabaseSchema }, table: QualifiedName): boolean {
  const id = objectIdentity(table);
  return !beforeTableOf(context, table) && context.after.tables.some((t) => objectIdentity(t) === id);
}

/** The script that gives a column of the after schema its name, when a declared rename does. */
export function columnRenameScript(after: DatabaseSchema, table: string, column: string): string | undefined {
  return applied.get(after)?.columns.get(`${table}.${column}`);
}

/**
 * The script a script that uses this after table waits for: its creation when it is new, its
 * rename when a declared rename gives it its name, none when it was there under that name already.
 */
export function tableDependencies(context: { before: DatabaseSchema; after: DatabaseSchema }, table: QualifiedName): string[] {
  const id = objectIdentity(table);
  const current = context.after.tables.find((t) => objectIdentity(t) === id);
  if (!current || context.before.tables.some((t) => objectIdentity(t) === id)) return [];
  const renamed = applied.get(context.after)?.tables.get(id);
  return [renamed ? renameTableDescription(renamed.key, current.key) : createTableDescription(current.key)];
}

/**
 * The old name of a table a declared rename renamed: its rename script leaves a view under that name
 * (`SELECT *` over the table) for clients not yet moved, which then depends on every column.
 */
export function compatibilityViewOf(
  context: { before: DatabaseSchema; after: DatabaseSchema },
  table: Table,
): { view: QualifiedName; columns: string[] } | undefined {
  const before = beforeTableOf(context, table);
  if (!before || objectIdentity(before) === objectIdentity(table)) return undefined;
  return {
    view: { schema: before.schema, name: before.name },
    columns: renamedColumns(
      context.after,
      table.key,
      before.columns.map((c) => c.name),
    ),
  };
}

/** A table of the before schema that the after schema has under no name: its script retires it (renamed aside). */
export function isRetired(context: { before: DatabaseSchema; after: DatabaseSchema }, table: QualifiedName): boolean {
  const id = objectIdentity(table);
  if (context.after.tables.some((t) => objectIdentity(t) === id)) return false;
  return ![...(applied.get(context.after)?.tables.values() ?? [])].some((t) => objectIdentity(t) === id);
}

/** Columns of a before table under the names declared renames give them in the after table `table`. */
export function renamedColumns(after: DatabaseSchema, table: string, columns: readonly string[]): string[] {
  const names = applied.get(after)?.newNames;
  return columns.map((c) => names?.get(`${table}.${c}`) ?? c);
}

/** The column renames declared on an after table, as old name → new name. */
export function declaredColumnRenames(after: DatabaseSchema, table: string): { from: string; to: string }[] {
  const prefix = `${table}.`;
  return [...(applied.get(after)?.newNames ?? [])].filter(([key]) => key.startsWith(prefix)).map(([key, to]) => ({ from: key.slice(prefix.length), to }));
}

/** The tables declared renames renamed: the before table, and its name in the after schema. */
export function declaredTableRenames(after: DatabaseSchema): { table: Table; name: string }[] {
  return [...(applied.get(after)?.tables ?? [])].flatMap(([id, before]) => {
    const table = after.tables.find((t) => objectIdentity(t) === id);
    return table ? [{ table: before, name: table.name }] : [];
  });
}
