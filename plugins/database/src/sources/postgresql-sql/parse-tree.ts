import type { Node, RangeVar } from 'libpg-query';
import type { QualifiedName } from '../../schema/model.js';

/** Every node tag of libpg-query's tree (`ColumnDef`, `A_Expr`, …). */
type NodeTag = Node extends infer N ? (N extends unknown ? keyof N : never) : never;
export type NodeOf<T extends NodeTag> = Extract<Node, Record<T, unknown>> extends infer N ? (N extends Record<T, infer V> ? V : never) : never;

/** The node's payload when it has the tag, else undefined: `nodeAs(n, 'ColumnRef')`. */
export function nodeAs<T extends NodeTag>(node: Node | undefined, tag: T): NodeOf<T> | undefined {
  if (node === undefined || typeof node !== 'object' || !(tag in node)) return undefined;
  return (node as Record<T, NodeOf<T>>)[tag];
}

/** The tag of a node: its single key. */
export function tagOf(node: Node): string {
  return Object.keys(node)[0] ?? '';
}

/** `String` nodes of a name list (`['public', 'users']`). */
export function stringsOf(nodes: readonly Node[] | undefined): string[] {
  // A plain loop: called for every name of every statement of a dump (flatMap allocated per node).
  const out: string[] = [];
  if (!nodes) return out;
  for (const node of nodes) {
    const s = nodeAs(node, 'String');
    if (s) out.push(s.sval ?? '');
  }
  return out;
}

export function rangeVarName(relation: RangeVar | undefined): QualifiedName {
  return { schema: relation?.schemaname ?? null, name: relation?.relname ?? '' };
}

/** `['public', 'mood']` → public.mood; a single name is unqualified. */
export function qualifiedNameOf(parts: readonly string[]): QualifiedName {
  const name = parts[parts.length - 1] ?? '';
  const schema = parts.length > 1 ? (parts[parts.length - 2] ?? null) : null;
  return { schema, name };
}

/** Integer value of an A_Const or Integer node; protobuf leaves 0 out, so an empty ival is 0. */
export function integerOf(node: Node | undefined): number | null {
  const integer = nodeAs(node, 'Integer');
  if (integer) return integer.ival ?? 0;
  const constant = nodeAs(node, 'A_Const');
  if (constant?.ival) return constant.ival.ival ?? 0;
  return null;
}
