import type { Node, PartitionBoundSpec, PartitionSpec } from 'libpg-query';
import type { Table } from '../../schema/model.js';
import { expressionText } from './expression-text.js';
import { nodeAs } from './parse-tree.js';
import type { SchemaBuilder } from './schema-builder.js';

const STRATEGIES: Record<string, string> = { PARTITION_STRATEGY_RANGE: 'RANGE', PARTITION_STRATEGY_LIST: 'LIST', PARTITION_STRATEGY_HASH: 'HASH' };

/** `RANGE (payment_date)`, as pg_get_partkeydef() prints a partition key. */
export function partitionKeyText(spec: PartitionSpec, builder: SchemaBuilder): string {
  const elements = (spec.partParams ?? []).map((node: Node) => {
    const element = nodeAs(node, 'PartitionElem');
    return element?.name ?? `(${expressionText(element?.expr, builder.nodeText)})`;
  });
  return `${STRATEGIES[spec.strategy ?? ''] ?? 'RANGE'} (${elements.join(', ')})`;
}

/**
 * The bound as written (`FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')`, `DEFAULT`): taken from
 * the statement text, since it is only ever written back, never compared (a dump prints its
 * timestamps in the server's time zone).
 */
export function partitionBoundText(bound: PartitionBoundSpec, builder: SchemaBuilder, length: number | undefined): string {
  if (bound.is_default) return 'DEFAULT';
  const statement = builder.statementText(length);
  const start = statement.search(/\bFOR\s+VALUES\b/i);
  if (start === -1) return 'DEFAULT';
  return statement
    .slice(start)
    .replace(/\s+PARTITION\s+BY\s+[\s\S]*$/i, '')
    .replace(/;\s*$/, '')
    .trim();
}

export function attachPartition(
  builder: SchemaBuilder,
  parent: Table,
  child: Table | undefined,
  bound: PartitionBoundSpec | undefined,
  length: number | undefined,
): void {
  if (!child) return;
  child.partitionOf = { schema: parent.schema, name: parent.name, bound: bound ? partitionBoundText(bound, builder, length) : 'DEFAULT' };
}
