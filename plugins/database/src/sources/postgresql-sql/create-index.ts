import type { IndexStmt } from 'libpg-query';
import { canonicalTree } from './canonical-tree.js';
import { indexElementText } from './constraint-definitions.js';
import { expressionText } from './expression-text.js';
import { rangeVarName } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

/** CREATE [UNIQUE] INDEX on a table of the file; an index on anything else is not in the model. */
export function createIndex(builder: SchemaBuilder, statement: IndexStmt): void {
  const table = builder.table(rangeVarName(statement.relation));
  if (!table || !statement.idxname) return;
  const method = statement.accessMethod && statement.accessMethod !== 'btree' ? statement.accessMethod : null;
  const index = {
    name: statement.idxname,
    columns: (statement.indexParams ?? []).map((p) => indexElementText(p, builder.text)),
    unique: statement.unique ?? false,
    predicate: statement.whereClause ? expressionText(statement.whereClause, builder.text) : null,
    method,
    canonical: canonicalTree({ List: { items: [...(statement.indexParams ?? []), ...(statement.whereClause ? [statement.whereClause] : [])] } }),
    line: builder.statementLine,
  };
  table.indexes = [...table.indexes.filter((i) => i.name !== index.name), index];
}
