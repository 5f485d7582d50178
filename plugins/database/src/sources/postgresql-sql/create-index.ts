import { objectIdentity } from '../../schema/qualified-name.js';
import type { IndexStmt } from 'libpg-query';
import type { Index } from '../../schema/model.js';
import { canonicalTree } from './canonical-tree.js';
import { indexElementText } from './constraint-definitions.js';
import { expressionText } from './expression-text.js';
import { generatedIndexName, indexElementNamePart } from './generated-names.js';
import { nodeAs, rangeVarName } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import type { SqlText } from './sql-text.js';

/** The index a CREATE INDEX statement defines, as the model holds it (any table). */
export function indexOfStatement(statement: IndexStmt, source: SqlText, line?: number): Index {
  const method = statement.accessMethod && statement.accessMethod !== 'btree' ? statement.accessMethod : null;
  const include = (statement.indexIncludingParams ?? []).map((p) => nodeAs(p, 'IndexElem')?.name ?? '').filter(Boolean);
  return {
    name: statement.idxname ?? '',
    columns: (statement.indexParams ?? []).map((p) => indexElementText(p, source)),
    ...(include.length ? { include } : {}),
    unique: statement.unique ?? false,
    predicate: statement.whereClause ? expressionText(statement.whereClause, source) : null,
    method,
    canonical:
      canonicalTree({ List: { items: [...(statement.indexParams ?? []), ...(statement.whereClause ? [statement.whereClause] : [])] } }) +
      (include.length ? ` INCLUDE ${include.join(',')}` : ''),
    ...(line !== undefined ? { line } : {}),
  };
}

/** CREATE [UNIQUE] INDEX on a table or a materialized view of the file; an index on anything else is not in the model. */
export function createIndex(builder: SchemaBuilder, statement: IndexStmt): void {
  const name = rangeVarName(statement.relation);
  const table = builder.table(name);
  const owner = table ?? builder.model.views.find((v) => v.materialized && objectIdentity(v) === objectIdentity(name));
  if (!owner) return;
  // Unnamed: the name PostgreSQL will choose (`tickets_member_id_idx`), on tables.
  const idxname =
    statement.idxname ?? (table ? generatedIndexName(builder.model.tables, table, (statement.indexParams ?? []).map(indexElementNamePart)) : null);
  if (!idxname) return;
  if (statement.if_not_exists && owner.indexes?.some((i) => i.name === idxname)) return;
  const index = indexOfStatement({ ...statement, idxname }, builder.nodeText, builder.statementLine);
  owner.indexes = [...(owner.indexes ?? []).filter((i) => i.name !== index.name), index];
}
