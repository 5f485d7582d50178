import type { DoStmt, Node } from 'libpg-query';
import { applyStatement } from './apply-statement.js';
import { doBlockStatements } from './do-block.js';
import { nodeAs, qualifiedNameOf, stringsOf, tagOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { SqlText } from './sql-text.js';
import { objectIdentity } from '../../schema/qualified-name.js';

/**
 * Applies what a DO block runs (do-block.ts) to the model, leniently: the block's own guards
 * (IF NOT EXISTS, an exception handler for duplicate_object) let a statement fail or do nothing
 * when its object is there already, so one that would make an existing object is skipped, as
 * the guard would skip it. Each statement's objects are placed on the DO block's line.
 */
export async function applyDoBlock(builder: SchemaBuilder, statement: DoStmt): Promise<void> {
  const { parse } = await import('libpg-query');
  for (const sql of await doBlockStatements(statement)) {
    let stmts: { stmt?: Node; stmt_len?: number; stmt_location?: number }[];
    try {
      stmts = (await parse(sql)).stmts ?? [];
    } catch {
      continue;
    }
    const text = new SqlText(sql);
    for (const raw of stmts) {
      if (!raw.stmt || exists(builder, raw.stmt)) continue;
      builder.nested(text, raw.stmt_location ?? 0, () => applyStatement(builder, lenient(raw.stmt!), raw.stmt_len));
    }
  }
}

/** A CREATE of an object the model holds already: a guarded block skips it, or catches its error. */
function exists(builder: SchemaBuilder, stmt: Node): boolean {
  const named = (list: { schema: string | null; name: string }[] | undefined, names: Node[] | undefined) => {
    const identity = objectIdentity(qualifiedNameOf(stringsOf(names)));
    return (list ?? []).some((o) => objectIdentity(o) === identity);
  };
  switch (tagOf(stmt)) {
    case 'CreateEnumStmt':
      return named(builder.model.enums, nodeAs(stmt, 'CreateEnumStmt')?.typeName);
    case 'CreateDomainStmt':
      return named(builder.model.domains, nodeAs(stmt, 'CreateDomainStmt')?.domainname);
    case 'CreateSeqStmt': {
      const relation = nodeAs(stmt, 'CreateSeqStmt')?.sequence;
      return builder.sequence({ schema: relation?.schemaname ?? null, name: relation?.relname ?? '' }) !== undefined;
    }
    default:
      return false;
  }
}

/** The statement with IF NOT EXISTS set where it has one: CREATE TABLE, CREATE INDEX. */
function lenient(stmt: Node): Node {
  const create = nodeAs(stmt, 'CreateStmt');
  if (create) return { CreateStmt: { ...create, if_not_exists: true } };
  const index = nodeAs(stmt, 'IndexStmt');
  if (index) return { IndexStmt: { ...index, if_not_exists: true } };
  const tableAs = nodeAs(stmt, 'CreateTableAsStmt');
  if (tableAs) return { CreateTableAsStmt: { ...tableAs, if_not_exists: true } };
  return stmt;
}
