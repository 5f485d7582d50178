import { describeZodError, formatPath, InputDataError } from '@migration-architect/core';
import { defaultObjectName } from '../sql/constraint-names.js';
import { isBuiltInTypeName, parseColumnType } from './column-type.js';
import { parseDefault } from './default-value.js';
import { JsonDatabaseSchemaDocument, type JsonColumn, type JsonDatabaseSchema, type JsonRoutine, type JsonTable } from './json-document-schema.js';
import {
  type Column,
  type DatabaseSchema,
  type Index,
  type ParameterMode,
  type PrimaryKey,
  type QualifiedName,
  type Routine,
  type RoutineParameter,
  type Table,
  type UniqueConstraint,
  type View,
  emptyDatabaseSchema,
} from './model.js';

type Path = (string | number)[];

function fail(message: string, path: Path, file: string): never {
  throw new InputDataError(message, { file, path: formatPath(path) || undefined });
}

/** `billing.invoices` → schema billing; a plain name is left to search_path. */
export function splitQualifiedName(key: string): QualifiedName {
  const parts = key.split('.');
  if (parts.length === 2 && parts[0] && parts[1]) return { schema: parts[0], name: parts[1] };
  return { schema: null, name: key };
}

const PLAIN_COLUMN = /^[A-Za-z_][\w$]*$/;

function loadColumn(name: string, json: JsonColumn, inPrimaryKey: boolean): Column {
  const { type, serial } = parseColumnType(json.type, json);
  const parsedDefault = parseDefault(json.default, type);
  const identity = json.identity ?? (json.auto_increment ? 'by_default' : serial ? 'serial' : null);
  return {
    name,
    type,
    // Primary-key columns are NOT NULL whatever the document says; identity columns too.
    nullable: inPrimaryKey || identity === 'always' || identity === 'by_default' ? false : (json.nullable ?? true),
    default: parsedDefault.default,
    onUpdate: parsedDefault.onUpdate,
    identity,
    comment: json.comment ?? null,
  };
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function loadTable(key: string, json: JsonTable, file: string): Table {
  const where: Path = ['tables', key];
  const { schema, name } = splitQualifiedName(key);
  const columnEntries = Object.entries(json.columns ?? {});
  const columnNames = columnEntries.map(([column]) => column);
  const constraints = json.constraints ?? {};

  const requireColumns = (columns: readonly string[], path: Path) => {
    for (const column of columns) {
      if (PLAIN_COLUMN.test(column) && !columnNames.includes(column)) {
        fail(`column "${column}" is not a column of table "${key}"`, path, file);
      }
    }
  };

  const declaredKey = constraints.primary_key && !Array.isArray(constraints.primary_key) ? constraints.primary_key : null;
  const flaggedKey = columnEntries.filter(([, c]) => c.primary_key).map(([column]) => column);
  const primaryKey: PrimaryKey | null = declaredKey
    ? { name: 'name' in declaredKey && typeof declaredKey.name === 'string' ? declaredKey.name : null, columns: declaredKey.columns }
    : flaggedKey.length
      ? { name: null, columns: flaggedKey }
      : null;
  if (declaredKey) requireColumns(declaredKey.columns, [...where, 'constraints', 'primary_key']);

  const columns = columnEntries.map(([column, definition]) => loadColumn(column, definition, primaryKey?.columns.includes(column) ?? false));

  const uniques: UniqueConstraint[] = [];
  (constraints.unique ?? []).forEach((unique, i) => {
    requireColumns(unique.columns, [...where, 'constraints', 'unique', i]);
    const constraintName = 'name' in unique && typeof unique.name === 'string' ? unique.name : null;
    if (!uniques.some((u) => sameColumns(u.columns, unique.columns))) uniques.push({ name: constraintName, columns: unique.columns });
  });
  // A column's `unique: true` is the same constraint the constraints list may already declare.
  for (const [column, definition] of columnEntries) {
    if (definition.unique && !uniques.some((u) => sameColumns(u.columns, [column]))) uniques.push({ name: null, columns: [column] });
  }

  const checks = (constraints.check ?? []).map((check) =>
    typeof check === 'string' ? { name: null, expression: check } : { name: check.name ?? null, expression: check.expression },
  );

  const foreignKeys = (constraints.foreign_key ?? []).map((fk, i) => {
    const path: Path = [...where, 'constraints', 'foreign_key', i];
    requireColumns(fk.columns, [...path, 'columns']);
    if (fk.references.columns.length !== fk.columns.length) {
      fail(`${fk.columns.length} column(s) reference ${fk.references.columns.length} column(s) of "${fk.references.table}"`, [...path, 'references'], file);
    }
    return {
      name: fk.name ?? null,
      columns: fk.columns,
      references: { ...splitQualifiedName(fk.references.table), columns: fk.references.columns },
      onDelete: fk.on_delete ?? null,
      onUpdate: fk.on_update ?? null,
    };
  });

  const indexes: Index[] = [];
  (json.indexes ?? []).forEach((index, i) => {
    const path: Path = [...where, 'indexes', i];
    requireColumns(index.columns, [...path, 'columns']);
    const indexName =
      index.name ??
      defaultObjectName(
        name,
        index.columns.map((c) => (PLAIN_COLUMN.test(c) ? c : 'expr')),
        'idx',
      );
    if (indexes.some((other) => other.name === indexName)) fail(`index "${indexName}" is defined twice`, [...path, 'name'], file);
    const method = index.method?.toLowerCase() ?? null;
    indexes.push({
      name: indexName,
      columns: index.columns,
      unique: index.unique ?? false,
      predicate: index.where ?? null,
      method: method === 'btree' ? null : method,
    });
  });

  return { key, schema, name, columns, primaryKey, uniques, checks, foreignKeys, indexes };
}

const MODES = new Set<string>(['in', 'out', 'inout', 'variadic']);

/** `user_id bigint`, `IN total numeric(10,2)`, `double precision` (no name). */
function parseParameter(parameter: NonNullable<JsonRoutine['parameters']>[number]): RoutineParameter {
  if (typeof parameter !== 'string') {
    return {
      mode: (parameter.mode?.toLowerCase() as ParameterMode | undefined) ?? null,
      name: parameter.name ?? null,
      type: parseColumnType(parameter.type).type,
    };
  }
  let rest = parameter.trim();
  let mode: ParameterMode | null = null;
  const first = rest.split(/\s+/)[0]!.toLowerCase();
  if (MODES.has(first) && rest.includes(' ')) {
    mode = first as ParameterMode;
    rest = rest.slice(first.length).trim();
  }
  if (isBuiltInTypeName(rest) || !/\s/.test(rest)) return { mode, name: null, type: parseColumnType(rest).type };
  const [name, ...type] = rest.split(/\s+/);
  return { mode, name: name!, type: parseColumnType(type.join(' ')).type };
}

function loadRoutine(section: 'procedures' | 'functions', routine: JsonRoutine): Routine {
  return {
    ...splitQualifiedName(routine.name),
    kind: section === 'procedures' ? 'procedure' : 'function',
    section,
    parameters: (routine.parameters ?? []).map(parseParameter),
    returns: routine.returns ?? null,
    language: routine.language?.toLowerCase() ?? null,
    definition: (routine.definition ?? '').trim(),
  };
}

/** The identity PostgreSQL gives a routine: its name and argument types (OUT parameters excluded). */
export function routineSignature(routine: Routine): string {
  const types = routine.parameters.filter((p) => p.mode !== 'out').map((p) => parameterTypeText(p));
  // public is where an unqualified name lands: `public.f(integer)` and `f(integer)` are one routine.
  const schema = routine.schema && routine.schema !== 'public' ? `${routine.schema}.` : '';
  return `${schema}${routine.name}(${types.join(', ')})`;
}

function parameterTypeText(parameter: RoutineParameter): string {
  const t = parameter.type;
  return `${t.name}${'[]'.repeat(t.arrayDimensions)}`;
}

/**
 * Reads the seed's JSON schema format into the normalized model. Throws InputDataError naming
 * the path inside the document (`tables.users.columns.email.length`) on anything it cannot use.
 */
export function loadJsonDatabaseSchema(document: unknown, source: { file: string }): DatabaseSchema {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const got = document === null ? 'null' : Array.isArray(document) ? 'an array' : `a ${typeof document}`;
    throw new InputDataError(`expected a database schema (an object with "tables", "views", "procedures"), got ${got}`, { file: source.file });
  }
  const parsed = JsonDatabaseSchemaDocument.safeParse(document);
  if (!parsed.success) {
    const { path, message } = describeZodError(parsed.error);
    throw new InputDataError(message, { file: source.file, path: path || undefined });
  }
  return databaseSchemaFromJson(parsed.data, source);
}

