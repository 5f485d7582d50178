import type { DatabaseSchema, QualifiedName, Table } from './model.js';
import { DEFAULT_SCHEMA, objectIdentity } from './qualified-name.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** What a declared rename changes in the canonical forms of definitions that name the table or column. */
export interface CanonicalRenames {
  /** `schema.table` identities (objectIdentity) to the new name. */
  relations?: ReadonlyMap<string, string>;
  /** Old column name to new, for definitions on (or reading) the renamed column's table. */
  columns?: ReadonlyMap<string, string>;
}

const sval = (node: Json): string | undefined => (node as { String?: { sval?: string } } | null)?.String?.sval;

/** The column name a select-list entry without AS gets from a plain column reference. */
function impliedColumn(value: Json): string | undefined {
  const fields = (value as { ColumnRef?: { fields?: Json[] } } | null)?.ColumnRef?.fields;
  return fields?.length ? sval(fields[fields.length - 1]!) : undefined;
}

function renamed(value: Json, renames: CanonicalRenames): Json {
  if (Array.isArray(value)) return value.map((v) => renamed(v, renames));
  if (!value || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, inner] of Object.entries(value)) {
    const node = inner as { [k: string]: Json };
    if (key === 'ColumnRef') {
      const fields = (node['fields'] as Json[] | undefined) ?? [];
      const last = sval(fields[fields.length - 1] ?? null);
      const to = last !== undefined ? renames.columns?.get(last) : undefined;
      out[key] = to === undefined ? renamed(inner, renames) : { ...node, fields: [...fields.slice(0, -1), { String: { sval: to } }] };
    } else if (key === 'IndexElem' && typeof node['name'] === 'string' && renames.columns?.has(node['name'])) {
      out[key] = renamed({ ...node, name: renames.columns.get(node['name'])! }, renames);
    } else if (key === 'ResTarget' && node['name'] === undefined && renames.columns?.has(impliedColumn(node['val'] ?? null) ?? '')) {
      // PostgreSQL keeps a view's output names: `SELECT a` becomes `SELECT b AS a` once a is renamed to b.
      // `name` first, where the parser puts it: canonical forms are compared as text.
      out[key] = renamed({ name: impliedColumn(node['val'] ?? null)!, ...node }, renames);
    } else if (key === 'RangeVar' && typeof node['relname'] === 'string') {
      const schema = typeof node['schemaname'] === 'string' ? node['schemaname'] : null;
      const to = renames.relations?.get(objectIdentity({ schema, name: node['relname'] }));
      out[key] = renamed(to === undefined ? inner : { ...node, relname: to }, renames);
    } else {
      out[key] = renamed(inner, renames);
    }
  }
  return out;
}

/**
 * A canonical form (canonical-tree.ts) as PostgreSQL would print the definition after the renames:
 * it follows a renamed table or column by its identity, so a view, index or check that only
 * names them is unchanged rather than replaced. Matching columns is by name within what the
 * caller passes; a definition that differs otherwise still differs.
 */
export function renameInCanonical(canonical: string, renames: CanonicalRenames): string {
  // An index's form ends with its INCLUDE columns after the tree (create-index.ts): ` INCLUDE a,b`.
  const include = /^([\s\S]*) INCLUDE ([^"]*)$/.exec(canonical);
  const tree = include ? include[1]! : canonical;
  let parsed: Json;
  try {
    parsed = JSON.parse(tree) as Json;
  } catch {
    return canonical; // not a tree this knows: compared as it stands
  }
  const columns = include ? include[2]!.split(',').map((c) => renames.columns?.get(c) ?? c) : undefined;
  return JSON.stringify(renamed(parsed, renames)) + (columns ? ` INCLUDE ${columns.join(',')}` : '');
}

/** Whether a view's canonical form reads the table (a RangeVar naming it). */
function viewReads(canonical: string, table: QualifiedName): boolean {
  return (
    canonical.includes(`"relname":${JSON.stringify(table.name)}`) &&
    (table.schema === null || table.schema === DEFAULT_SCHEMA || canonical.includes(`"schemaname":${JSON.stringify(table.schema)}`))
  );
}

/** As PostgreSQL does on ALTER TABLE … RENAME: views that read the table follow it (their canonical forms name the new one). */
export function followTableRename(model: DatabaseSchema, from: QualifiedName, to: string): void {
  const relations = new Map([[objectIdentity(from), to]]);
  for (const view of model.views) if (view.canonical !== undefined) view.canonical = renameInCanonical(view.canonical, { relations });
  // A function returning the table's row type (`SETOF customer`) returns the renamed type, as in PostgreSQL.
  for (const routine of model.routines) if (routine.returns) routine.returns = renameRowType(routine.returns, from, to);
}

/** `SETOF customer`, `public.customer[]` → the same over the renamed table; any other type as it was. */
function renameRowType(type: string, from: QualifiedName, to: string): string {
  const name = /^(SETOF\s+)?(?:([A-Za-z_][\w$]*|"(?:[^"]|"")+")\.)?([A-Za-z_][\w$]*|"(?:[^"]|"")+")((?:\[\])*)$/i.exec(type.trim());
  if (!name) return type;
  const unquote = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part.toLowerCase());
  if (objectIdentity({ schema: name[2] ? unquote(name[2]) : null, name: unquote(name[3]!) }) !== objectIdentity(from)) return type;
  const spelled = /^[a-z_][a-z0-9_$]*$/.test(to) ? to : `"${to.replace(/"/g, '""')}"`;
  return `${name[1] ?? ''}${name[2] ? `${name[2]}.` : ''}${spelled}${name[4]}`;
}

/**
 * As PostgreSQL does on ALTER TABLE … RENAME COLUMN: the table's checks and indexes, foreign keys
 * that reference the column and views that read the table follow it (names and canonical forms).
 * Call after the column itself is renamed.
 */
export function followColumnRename(model: DatabaseSchema, table: Table, from: string, to: string): void {
  const columns = new Map([[from, to]]);
  const swap = (names: string[]) => names.map((n) => (n === from ? to : n));
  for (const check of table.checks) if (check.canonical !== undefined) check.canonical = renameInCanonical(check.canonical, { columns });
  for (const index of table.indexes) if (index.canonical !== undefined) index.canonical = renameInCanonical(index.canonical, { columns });
  for (const other of model.tables) {
    for (const fk of other.foreignKeys) if (objectIdentity(fk.references) === objectIdentity(table)) fk.references.columns = swap(fk.references.columns);
  }
  for (const view of model.views) {
    if (view.canonical !== undefined && viewReads(view.canonical, table)) view.canonical = renameInCanonical(view.canonical, { columns });
  }
}
