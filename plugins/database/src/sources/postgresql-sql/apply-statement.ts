import type { Node } from 'libpg-query';
import { alterTable } from './alter-table.js';
import { commentOn } from './comment-on.js';
import { createFunction } from './create-function.js';
import { alterEnum, createEnum } from './create-enum.js';
import { createIndex } from './create-index.js';
import { alterSequence, createSequence } from './create-sequence.js';
import { createTable } from './create-table.js';
import { createTrigger } from './create-trigger.js';
import { createMaterializedView, createView } from './create-view.js';
import { dropObject } from './drop-object.js';
import { nodeAs } from './parse-tree.js';
import { renameObject } from './rename-object.js';
import type { SchemaBuilder } from './schema-builder.js';

/**
 * Applies one statement to the model. Statements that change nothing the model holds (SET,
 * SELECT set_config, OWNER TO, GRANT, REVOKE, COMMENT ON other objects, extensions, ...) are
 * valid and ignored. `length` is the statement's length in the text, when known.
 */
export function applyStatement(builder: SchemaBuilder, statement: Node, length: number | undefined): void {
  const schema = nodeAs(statement, 'CreateSchemaStmt');
  if (schema) {
    if (schema.schemaname && !builder.model.schemas.some((s) => s.name === schema.schemaname)) {
      builder.model.schemas.push({ name: schema.schemaname, line: builder.statementLine });
    }
    // CREATE SCHEMA s CREATE TABLE …: the nested statements belong to the schema.
    for (const element of schema.schemaElts ?? []) applyStatement(builder, element, undefined);
    return;
  }
  const create = nodeAs(statement, 'CreateStmt');
  if (create) return createTable(builder, create);
  const alter = nodeAs(statement, 'AlterTableStmt');
  if (alter) return alterTable(builder, alter);
  const index = nodeAs(statement, 'IndexStmt');
  if (index) return createIndex(builder, index);
  const view = nodeAs(statement, 'ViewStmt');
  if (view) return createView(builder, view, length);
  const tableAs = nodeAs(statement, 'CreateTableAsStmt');
  if (tableAs) return createMaterializedView(builder, tableAs, length);
  const fn = nodeAs(statement, 'CreateFunctionStmt');
  if (fn) return createFunction(builder, fn, length);
  const enumType = nodeAs(statement, 'CreateEnumStmt');
  if (enumType) return createEnum(builder, enumType);
  const alterEnumType = nodeAs(statement, 'AlterEnumStmt');
  if (alterEnumType) return alterEnum(builder, alterEnumType);
  const sequence = nodeAs(statement, 'CreateSeqStmt');
  if (sequence) return createSequence(builder, sequence);
  const alterSeq = nodeAs(statement, 'AlterSeqStmt');
  if (alterSeq) return alterSequence(builder, alterSeq);
  const trigger = nodeAs(statement, 'CreateTrigStmt');
  if (trigger) return createTrigger(builder, trigger);
  const comment = nodeAs(statement, 'CommentStmt');
  if (comment) return commentOn(builder, comment);
  const rename = nodeAs(statement, 'RenameStmt');
  if (rename) return renameObject(builder, rename);
  const drop = nodeAs(statement, 'DropStmt');
  if (drop) return dropObject(builder, drop);
}
