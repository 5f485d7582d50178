import type { CommentStmt } from 'libpg-query';
import { objectIdentity } from '../../schema/qualified-name.js';
import { nodeAs, qualifiedNameOf, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

const RELATIONS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW']);

/** COMMENT ON COLUMN, TABLE, VIEW, MATERIALIZED VIEW; comments on other objects are not in the model. */
export function commentOn(builder: SchemaBuilder, statement: CommentStmt): void {
  if (RELATIONS.has(statement.objtype ?? '')) {
    const name = qualifiedNameOf(stringsOf(nodeAs(statement.object, 'List')?.items));
    const relation = builder.table(name) ?? builder.model.views.find((v) => objectIdentity(v) === objectIdentity(name));
    if (relation) relation.comment = statement.comment ?? null;
    return;
  }
  if (statement.objtype !== 'OBJECT_COLUMN') {
    // An extension's comment comes with the extension.
    if (statement.objtype !== 'OBJECT_EXTENSION') builder.notCompared('comments on objects other than columns');
    return;
  }
  const parts = stringsOf(nodeAs(statement.object, 'List')?.items);
  const columnName = parts[parts.length - 1];
  const table = builder.table(qualifiedNameOf(parts.slice(0, -1)));
  const column = table?.columns.find((c) => c.name === columnName);
  if (column) column.comment = statement.comment ?? null;
}
