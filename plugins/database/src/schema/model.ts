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
  /** Schemas the source creates (CREATE SCHEMA); `public` is implied and never listed. */
  schemas: SchemaObject[];
  enums: EnumType[];
  /** Stand-alone and serial sequences; identity columns' internal sequences are not listed. */
  sequences: Sequence[];
  triggers: Trigger[];
  /** CREATE EXTENSION; absent from sources that cannot tell (the JSON format). */
  extensions?: Extension[];
  /** CREATE DOMAIN; absent from sources that cannot tell (the JSON format), as extensions are. */
  domains?: DomainType[];
  /**
   * Objects the source read but the model does not hold (policies, grants, composite types, ...), counted
   * by kind: they are not compared, and reports say so rather than pass over them silently.
   */
  notCompared?: Record<string, number>;
  /** Set when the schema is a before schema with a migration file applied (`--migration`). */
  migration?: MigrationFile;
}

/** A migration file as it was replayed: each statement and what it touched (its lints go to core apart from the model). */
export interface MigrationFile {
  /** The file, as reports name it. */
  file: string;
  statements: MigrationStatement[];
}

export interface MigrationStatement {
  line: number;
  /** The statement's first line, for messages. */
  text: string;
  /** Report paths of the objects it changes (`tables.users`, `views.active_users`). */
  touches: string[];
}

export interface Extension extends SourceLine {
  name: string;
  /** The schema its objects are created in; null when not said (the first of search_path). */
  schema: string | null;
  /** The installed version; a pg_dump does not write it, a live catalog does. */
  version: string | null;
}

/**
 * Every loader starts from this, so a collection added to the model later is present (empty) in
 * the output of loaders that do not know it yet.
 */
export function emptyDatabaseSchema(): DatabaseSchema {
  return { tables: [], views: [], routines: [], schemas: [], enums: [], sequences: [], triggers: [] };
}

export interface QualifiedName {
  /** null: unqualified, resolved through search_path. */
  schema: string | null;
  name: string;
}

/** Where an object is written in a source with lines (an SQL file): 1-based. */
export interface SourceLine {
  line?: number;
}

export interface SchemaObject extends SourceLine {
  name: string;
}

export interface EnumType extends QualifiedName, SourceLine {
  key: string;
  /** Labels in sort order, as PostgreSQL compares them. */
  values: string[];
}

/** `CREATE DOMAIN name AS base [COLLATE …] [DEFAULT …] [NOT NULL] [CONSTRAINT … CHECK (…)]`. */
export interface DomainType extends QualifiedName, SourceLine {
  key: string;
  /** The base type (a built-in, an enum, another domain). */
  type: ColumnType;
  /** `COLLATE "C"` when it differs from the base type's; null when not said. */
  collation: string | null;
  /** DEFAULT as SQL; null when none. */
  default: string | null;
  /** As `View.canonical`, over the default. */
  defaultCanonical?: string;
  notNull: boolean;
  /** CHECK constraints by name: PostgreSQL names an unnamed one `<domain>_check`, `<domain>_check1`, … */
  checks: DomainCheck[];
}

export interface DomainCheck extends SourceLine, Validity {
  name: string;
  /** The condition over `VALUE`, as SQL. */
  expression: string;
  /** As `View.canonical`. */
  canonical?: string;
}

export interface Sequence extends QualifiedName, SourceLine {
  key: string;
  /** `AS integer`; null when not given (bigint). */
  dataType: string | null;
  /** The column a serial sequence belongs to (OWNED BY). */
  ownedBy: { table: string; column: string } | null;
}

export type TriggerTiming = 'before' | 'after' | 'instead of';
export type TriggerEvent = 'insert' | 'update' | 'delete' | 'truncate';

