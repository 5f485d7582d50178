import type { Node } from 'libpg-query';
import { DEFAULT_SCHEMA } from '../../schema/qualified-name.js';
import { alterTable } from './alter-table.js';
import { commentOn } from './comment-on.js';
import { recordCompositeType } from './composite-type.js';
import { alterDomain, createDomain } from './create-domain.js';
import { createFunction } from './create-function.js';
import { alterEnum, createEnum } from './create-enum.js';
import { createIndex } from './create-index.js';
import { alterSequence, createSequence } from './create-sequence.js';
import { createTable } from './create-table.js';
import { createTableAs } from './create-table-as.js';
import { createTrigger } from './create-trigger.js';
import { createMaterializedView, createView } from './create-view.js';
import { dropObject } from './drop-object.js';
import { nodeAs } from './parse-tree.js';
import { renameObject } from './rename-object.js';
import type { SchemaBuilder } from './schema-builder.js';
import { nodeAs as tagged, tagOf } from './parse-tree.js';

/** Statements that define objects the model does not hold yet: counted as "not compared". */
const NOT_COMPARED: Record<string, string> = {
  CompositeTypeStmt: 'composite types',
  CreateRangeStmt: 'range types',
  CreatePolicyStmt: 'policies',
  GrantStmt: 'grants',
  DefineStmt: 'aggregates, operators and base types',
  CreateCastStmt: 'casts',
  CreateOpClassStmt: 'operator classes',
  CreateOpFamilyStmt: 'operator families',
  RuleStmt: 'rules',
  CreateForeignTableStmt: 'foreign tables',
  CreateEventTrigStmt: 'event triggers',
  CreatePublicationStmt: 'publications',
  CreateStatsStmt: 'extended statistics',
  AlterTSConfigurationStmt: 'text search configurations',
  CreateConversionStmt: 'conversions',
  CreateTransformStmt: 'transforms',
  CreateForeignServerStmt: 'foreign servers',
};

/** Extensions every database has: never compared. */
const BUILT_IN_EXTENSIONS = new Set(['plpgsql']);

/**
 * Applies one statement to the model. Statements that change nothing the model holds (SET,
 * SELECT set_config, OWNER TO, GRANT, REVOKE, COMMENT ON other objects, extensions, ...) are
 * valid and ignored. `length` is the statement's length in the text, when known.
 */
export function applyStatement(builder: SchemaBuilder, statement: Node, length: number | undefined): void {
  const schema = nodeAs(statement, 'CreateSchemaStmt');
  if (schema) {
    // `CREATE SCHEMA IF NOT EXISTS public` (docs.rs's first migration): public is implied, never listed.
    const name = schema.schemaname;
    if (name && name !== DEFAULT_SCHEMA && !builder.model.schemas.some((s) => s.name === name)) {
      builder.model.schemas.push({ name, line: builder.statementLine });
    }
    // CREATE SCHEMA s CREATE TABLE …: the nested statements belong to the schema.
    for (const element of schema.schemaElts ?? []) applyStatement(builder, element, undefined);
    return;
  }
  const create = nodeAs(statement, 'CreateStmt');
  if (create) return createTable(builder, create, length);
  const alter = nodeAs(statement, 'AlterTableStmt');
  if (alter) return alterTable(builder, alter, length);
  const extension = tagged(statement, 'CreateExtensionStmt');
  if (extension) {
    const option = (key: string) => (extension.options ?? []).map((o) => nodeAs(o, 'DefElem')).find((d) => d?.defname === key);
    const name = extension.extname ?? '';
    if (BUILT_IN_EXTENSIONS.has(name) || (builder.model.extensions ?? []).some((e) => e.name === name)) return;
    (builder.model.extensions ??= []).push({
      name,
      schema: nodeAs(option('schema')?.arg, 'String')?.sval ?? null,
      version: nodeAs(option('new_version')?.arg, 'String')?.sval ?? null,
      line: builder.statementLine,
    });
    return;
  }
  const composite = nodeAs(statement, 'CompositeTypeStmt');
  if (composite) recordCompositeType(builder, composite);
  const notCompared = NOT_COMPARED[tagOf(statement)];
  if (notCompared) return builder.notCompared(notCompared);
  const index = nodeAs(statement, 'IndexStmt');
  if (index) return createIndex(builder, index);
  const view = nodeAs(statement, 'ViewStmt');
  if (view) return createView(builder, view, length);
  const tableAs = nodeAs(statement, 'CreateTableAsStmt');
  if (tableAs) return tableAs.objtype === 'OBJECT_MATVIEW' ? createMaterializedView(builder, tableAs, length) : createTableAs(builder, tableAs);
  const fn = nodeAs(statement, 'CreateFunctionStmt');
  if (fn) return createFunction(builder, fn, length);
  const enumType = nodeAs(statement, 'CreateEnumStmt');
  if (enumType) return createEnum(builder, enumType);
  const domain = nodeAs(statement, 'CreateDomainStmt');
  if (domain) return createDomain(builder, domain);
  const alterDomainType = nodeAs(statement, 'AlterDomainStmt');
  if (alterDomainType) return alterDomain(builder, alterDomainType);
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
