import type { ColumnDef } from 'libpg-query';
import { emptyDatabaseSchema, type DatabaseSchema, type QualifiedName, type Sequence, type Table } from '../../schema/model.js';
import { objectIdentity, objectKey } from '../../schema/qualified-name.js';
import type { SqlText } from './sql-text.js';
import type { StatementLines } from './statement-lines.js';

/**
 * The model being built from one file's statements, in order, plus where the current statement
 * is. Later statements refine earlier objects (pg_dump adds constraints and defaults with
 * ALTER TABLE after CREATE TABLE), so objects are looked up by schema-qualified identity.
 */
export class SchemaBuilder {
  readonly model: DatabaseSchema;
  /**
   * Lookups by identity, per model list: a pg_dump of thousands of tables refines each one with
   * several ALTER statements, and a linear search per statement made loading quadratic. A list
   * replaced by another array (DROP filters lists) gets a new index; in-place renames call
   * `invalidate()`.
   */
  private indexes = new WeakMap<QualifiedName[], Map<string, QualifiedName>>();
  /**
   * The name PostgreSQL gave a key or foreign key declared without one, fixed when it was made
   * (`packages_name_key` stays its name after the table is renamed `crates`).
   */
  readonly generatedNames = new WeakMap<object, string>();
  /** Legacy inheritance (`CREATE TABLE … INHERITS`): each child's identity → its parents' identities. */
  readonly inheritance = new Map<string, string[]>();
  /** Composite types' attributes by identity, for typed tables (`CREATE TABLE … OF type`). */
  readonly compositeTypes = new Map<string, ColumnDef[]>();
  /** Tables made TEMPORARY: gone when the session that ran the file ends, so not in the schema it leaves. */
  readonly temporaryTables = new WeakSet<object>();
  /** CHECK constraints declared NO INHERIT: a child made later with INHERITS does not get them. */
  readonly noInheritChecks = new WeakSet<object>();
  /** Byte offset of the current statement in the text (as libpg-query reports it), and its first line. */
  statementOffset = 0;
  statementLine = 1;
  /**
   * What node `location`s of the current statement count from: the whole text, or the statement's
   * own start when it was parsed on its own.
   */
  nodeText: SqlText;

  /** `model`: where to start from (a migration file applies to the before schema); empty by default. */
  /** Set while a statement a DO block runs is applied: its objects are placed on the block's line. */
  private nestedLine: number | null = null;

  constructor(
    public text: SqlText,
    readonly lines: StatementLines,
    model?: DatabaseSchema,
  ) {
    this.model = model ?? emptyDatabaseSchema();
    this.nodeText = text;
  }

  /** 1-based line of a node's `location` (a byte offset into the whole text). */
  lineOf(location: number | undefined): number {
    if (this.nestedLine !== null) return this.nestedLine;
    return location === undefined ? this.statementLine : this.lines.lineAt(this.nodeText.char(location));
  }

  /** The current statement's text; `length` in bytes, as libpg-query gives it. */
  statementText(length: number | undefined): string {
    return length === undefined ? this.text.slice(this.statementOffset) : this.text.slice(this.statementOffset, this.statementOffset + length);
  }

  /**
   * Applies a statement parsed from text of its own (one a DO block runs): its locations count from
   * that text, starting at `offset`, and its line is the current statement's.
   */
  nested(text: SqlText, offset: number, apply: () => void): void {
    const saved = { text: this.text, nodeText: this.nodeText, offset: this.statementOffset, line: this.nestedLine };
    this.text = text;
    this.nodeText = text;
    this.statementOffset = offset;
    this.nestedLine = this.statementLine;
    try {
      apply();
    } finally {
      this.text = saved.text;
      this.nodeText = saved.nodeText;
      this.statementOffset = saved.offset;
      this.nestedLine = saved.line;
    }
  }

  private indexOf<T extends QualifiedName>(list: T[]): Map<string, T> {
    let index = this.indexes.get(list) as Map<string, T> | undefined;
    if (!index || index.size !== list.length) {
      index = new Map(list.map((o) => [objectIdentity(o), o]));
      this.indexes.set(list, index);
    }
    return index;
  }

  /** Counts an object of a kind the model does not hold, so the report can say it was not compared. */
  notCompared(kind: string): void {
    const counts = (this.model.notCompared ??= {});
    counts[kind] = (counts[kind] ?? 0) + 1;
  }

  /** Forget the indexes after renaming objects in place. */
  invalidate(): void {
    this.indexes = new WeakMap();
  }

  table(name: QualifiedName): Table | undefined {
    return this.indexOf(this.model.tables).get(objectIdentity(name));
  }

  /** Tables that inherit from this one directly: its partitions and its INHERITS children. */
  inheritors(table: Table): Table[] {
    const identity = objectIdentity(table);
    return this.model.tables.filter(
      (t) => (t.partitionOf && objectIdentity(t.partitionOf) === identity) || this.inheritance.get(objectIdentity(t))?.includes(identity),
    );
  }

  sequence(name: QualifiedName): Sequence | undefined {
    return this.indexOf(this.model.sequences).get(objectIdentity(name));
  }

  /** Replaces an object of the same identity (CREATE OR REPLACE, a file that defines it twice). */
  upsert<T extends QualifiedName>(list: T[], object: T): void {
    const index = this.indexOf(list);
    const identity = objectIdentity(object);
    const existing = index.get(identity);
    if (existing === undefined) list.push(object);
    else list[list.indexOf(existing)] = object;
    index.set(identity, object);
  }

  key(name: QualifiedName): string {
    return objectKey(name.schema, name.name);
  }
}
