import type { MigrationScript, RuleContext } from '@migration-architect/core';
import { databaseRules } from '../rules/index.js';
import { diffDatabaseSchemas } from '../schema/diff.js';
import { loadJsonDatabaseSchema, splitQualifiedName } from '../schema/json-schema-loader.js';
import type { DatabaseSchema, Table } from '../schema/model.js';
import type { SpecSchemaChange } from './spec-readers.js';

export interface ChangeSql {
  /** The checker's rule that wrote it: `column-added`. */
  rule: string;
  script: MigrationScript;
  before: DatabaseSchema;
  after: DatabaseSchema;
}

type JsonTable = { columns: Record<string, Record<string, unknown>>; constraints: Record<string, unknown[]>; indexes: unknown[] };

const emptyTable = (): JsonTable => ({ columns: {}, constraints: {}, indexes: [] });

/** `users(id)` → table and columns. */
function parseReference(reference: string): { table: string; columns: string[] } {
  const match = /^([^()\s]+)\s*\(([^()]+)\)$/.exec(reference.trim())!;
  return { table: match[1]!, columns: match[2]!.split(',').map((c) => c.trim()) };
}

/**
 * Before and after documents (the seed's JSON schema format) holding just what one spec change
 * touches. Columns the change only refers to exist on both sides as `text`: the spec does not
 * give their types, and no script below depends on them.
 */
function documentsFor(change: SpecSchemaChange): {
  before: Record<string, JsonTable>;
  after: Record<string, JsonTable>;
  renames: { from: string; to: string }[];
} {
  const e = change.entry;
  const table = change.table!;
  const before: Record<string, JsonTable> = { [table]: emptyTable() };
  const after: Record<string, JsonTable> = { [table]: emptyTable() };
  const column = typeof e['column'] === 'string' ? e['column'] : null;
  const both = (name: string, type = 'text', t = table) => {
    before[t] ??= emptyTable();
    after[t] ??= emptyTable();
    before[t]!.columns[name] ??= { type };
    after[t]!.columns[name] ??= { type };
  };
  const columns = Array.isArray(e['columns']) ? (e['columns'] as string[]) : [];
  const renames: { from: string; to: string }[] = [];
  switch (change.type) {
    case 'add_column':
      after[table]!.columns[column!] = {
        type: e['data_type'],
        nullable: e['nullable'] ?? true,
        ...(e['default'] !== undefined ? { default: e['default'] } : {}),
      };
      break;
    case 'drop_column':
      before[table]!.columns[column!] = { type: typeof e['data_type'] === 'string' ? e['data_type'] : 'text' };
      break;
    case 'rename_column':
      before[table]!.columns[column!] = { type: 'text' };
      after[table]!.columns[e['new_name'] as string] = { type: 'text' };
      renames.push({ from: `${table}.${column}`, to: `${table}.${e['new_name']}` });
      break;
    case 'add_constraint':
    case 'drop_constraint': {
      const side = change.type === 'add_constraint' ? after : before;
      const kind = (e['constraint_type'] as string | undefined) ?? 'check';
      const name = e['constraint_name'] as string | undefined;
      for (const c of columns) both(c);
      if (kind === 'check') side[table]!.constraints['check'] = [{ ...(name ? { name } : {}), expression: (e['definition'] as string | undefined) ?? 'true' }];
      if (kind === 'unique') side[table]!.constraints['unique'] = [{ ...(name ? { name } : {}), columns }];
      if (kind === 'foreign_key') {
        const ref = parseReference(e['references'] as string);
        for (const c of ref.columns) both(c, 'text', ref.table);
        side[table]!.constraints['foreign_key'] = [{ ...(name ? { name } : {}), columns, references: { table: ref.table, columns: ref.columns } }];
      }
      break;
    }
    case 'add_index':
    case 'drop_index': {
      for (const c of columns.length ? columns : ['id']) both(c);
      const side = change.type === 'add_index' ? after : before;
      side[table]!.indexes = [
        { ...(e['index_name'] ? { name: e['index_name'] } : {}), columns: columns.length ? columns : ['id'], unique: e['unique'] === true },
      ];
      break;
    }
    default:
      // Type changes.
      before[table]!.columns[column!] = { type: change.oldType ?? 'text' };
      after[table]!.columns[column!] = { type: change.newType! };
  }
  return { before, after, renames };
}

/**
 * The SQL `check` writes for one spec change: the change is turned into a before and an after
 * schema, diffed, and classified by the database checker's own rules, so plans and compatibility
 * reports share one implementation. Null when no rule writes a script for it.
 */
export function sqlForChange(change: SpecSchemaChange): ChangeSql | null {
  if (!change.table) return null;
  const docs = documentsFor(change);
  const before = loadJsonDatabaseSchema({ tables: docs.before }, { file: change.path });
  const after = loadJsonDatabaseSchema({ tables: docs.after }, { file: change.path });
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
