import type { FamilyOf } from './column-family.js';

export type Engine = 'sqlite' | 'postgres' | 'mysql';

/** A column as one side declares it. */
export interface ColumnShape extends FamilyOf {
  name: string;
  /** The declared type as the engine prints it (`numeric(12,2)`, `TEXT`). */
  declaredType: string;
  /** PostgreSQL: a type the engine hashes natively with equality that matches its text form. */
  nativeHash: boolean;
  /** Collation of the column when it is not the default (PostgreSQL name, SQLite NOCASE/RTRIM). */
  collation: string | null;
  /** Whether the column may hold NULL (no NOT NULL constraint; SQLite's rowid alias never does). */
  nullable: boolean;
  /** A generated (computed) column: compared, but never written by fix SQL. */
  generated?: boolean;
  /** PostgreSQL `GENERATED ALWAYS AS IDENTITY`: an INSERT must say OVERRIDING SYSTEM VALUE. */
  identityAlways?: boolean;
}

/** A table as one side sees it. */
export interface TableShape {
  /** How SQL addresses it: `"schema"."name"` on PostgreSQL, `"name"` on SQLite. */
  sqlName: string;
  /** The name shown in reports: `public.users`, `users`. */
  name: string;
  columns: ColumnShape[];
  primaryKey: string[] | null;
  /** Column sets with a unique constraint or unique index (the primary key included). */
  uniqueKeys: string[][];
  /** Leading columns of every index (an index on (a, b) serves range scans on a and on (a, b)). */
  indexes: string[][];
  /** Tables this one references by foreign key (their sqlName), for the order of fix SQL. */
  references?: string[];
  /** User triggers on the table (names): fix SQL would fire them. */
  triggers?: string[];
}
