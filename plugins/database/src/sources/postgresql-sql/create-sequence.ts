import type { AlterSeqStmt, CreateSeqStmt, Node } from 'libpg-query';
import { describeColumnType } from '../../schema/column-type.js';
import type { Sequence } from '../../schema/model.js';
import { objectKey } from '../../schema/qualified-name.js';
import { nodeAs, qualifiedNameOf, rangeVarName, stringsOf } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';
import { columnTypeOf } from './type-name.js';

function option(options: Node[] | undefined, key: string) {
  return (options ?? []).map((o) => nodeAs(o, 'DefElem')).find((d) => d?.defname === key);
}

/** `OWNED BY schema.table.column`; `OWNED BY NONE` gives null. */
function ownedBy(options: Node[] | undefined): Sequence['ownedBy'] | undefined {
  const owner = option(options, 'owned_by');
  if (!owner) return undefined;
  const parts = stringsOf(nodeAs(owner.arg, 'List')?.items);
  if (parts.length < 2 || (parts.length === 1 && parts[0]?.toLowerCase() === 'none')) return null;
  const column = parts[parts.length - 1]!;
  const table = qualifiedNameOf(parts.slice(0, -1));
  return { table: objectKey(table.schema, table.name), column };
}

export function createSequence(builder: SchemaBuilder, statement: CreateSeqStmt): void {
  const name = rangeVarName(statement.sequence);
  const as = nodeAs(option(statement.options, 'as')?.arg, 'TypeName');
  builder.upsert(builder.model.sequences, {
    ...name,
    key: builder.key(name),
    dataType: as ? describeColumnType(columnTypeOf(as).type) : null,
    ownedBy: ownedBy(statement.options) ?? null,
    line: builder.statementLine,
  });
}

export function alterSequence(builder: SchemaBuilder, statement: AlterSeqStmt): void {
  const sequence = builder.sequence(rangeVarName(statement.sequence));
  const owner = ownedBy(statement.options);
  if (sequence && owner !== undefined) sequence.ownedBy = owner;
}
