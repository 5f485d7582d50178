import type { Node } from 'libpg-query';
import type { ColumnType } from '../../schema/column-type.js';
import { parseDefault } from '../../schema/default-value.js';
import type { DefaultValue } from '../../schema/model.js';
import { canonicalTree } from './canonical-tree.js';
import { expressionText } from './expression-text.js';
import { nodeAs } from './parse-tree.js';
import type { SqlText } from './sql-text.js';

/** The node under any casts: `'x'::text::varchar` is the constant `'x'`. */
function uncast(node: Node | undefined): Node | undefined {
  let inner = node;
  for (let cast = nodeAs(inner, 'TypeCast'); cast; cast = nodeAs(inner, 'TypeCast')) inner = cast.arg;
  return inner;
}

/**
 * A column default from its parse tree. A constant (cast or not) is read as the seed format's
 * constants are, so every source gives the same literal; anything else is an expression whatever
 * its spelling (a quoted `"extract"(…)` is no text constant), with the canonical form of its tree
 * so that a dump's `public.f(26)` equals a file's `f(26)`.
 */
export function defaultOfNode(node: Node | undefined, source: SqlText, type: ColumnType): DefaultValue | null {
  if (!node) return null;
  const text = expressionText(node, source);
  const constant = nodeAs(uncast(node), 'A_Const');
  if (constant) {
    // `DEFAULT FALSE` on a text column stores the text 'false', as the catalog prints the constant.
    const spelled = constant.boolval !== undefined && node === uncast(node) ? String(constant.boolval.boolval ?? false) : text;
    const parsed = parseDefault(spelled, type).default;
    return parsed?.kind === 'expression' ? { ...parsed, canonical: canonicalTree(node) } : parsed;
  }
  return { kind: 'expression', sql: text, canonical: canonicalTree(node) };
}