export interface Trigger extends SourceLine {
  name: string;
  /** Key of the table (or view) it fires on, as `Table.key`. */
  table: string;
  tableName: QualifiedName;
  timing: TriggerTiming;
  events: TriggerEvent[];
  /** `UPDATE OF` columns. */
  columns: string[];
  forEachRow: boolean;
  /** Qualified name of the function it executes. */
  function: string;
  /** WHEN condition, as SQL. */
  condition: string | null;
  /** Arguments passed to the function (`tsvector_update_trigger('fts', 'pg_catalog.english', body)`). */
  arguments?: string[];
  /** As `View.canonical`, over the condition. */
  canonical?: string;
  /** CREATE TRIGGER as a catalog printed it, until the SQL reader has read it (live source). */
  definition?: string;
}

export interface Table extends QualifiedName, SourceLine {
  /** How the source names it (`users`, `billing.invoices`); used in report paths. */
  key: string;
  columns: Column[];
  primaryKey: PrimaryKey | null;
  uniques: UniqueConstraint[];
  checks: CheckConstraint[];
  foreignKeys: ForeignKey[];
  indexes: Index[];
  /** The key it had before an `ALTER TABLE … RENAME TO` in the same file: a declared rename. */
  renamedFrom?: string;
  /** EXCLUDE constraints; absent when the source has none (the seed format cannot express them). */
  exclusions?: ExclusionConstraint[];
  /** COMMENT ON TABLE; absent or null when it has none. */
  comment?: string | null;
  /** `PARTITION BY RANGE (payment_date)`: a partitioned table's partition key, as SQL. */
  partitionBy?: string;
  /** A partition: its parent and its bound (`FOR VALUES FROM (…) TO (…)`, `DEFAULT`). */
  partitionOf?: QualifiedName & { bound: string };
}

/** `DEFERRABLE [INITIALLY DEFERRED]` of a unique, primary-key or foreign-key constraint. */
export interface Deferrable {
  deferrable?: boolean;
  initiallyDeferred?: boolean;
}

export interface ExclusionConstraint extends SourceLine, Deferrable {
  name: string | null;
  /** Index access method: gist, btree, spgist, hash. */
  method: string;
  /** `element WITH operator` pairs, as SQL. */
  elements: { element: string; operator: string }[];
  predicate: string | null;
  /** As `View.canonical`, over the elements, operators and predicate. */
  canonical?: string;
  /** `EXCLUDE …` as a catalog printed it (pg_get_constraintdef), until the SQL reader has read it (live source). */
  definition?: string;
}

export type Identity = 'always' | 'by_default' | 'serial';

export type DefaultValue =
  /** A constant, rendered as an SQL literal. */
  | { kind: 'literal'; value: string | number | boolean }
  /** SQL text used as written: CURRENT_TIMESTAMP, now(), nextval('…'::regclass), 'x'::text. */
  | {
      kind: 'expression';
      sql: string;
      /**
       * As `View.canonical`, when the source parsed it: `random_string(26)` and
       * `public.random_string(26)`, `EXTRACT(epoch FROM now())` and `"extract"('epoch', now())`
       * are one default.
       */
      canonical?: string;
    };

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  default: DefaultValue | null;
  /** MySQL's `ON UPDATE <expr>`, which the seed format carries inside the default; PostgreSQL needs a trigger. */
  onUpdate: string | null;
  identity: Identity | null;
  comment: string | null;
  /** Expression of a `GENERATED ALWAYS AS (…) STORED` column. */
  generated?: string | null;
  /** The name it had before an `ALTER TABLE … RENAME COLUMN` in the same file. */
  renamedFrom?: string;
  /**
   * Said `DEFAULT NULL`: no default to a reader or a writer, but PostgreSQL keeps one cast to a type
   * with a length (`NULL::character varying`) in its catalog, so a script that adds the column says
   * it too. Not compared.
   */
  nullDefault?: boolean;
  line?: number;
}

export interface PrimaryKey extends SourceLine, Deferrable {
  name: string | null;
  columns: string[];
}

