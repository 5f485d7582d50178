import type { MigrationScript, RuleContext } from '@migration-architect/core';
import { databaseRules } from '../rules/index.js';
import { diffDatabaseSchemas } from '../schema/diff.js';
import type { JsonTable } from '../schema/json-document-schema.js';
import { databaseSchemaFromJson, loadJsonDatabaseSchema, splitQualifiedName } from '../schema/json-schema-loader.js';
import type { DatabaseSchema, Table } from '../schema/model.js';
import type { SpecSchemaChange } from './spec-readers.js';

export interface ChangeSql {
  /** The checker's rule that wrote it: `column-added`. */
  rule: string;
  script: MigrationScript;
  before: DatabaseSchema;
  after: DatabaseSchema;
}

type Documents = { before: Record<string, JsonTable>; after: Record<string, JsonTable>; renames: { from: string; to: string }[] };

const emptyTable = (): JsonTable => ({ columns: {}, constraints: {}, indexes: [] });

/** `users(id)` → table and columns. */
function parseReference(reference: string): { table: string; columns: string[] } {
  const match = /^([^()\s]+)\s*\(([^()]+)\)$/.exec(reference.trim())!;
  return { table: match[1]!, columns: match[2]!.split(',').map((c) => c.trim()) };
}

/**
 * Before and after documents (the seed's JSON schema format) holding just what one spec change
 * touches, written in the form the format's validation gives (shorthands expanded). Columns the
 * change only refers to exist on both sides as `text`: the spec does not give their types, and no
 * script below depends on them. `inValidatedForm` is false when a value is not one the
 * validation would keep as it stands (a name with surrounding blanks, a default of another type):
 * such documents go through the validating loader, for its trimming and its messages.
 */
export function changeDocuments(change: SpecSchemaChange & { table: string }): Documents & { inValidatedForm: boolean } {
  const e = change.entry;
  const table = change.table;
  const before: Record<string, JsonTable> = { [table]: emptyTable() };
  const after: Record<string, JsonTable> = { [table]: emptyTable() };
  let inValidatedForm = true;
  // What the format's Name (and type, expression) keeps as it stands: a trimmed, non-empty string.
  const kept = <T>(value: T): T => {
    if (typeof value !== 'string' || value === '' || value.trim() !== value) inValidatedForm = false;
    return value;
  };
  const column = typeof e['column'] === 'string' ? e['column'] : null;
  const both = (name: string, type = 'text', t = table) => {
    before[t] ??= emptyTable();
    after[t] ??= emptyTable();
    before[t]!.columns![name] ??= { type };
    after[t]!.columns![name] ??= { type };
  };
  // Copies: the model must not share arrays with the spec the plan also reads.
  const columns = Array.isArray(e['columns']) ? (e['columns'] as string[]).map(kept) : [];
  const renames: { from: string; to: string }[] = [];
  switch (change.type) {
    case 'add_column': {
      const nullable = e['nullable'] ?? true;
      const value = e['default'];
      if (typeof nullable !== 'boolean') inValidatedForm = false;
      const scalar = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
      if (value !== undefined && value !== null && !scalar) inValidatedForm = false;
      after[table]!.columns![column!] = {
        type: kept(e['data_type']) as string,
        nullable: nullable as boolean,
        ...(value !== undefined ? { default: value as string | number | boolean | null } : {}),
      };
      break;
    }
    case 'drop_column':
      before[table]!.columns![column!] = { type: typeof e['data_type'] === 'string' ? kept(e['data_type']) : 'text' };
      break;
    case 'rename_column':
      before[table]!.columns![column!] = { type: 'text' };
      after[table]!.columns![e['new_name'] as string] = { type: 'text' };
      renames.push({ from: `${table}.${column}`, to: `${table}.${e['new_name']}` });
      break;
    case 'add_constraint':
    case 'drop_constraint': {
      const side = change.type === 'add_constraint' ? after : before;
      const kind = (e['constraint_type'] as string | undefined) ?? 'check';
      const name = e['constraint_name'] as string | undefined;
      if (name) kept(name);
      const constraints = side[table]!.constraints!;
      for (const c of columns) both(c);
      // The format needs at least one column for these (a drop_constraint may name none).
      if ((kind === 'unique' || kind === 'foreign_key') && columns.length === 0) inValidatedForm = false;
      if (kind === 'check') constraints.check = [{ ...(name ? { name } : {}), expression: kept((e['definition'] as string | undefined) ?? 'true') }];
      if (kind === 'unique') constraints.unique = [{ ...(name ? { name } : {}), columns }];
      if (kind === 'foreign_key') {
        const ref = parseReference(e['references'] as string);
        for (const c of ref.columns) both(kept(c), 'text', kept(ref.table));
        constraints.foreign_key = [{ ...(name ? { name } : {}), columns: [...columns], references: { table: ref.table, columns: ref.columns } }];
      }
      break;
    }
    case 'add_index':
    case 'drop_index': {
      const indexed = columns.length ? columns : ['id'];
      for (const c of indexed) both(c);
      const side = change.type === 'add_index' ? after : before;
      const name = e['index_name'];
      side[table]!.indexes = [{ ...(name ? { name: kept(name) as string } : {}), columns: [...indexed], unique: e['unique'] === true }];
      break;
    }
    default:
      // Type changes.
      before[table]!.columns![column!] = { type: kept(change.oldType ?? 'text') };
      after[table]!.columns![column!] = { type: kept(change.newType) as string };
  }
  return { before, after, renames, inValidatedForm };
}

/**
 * The SQL `check` writes for one spec change: the change is turned into a before and an after
 * schema, diffed, and classified by the database checker's own rules, so plans and compatibility
 * reports share one implementation. Null when no rule writes a script for it.
 */
export function sqlForChange(change: SpecSchemaChange): ChangeSql | null {
  if (!change.table) return null;
  const docs = changeDocuments({ ...change, table: change.table });
  const source = { file: change.path };
  // Documents in the validated form skip the format's zod schema (built on first use, ~20 ms).
  const load = docs.inValidatedForm ? databaseSchemaFromJson : loadJsonDatabaseSchema;
  const before = load({ tables: docs.before }, source);
  const after = load({ tables: docs.after }, source);
  const context: RuleContext<DatabaseSchema> = { before, after, dialect: 'postgresql' };
  for (const diff of diffDatabaseSchemas(before, after, { renames: docs.renames })) {
    const rule = databaseRules.find((r) => r.change === diff.kind && (!r.when || r.when(diff, context)));
    const outcome = rule?.classify(diff, context);
    if (rule && outcome?.script) return { rule: rule.id, script: outcome.script, before, after };
  }
  return null;
}

export function tableOf(schema: DatabaseSchema, name: string): Table | undefined {
  const { schema: s, name: n } = splitQualifiedName(name);
  return schema.tables.find((t) => t.name === n && (t.schema ?? null) === (s ?? null));
}
