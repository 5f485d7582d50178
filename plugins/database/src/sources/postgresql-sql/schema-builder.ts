import { emptyDatabaseSchema, type DatabaseSchema, type QualifiedName, type Sequence, type Table } from '../../schema/model.js';
import { objectIdentity, objectKey } from '../../schema/qualified-name.js';
import type { StatementLines } from './statement-lines.js';

/**
 * The model being built from one file's statements, in order, plus where the current statement
 * is. Later statements refine earlier objects (pg_dump adds constraints and defaults with
 * ALTER TABLE after CREATE TABLE), so objects are looked up by schema-qualified identity.
 */
export class SchemaBuilder {
  readonly model: DatabaseSchema = emptyDatabaseSchema();
  /** Offset of the current statement in the text, and its first line. */
  statementOffset = 0;
  statementLine = 1;

  constructor(
    readonly text: string,
    readonly lines: StatementLines,
  ) {}

  /** 1-based line of a node's `location` (an offset into the whole text). */
  lineOf(location: number | undefined): number {
    return location === undefined ? this.statementLine : this.lines.lineAt(location);
  }

  /** The current statement's text. */
  statementText(length: number | undefined): string {
    return length === undefined ? this.text.slice(this.statementOffset) : this.text.slice(this.statementOffset, this.statementOffset + length);
  }

  table(name: QualifiedName): Table | undefined {
    const identity = objectIdentity(name);
    return this.model.tables.find((t) => objectIdentity(t) === identity);
  }

  sequence(name: QualifiedName): Sequence | undefined {
    const identity = objectIdentity(name);
    return this.model.sequences.find((s) => objectIdentity(s) === identity);
  }

  /** Replaces an object of the same identity (CREATE OR REPLACE, a file that defines it twice). */
  upsert<T extends QualifiedName>(list: T[], object: T): void {
    const identity = objectIdentity(object);
    const at = list.findIndex((o) => objectIdentity(o) === identity);
    if (at === -1) list.push(object);
    else list[at] = object;
  }

  key(name: QualifiedName): string {
    return objectKey(name.schema, name.name);
  }
}
