import { describeColumnType, parseColumnType } from '../../schema/column-type.js';
import { parseDefault } from '../../schema/default-value.js';
import { objectKey } from '../../schema/qualified-name.js';
import { routineResult } from '../../schema/routine-result.js';
import {
  emptyDatabaseSchema,
  type DomainType,
  type EnumType,
  type ExclusionConstraint,
  type Sequence,
  type Trigger,
  type TriggerEvent,
  type CheckConstraint,
  type Column,
  type DatabaseSchema,
  type ForeignKey,
  type Identity,
  type Index,
  type ParameterMode,
  type PrimaryKey,
  type ReferentialAction,
  type Routine,
  type RoutineParameter,
  type Table,
  type UniqueConstraint,
  type View,
  volatilityOf,
} from '../../schema/model.js';
import type {
  ColumnRow,
  ConstraintRow,
  DomainRow,
  EnumRow,
  ExtensionRow,
  IndexRow,
  RelationRow,
  RoutineRow,
  SequenceRow,
  TriggerRow,
} from './introspection-queries.js';

/** Everything the introspection queries returned, one array per query. */
export interface PostgresCatalog {
  relations: RelationRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexes: IndexRow[];
  routines: RoutineRow[];
  schemas: { name: string }[];
  enums: EnumRow[];
  domains: DomainRow[];
  sequences: SequenceRow[];
  triggers: TriggerRow[];
  extensions: ExtensionRow[];
  notCompared: { kind: string; count: number }[];
}

/** Left out when validated, as a file's constraint without NOT VALID. */
function validityOf(row: ConstraintRow) {
  return row.validated === false ? { notValid: true } : {};
}

function deferrableOf(row: ConstraintRow) {
  return row.deferrable ? { deferrable: true, ...(row.deferred ? { initiallyDeferred: true } : {}) } : {};
}