/**
 * The model of a document already in the validated form (what the format's zod schema gives:
 * names trimmed, shorthands expanded). The planner builds such documents from spec fields it has
 * validated, and comes here directly: building the format's zod schema costs ~20 ms of CPU in a
 * fresh process. The checks that need the whole table (columns that exist, names defined twice)
 * are made here, with the messages of the validating loader.
 */
export function databaseSchemaFromJson(json: JsonDatabaseSchema, source: { file: string }): DatabaseSchema {
  const tables = Object.entries(json.tables ?? {}).map(([key, table]) => loadTable(key, table, source.file));
  const views: View[] = Object.entries(json.views ?? {}).map(([key, view]) => ({
    key,
    ...splitQualifiedName(key),
    columns: view.columns ?? null,
    definition: view.definition,
    materialized: view.materialized ?? false,
  }));
  const routines: Routine[] = [];
  const signatures = new Set<string>();
  for (const section of ['procedures', 'functions'] as const) {
    (json[section] ?? []).forEach((definition, i) => {
      const routine = loadRoutine(section, definition);
      const signature = routineSignature(routine);
      // PostgreSQL allows overloads, never two routines with one signature.
      if (signatures.has(signature)) fail(`routine ${signature} is defined twice`, [section, i, 'name'], source.file);
      signatures.add(signature);
      routines.push(routine);
    });
  }
  return { ...emptyDatabaseSchema(), tables, views, routines };
}
