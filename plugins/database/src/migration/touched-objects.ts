import type { Node } from 'libpg-query';
import { formatPath } from '@migration-architect/core';
import { nodeAs, qualifiedNameOf, rangeVarName, stringsOf, tagOf } from '../sources/postgresql-sql/parse-tree.js';
import { objectKey } from '../schema/qualified-name.js';

const tablePath = (relation: Parameters<typeof rangeVarName>[0]) => {
  const name = rangeVarName(relation);
  return formatPath(['tables', objectKey(name.schema, name.name)]);
};

/**
 * The columns (and constraints) an ALTER TABLE names, so a change is traced to the statement that
 * made it rather than to a later statement on the same table.
 */
function columnsOf(statement: Node, relation: Parameters<typeof rangeVarName>[0]): string[] {
  const name = rangeVarName(relation);
  const table = objectKey(name.schema, name.name);
  return (nodeAs(statement, 'AlterTableStmt')?.cmds ?? []).flatMap((node) => {
    const command = nodeAs(node, 'AlterTableCmd');
    const definition = command?.subtype === 'AT_AddColumn' ? nodeAs(command.def, 'ColumnDef') : undefined;
    const constraintCommand =
      command?.subtype === 'AT_AddConstraint' || command?.subtype === 'AT_DropConstraint' || command?.subtype === 'AT_ValidateConstraint';
    const inlineConstraint = (definition?.constraints ?? []).some((c) =>
      ['CONSTR_FOREIGN', 'CONSTR_CHECK', 'CONSTR_UNIQUE', 'CONSTR_PRIMARY'].includes(nodeAs(c, 'Constraint')?.contype ?? ''),
    );
    const column = definition ? definition.colname : constraintCommand ? undefined : command?.name;
    return [
      ...(column ? [formatPath(['tables', table, 'columns', column])] : []),
      ...(constraintCommand || inlineConstraint ? [formatPath(['tables', table, 'constraints'])] : []),
    ];
  });
}

/**
 * Report paths of the objects a statement changes, so a change of the final diff can be traced to
 * the statement that made it: the last statement that touched its object.
 */
export function touchedObjects(statement: Node): string[] {
  const relation = (
    nodeAs(statement, 'AlterTableStmt') ??
    nodeAs(statement, 'IndexStmt') ??
    nodeAs(statement, 'CreateTrigStmt') ??
    nodeAs(statement, 'CreateStmt')
  )?.relation;
  if (relation) return [tablePath(relation), ...columnsOf(statement, relation)];
  const rename = nodeAs(statement, 'RenameStmt');
  if (rename?.relation) {
    const name = rangeVarName(rename.relation);
    return [
      tablePath(rename.relation),
      ...(rename.renameType === 'OBJECT_TABLE' && rename.newname ? [formatPath(['tables', objectKey(name.schema, rename.newname)])] : []),
      // The column by its new name: the rename is traced to this statement, not a later one on the table.
      ...(rename.renameType === 'OBJECT_COLUMN' && rename.newname
        ? [formatPath(['tables', objectKey(name.schema, name.name), 'columns', rename.newname])]
        : []),
    ];
  }
  const view = nodeAs(statement, 'ViewStmt');
  if (view) return [formatPath(['views', objectKey(view.view?.schemaname ?? null, view.view?.relname ?? '')])];
  const matview = nodeAs(statement, 'CreateTableAsStmt');
  if (matview?.into?.rel) return [formatPath(['views', objectKey(matview.into.rel.schemaname ?? null, matview.into.rel.relname ?? '')])];
  const fn = nodeAs(statement, 'CreateFunctionStmt');
  if (fn) {
    const name = qualifiedNameOf(stringsOf(fn.funcname));
    return [formatPath([fn.is_procedure ? 'procedures' : 'functions', objectKey(name.schema, name.name)])];
  }
  const enumType = nodeAs(statement, 'CreateEnumStmt') ?? nodeAs(statement, 'AlterEnumStmt');
  if (enumType) {
    const name = qualifiedNameOf(stringsOf(enumType.typeName));
    return [formatPath(['enums', objectKey(name.schema, name.name)])];
  }
  const domain = nodeAs(statement, 'CreateDomainStmt');
  const alterDomain = nodeAs(statement, 'AlterDomainStmt');
  if (domain || alterDomain) {
    const name = qualifiedNameOf(stringsOf(domain?.domainname ?? alterDomain?.typeName));
    return [formatPath(['domains', objectKey(name.schema, name.name)])];
  }
  const sequence = nodeAs(statement, 'CreateSeqStmt') ?? nodeAs(statement, 'AlterSeqStmt');
  if (sequence?.sequence) {
    const name = rangeVarName(sequence.sequence);
    return [formatPath(['sequences', objectKey(name.schema, name.name)])];
  }
  const extension = nodeAs(statement, 'CreateExtensionStmt');
  if (extension) return [formatPath(['extensions', extension.extname ?? ''])];
  const schema = nodeAs(statement, 'CreateSchemaStmt');
  if (schema) return [formatPath(['schemas', schema.schemaname ?? ''])];
  const comment = nodeAs(statement, 'CommentStmt');
  if (comment?.objtype === 'OBJECT_COLUMN') {
    const parts = stringsOf(nodeAs(comment.object, 'List')?.items);
    const table = qualifiedNameOf(parts.slice(0, -1));
    return [formatPath(['tables', objectKey(table.schema, table.name)])];
  }
  const drop = nodeAs(statement, 'DropStmt');
  if (drop) {
    const section: Record<string, string> = {
      OBJECT_TABLE: 'tables',
      OBJECT_VIEW: 'views',
      OBJECT_MATVIEW: 'views',
      OBJECT_TYPE: 'enums',
      OBJECT_DOMAIN: 'domains',
      OBJECT_SEQUENCE: 'sequences',
      OBJECT_SCHEMA: 'schemas',
      OBJECT_EXTENSION: 'extensions',
    };
    const names = (drop.objects ?? []).map((o) => {
      const list = nodeAs(o, 'List');
      const typeName = nodeAs(o, 'TypeName');
      const parts = list ? stringsOf(list.items) : typeName ? stringsOf(typeName.names) : [nodeAs(o, 'String')?.sval ?? ''];
      const name = qualifiedNameOf(parts);
      return objectKey(name.schema, name.name);
    });
    // DROP INDEX names the index, not its table: traced by the index name in the change's path.
    if (drop.removeType === 'OBJECT_INDEX') return names.map((n) => `index:${n}`);
    const kind = section[drop.removeType ?? ''];
    return kind ? names.map((n) => formatPath([kind, n])) : [];
  }
  void tagOf;
  return [];
}