const ACTIONS: Record<string, ReferentialAction | null> = {
  // NO ACTION is also what an FK without ON DELETE gets: the catalog cannot tell them apart, so
  // it maps to "not said", as the JSON loader reads an FK without on_delete.
  a: null,
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const MODES: Record<string, ParameterMode | null> = { i: null, o: 'out', b: 'inout', v: 'variadic' };

/** `NULL` / `NULL::character varying`: no default, as a column without DEFAULT has. */
const NULL_DEFAULT = /^null(::[a-z_][\w ."]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])*)?$/i;

function identityOf(row: ColumnRow): Identity | null {
  if (row.identity === 'a') return 'always';
  if (row.identity === 'd') return 'by_default';
  // serial = an owned sequence feeding the column's default; the model calls that identity "serial".
  if (row.owns_sequence && row.default_sql !== null && /^nextval\(/i.test(row.default_sql)) return 'serial';
  return null;
}

const BARE_CONSTANT = /^(?:true|false|\d+(?:\.\d+)?)$/;

function toColumn(row: ColumnRow): Column {
  const { type } = parseColumnType(row.type);
  const identity = identityOf(row);
  // A serial's nextval default comes with the identity, as in the JSON format; a generated
  // column's expression is not a default (the model has no place for it yet).
  const sql = identity === 'serial' || row.generated !== '' || row.default_sql === null || NULL_DEFAULT.test(row.default_sql.trim()) ? null : row.default_sql;
  const parsed = parseDefault(sql, type);
  // The catalog prints SQL, where a string constant is always quoted: unquoted text the seed-format
  // reader took for a constant (`(100 + 1)`, `('-1'::integer * currval(…))`) is an expression.
  // A bare boolean or unsigned number on a column of another type (`false` on text) is the constant
  // a file's `DEFAULT FALSE` gives, which the SQL reader reads as the text it stores.
  if (
    sql !== null &&
    parsed.default?.kind === 'literal' &&
    typeof parsed.default.value === 'string' &&
    !sql.trim().startsWith("'") &&
    !BARE_CONSTANT.test(sql.trim())
  )
    parsed.default = { kind: 'expression', sql };
  return {
    name: row.name,
    type,
    nullable: !row.not_null,
    default: parsed.default,
    onUpdate: null,
    identity,
    comment: row.comment,
    ...(row.generated === 's' && row.default_sql !== null ? { generated: row.default_sql } : {}),
    ...(row.generated === '' && row.default_sql !== null && NULL_DEFAULT.test(row.default_sql.trim()) ? { nullDefault: true } : {}),
  };
}

/** True when the parentheses at both ends enclose the whole text (outside quotes). */
function wrappedInParentheses(text: string): boolean {
  if (!text.startsWith('(') || !text.endsWith(')')) return false;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}

/** `CHECK ((age >= 0)) NOT VALID` → `age >= 0`, the form a CHECK is written in by hand. */
export function checkExpression(definition: string): string {
  let text = definition
    .trim()
    .replace(/\s+NOT VALID$/i, '')
    .replace(/\s+NO INHERIT$/i, '')
    .replace(/^CHECK\s*/i, '')
    .trim();
  while (wrappedInParentheses(text)) text = text.slice(1, -1).trim();
  return text;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function toIndex(index: IndexRow): Index {
  return {
    name: index.name,
    columns: index.columns,
    unique: index.unique,
    predicate: index.predicate,
    method: index.method === 'btree' ? null : index.method,
    // Read again from `definition` by the SQL reader (fillCanonicalDefinitions), as a file's are.
    definition: index.definition,
  };
}

function toTable(relation: RelationRow, columns: ColumnRow[], constraints: ConstraintRow[], indexes: IndexRow[]): Table {
  let primaryKey: PrimaryKey | null = null;
  const uniques: UniqueConstraint[] = [];
  const checks: CheckConstraint[] = [];
  const foreignKeys: ForeignKey[] = [];
  const exclusions: ExclusionConstraint[] = [];
  for (const constraint of constraints) {
    switch (constraint.type) {
      case 'p':
        primaryKey = { name: constraint.name, columns: constraint.columns, ...deferrableOf(constraint) };
        break;
      case 'u':
        // Each constraint, a second one on the same columns too: dropping one leaves the other enforcing.
        uniques.push({
          name: constraint.name,
          columns: constraint.columns,
          ...deferrableOf(constraint),
          ...(/^UNIQUE NULLS NOT DISTINCT\b/i.test(constraint.definition) ? { nullsNotDistinct: true } : {}),
        });
        break;
      case 'c':
        checks.push({ name: constraint.name, expression: checkExpression(constraint.definition), ...validityOf(constraint) });
        break;
      case 'f':
        foreignKeys.push({
          name: constraint.name,
          columns: constraint.columns,
          references: { schema: constraint.ref_schema, name: constraint.ref_table ?? '', columns: constraint.ref_columns },
          onDelete: ACTIONS[constraint.on_delete] ?? null,
          onUpdate: ACTIONS[constraint.on_update] ?? null,
          ...deferrableOf(constraint),
          ...validityOf(constraint),
        });
        break;
      case 'x':
        // Read again from `definition` by the SQL reader (readCatalogDefinitions), as a file's are.
        exclusions.push({ name: constraint.name, method: '', elements: [], predicate: null, definition: constraint.definition });
        break;
    }
  }
  const tableIndexes = indexes.map(toIndex);
  return {
    key: objectKey(relation.schema, relation.name),
    schema: relation.schema,
    name: relation.name,
    columns: columns.map(toColumn),
    primaryKey,
    uniques,
    checks,
    foreignKeys,
    indexes: tableIndexes,
    ...(exclusions.length ? { exclusions } : {}),
    ...(relation.comment !== null ? { comment: relation.comment } : {}),
    ...(relation.partition_key ? { partitionBy: relation.partition_key } : {}),
    ...(relation.parent_name
      ? { partitionOf: { schema: relation.parent_schema, name: relation.parent_name, bound: relation.partition_bound ?? 'DEFAULT' } }
      : {}),
  };
}

function toView(relation: RelationRow, columns: ColumnRow[], indexes: IndexRow[]): View {
  return {
    ...(relation.kind === 'm' ? { indexes: indexes.map(toIndex) } : {}),
    ...(relation.comment !== null ? { comment: relation.comment } : {}),
    key: objectKey(relation.schema, relation.name),
    schema: relation.schema,
    name: relation.name,
    columns: columns.map((c) => c.name),
    definition: (relation.view_definition ?? '').trim().replace(/;$/, '').trim(),
    materialized: relation.kind === 'm',
  };
}

/** Each argument's DEFAULT in pg_get_function_arguments' text (`p_index text, p_record boolean DEFAULT true`), in order. */
function argumentDefaults(text: string): (string | undefined)[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (text.trim()) pieces.push(text.slice(start));
  return pieces.map((piece) => /\sDEFAULT\s([\s\S]+)$/.exec(piece)?.[1]?.trim());
}

function toRoutine(row: RoutineRow): Routine {
  const read = row.parameters.map((p) => ({ mode: p.mode === null ? null : (MODES[p.mode] ?? null), name: p.name, type: parseColumnType(p.type).type }));
  // RETURNS TABLE columns ('t') are part of the result, spelled as a file's are.
  const defaults = argumentDefaults(row.arguments ?? '');
  const parameters: RoutineParameter[] = read
    .filter((_, i) => row.parameters[i]!.mode !== 't')
    .map((p, i) => (defaults[i] !== undefined ? { ...p, default: defaults[i] } : p));
  const tableColumns = read.filter((_, i) => row.parameters[i]!.mode === 't');
  const procedure = row.kind === 'p';
  const setof = /^setof\s+/i.exec(row.returns ?? '');
  const returnType = row.returns === null ? null : { type: parseColumnType(row.returns.slice(setof?.[0].length ?? 0)).type, setof: setof !== null };
  return {
    schema: row.schema,
    name: row.name,
    kind: procedure ? 'procedure' : 'function',
    section: procedure ? 'procedures' : 'functions',
    parameters,
    returns: procedure ? null : routineResult(returnType, tableColumns),
    volatility: volatilityOf(row.volatility),
    language: row.language.toLowerCase(),
    definition: (row.definition ?? '').trim(),
  };
}

const TRIGGER_EVENTS: [number, TriggerEvent][] = [
  [4, 'insert'],
  [16, 'update'],
  [8, 'delete'],
  [32, 'truncate'],
];

/** The WHEN condition of `pg_get_triggerdef` output, without the parentheses it is printed in. */
function triggerCondition(definition: string): string | null {
  const when = /\sWHEN\s*(\(.*\))\s+EXECUTE\s+(?:FUNCTION|PROCEDURE)\s/is.exec(definition);
  if (!when) return null;
  let text = when[1]!.trim();
  while (wrappedInParentheses(text)) text = text.slice(1, -1).trim();
  return text;
}

function toTrigger(row: TriggerRow): Trigger {
  return {
    name: row.name,
    table: objectKey(row.schema, row.table),
    tableName: { schema: row.schema, name: row.table },
    timing: row.type & 64 ? 'instead of' : row.type & 2 ? 'before' : 'after',
    events: TRIGGER_EVENTS.filter(([bit]) => (row.type & bit) !== 0).map(([, event]) => event),
    columns: row.columns,
    forEachRow: (row.type & 1) !== 0,
    function: objectKey(row.function_schema, row.function_name),
    condition: triggerCondition(row.definition),
    // Read again from `definition` by the SQL reader (fillCanonicalDefinitions), as a file's are.
    definition: row.definition,
  };
}

function toSequence(row: SequenceRow): Sequence {
  const type = describeColumnType(parseColumnType(row.data_type).type);
  return {
    schema: row.schema,
    name: row.name,
    key: objectKey(row.schema, row.name),
    // bigint is what CREATE SEQUENCE without AS gives: "not said", as a parsed file has it.
    dataType: type === 'bigint' ? null : type,
    ownedBy: row.owner_table && row.owner_column ? { table: objectKey(row.owner_schema, row.owner_table), column: row.owner_column } : null,
  };
}

function toEnum(row: EnumRow): EnumType {
  return { schema: row.schema, name: row.name, key: objectKey(row.schema, row.name), values: row.values };
}

function toDomain(row: DomainRow): DomainType {
  return {
    schema: row.schema,
    name: row.name,
    key: objectKey(row.schema, row.name),
    type: parseColumnType(row.type).type,
    collation: row.collation,
    default: row.default_sql,
    notNull: row.not_null,
    checks: row.checks.map((c) => ({ name: c.name, expression: checkExpression(c.definition), ...(c.validated ? {} : { notValid: true }) })),
  };
}

/** The catalog rows as the normalized model, shaped as the JSON loader shapes equivalent input. */
export function postgresCatalogToModel(catalog: PostgresCatalog): DatabaseSchema {
  const columns = groupBy(catalog.columns, (c) => c.relation);
  const constraints = groupBy(catalog.constraints, (c) => c.relation);
  const indexes = groupBy(catalog.indexes, (i) => i.relation);
  const isTable = (r: RelationRow) => r.kind === 'r' || r.kind === 'p';
  return {
    ...emptyDatabaseSchema(),
    tables: catalog.relations.filter(isTable).map((r) => toTable(r, columns.get(r.oid) ?? [], constraints.get(r.oid) ?? [], indexes.get(r.oid) ?? [])),
    views: catalog.relations.filter((r) => !isTable(r)).map((r) => toView(r, columns.get(r.oid) ?? [], indexes.get(r.oid) ?? [])),
    routines: catalog.routines.map(toRoutine),
    schemas: catalog.schemas.map((schema) => ({ name: schema.name })),
    enums: catalog.enums.map(toEnum),
    domains: catalog.domains.map(toDomain),
    sequences: catalog.sequences.map(toSequence),
    triggers: catalog.triggers.map(toTrigger),
    extensions: catalog.extensions.map((e) => ({ name: e.name, schema: e.schema, version: e.version })),
    ...(catalog.notCompared.length ? { notCompared: Object.fromEntries(catalog.notCompared.map((n) => [n.kind, n.count])) } : {}),
  };
}
