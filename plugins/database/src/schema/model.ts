import type { ColumnType } from './column-type.js';

/**
 * The normalized schema every loader produces and the diff reads. Loaders for other inputs (a
 * PostgreSQL dump parsed with libpg-query, a live catalog) build the same shape. Plain data, in
 * the order the source lists things, so output is deterministic and JSON-serializable.
 */
export interface DatabaseSchema {
  tables: Table[];
  views: View[];
  routines: Routine[];
}

/**
 * Every loader starts from this, so a collection added to the model later is present (empty) in
 * the output of loaders that do not know it yet.
 */
export function emptyDatabaseSchema(): DatabaseSchema {
  return { tables: [], views: [], routines: [] };
}

export interface QualifiedName {
  /** null: unqualified, resolved through search_path. */
  schema: string | null;
  name: string;
}

export interface Table extends QualifiedName {
  /** How the source names it (`users`, `billing.invoices`); used in report paths. */
  key: string;
  columns: Column[];
  primaryKey: PrimaryKey | null;
  uniques: UniqueConstraint[];
  checks: CheckConstraint[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
}

export type Identity = 'always' | 'by_default' | 'serial';

export type DefaultValue =
  /** A constant, rendered as an SQL literal. */
  | { kind: 'literal'; value: string | number | boolean }
  /** SQL text used as written: CURRENT_TIMESTAMP, now(), nextval('…'::regclass), 'x'::text. */
  | { kind: 'expression'; sql: string };

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  default: DefaultValue | null;
  /** MySQL's `ON UPDATE <expr>`, which the seed format carries inside the default; PostgreSQL needs a trigger. */
  onUpdate: string | null;
  identity: Identity | null;
  comment: string | null;
}

export interface PrimaryKey {
  name: string | null;
  columns: string[];
}

export interface UniqueConstraint {
  name: string | null;
  columns: string[];
}

export interface CheckConstraint {
  name: string | null;
  expression: string;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKey {
  name: string | null;
  columns: string[];
  references: QualifiedName & { columns: string[] };
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
}

export interface Index {
  name: string;
  /** Column names, or expressions such as `lower(email)` / `created_at DESC`. */
  columns: string[];
  unique: boolean;
  /** WHERE clause of a partial index. */
  predicate: string | null;
  /** Access method; null is btree. */
  method: string | null;
}

export interface View extends QualifiedName {
  key: string;
  /** Output columns in order, when the source lists them. */
  columns: string[] | null;
  definition: string;
  materialized: boolean;
}

export type ParameterMode = 'in' | 'out' | 'inout' | 'variadic';

export interface RoutineParameter {
  mode: ParameterMode | null;
  name: string | null;
  type: ColumnType;
}

export interface Routine extends QualifiedName {
  kind: 'procedure' | 'function';
  /** Which list of the source holds it (`procedures`), for report paths. */
  section: string;
  parameters: RoutineParameter[];
  /** Return type as written; null for procedures and when the source does not say. */
  returns: string | null;
  language: string | null;
  /** The body. */
  definition: string;
}

export type ConstraintType = 'primary_key' | 'unique' | 'foreign_key' | 'check';

export interface ConstraintOfType {
  primary_key: PrimaryKey;
  unique: UniqueConstraint;
  foreign_key: ForeignKey;
  check: CheckConstraint;
}