export interface UniqueConstraint extends SourceLine, Deferrable {
  name: string | null;
  columns: string[];
  /** `UNIQUE NULLS NOT DISTINCT` (PostgreSQL 15+): one row with NULLs only; left out when false. */
  nullsNotDistinct?: boolean;
}

/** `NOT VALID`: PostgreSQL enforces it on new writes but has not checked the rows already there. */
export interface Validity {
  notValid?: boolean;
}

export interface CheckConstraint extends SourceLine, Validity {
  name: string | null;
  expression: string;
  /** As `View.canonical`. */
  canonical?: string;
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKey extends SourceLine, Deferrable, Validity {
  name: string | null;
  columns: string[];
  references: QualifiedName & { columns: string[] };
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
}

export interface Index extends SourceLine {
  name: string;
  /**
   * Column names, or elements as SQL with their collation, operator class and order
   * (`lower(email)`, `created_at DESC`, `name public.gin_trgm_ops`).
   */
  columns: string[];
  /** `INCLUDE (…)` columns: stored in the index, not part of its key. */
  include?: string[];
  unique: boolean;
  /** WHERE clause of a partial index. */
  predicate: string | null;
  /** Access method; null is btree. */
  method: string | null;
  /** As `View.canonical`, over the elements and the predicate. */
  canonical?: string;
  /** CREATE INDEX as a catalog printed it, until the SQL reader has read it (live source). */
  definition?: string;
}

export interface View extends QualifiedName, SourceLine {
  key: string;
  /** Output columns in order, when the source lists them. */
  columns: string[] | null;
  definition: string;
  materialized: boolean;
  /** COMMENT ON VIEW / MATERIALIZED VIEW; absent or null when it has none. */
  comment?: string | null;
  /** A materialized view's indexes (its unique index is what REFRESH … CONCURRENTLY needs); absent for plain views. */
  indexes?: Index[];
  /**
   * A canonical form of the parsed definition (names unqualified, casts dropped), when the source
   * parsed it: a pg_dump and a hand-written file spell one query differently.
   */
  canonical?: string;
}

export type ParameterMode = 'in' | 'out' | 'inout' | 'variadic';

export interface RoutineParameter {
  mode: ParameterMode | null;
  name: string | null;
  type: ColumnType;
  /** `DEFAULT …` as SQL: kept so a replaced function keeps it (PostgreSQL refuses to remove one with CREATE OR REPLACE); not compared. */
  default?: string;
}

export interface Routine extends QualifiedName, SourceLine {
  kind: 'procedure' | 'function';
  /** Which list of the source holds it (`procedures`), for report paths. */
  section: string;
  parameters: RoutineParameter[];
  /** Return type as written; null for procedures and when the source does not say. */
  returns: string | null;
  language: string | null;
  /** The body. */
  definition: string;
  /**
   * IMMUTABLE / STABLE / VOLATILE (PostgreSQL's default); absent when the source cannot tell (the
   * JSON format). An index expression or a generated column needs IMMUTABLE.
   */
  volatility?: Volatility;
  /** As `View.canonical`, over a SQL-standard body (`RETURN …`, `BEGIN ATOMIC … END`), which the catalog prints in its own spelling. */
  canonical?: string;
}

export type Volatility = 'immutable' | 'stable' | 'volatile';

/** From a CREATE FUNCTION option (`immutable`) or pg_proc.provolatile (`i`); volatile when not said. */
export function volatilityOf(text: string | null | undefined): Volatility {
  switch ((text ?? '').toLowerCase()) {
    case 'immutable':
    case 'i':
      return 'immutable';
    case 'stable':
    case 's':
      return 'stable';
    default:
      return 'volatile';
  }
}

export type ConstraintType = 'primary_key' | 'unique' | 'foreign_key' | 'check' | 'exclusion';

export interface ConstraintOfType {
  primary_key: PrimaryKey;
  unique: UniqueConstraint;
  foreign_key: ForeignKey;
  check: CheckConstraint;
  exclusion: ExclusionConstraint;
}
