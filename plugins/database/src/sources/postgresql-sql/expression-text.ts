import type { Node } from 'libpg-query';
import { deparseExpression, UnsupportedExpressionError } from './deparse-expression.js';
import type { SqlText } from './sql-text.js';

function locationOf(node: Node): number | undefined {
  const payload = Object.values(node)[0] as { location?: number } | undefined;
  return payload?.location;
}

/**
 * The source text of an expression that starts at `start`: up to the first `,`, `)` or `;`
 * outside parentheses and quotes. Good enough for the rare expression the deparser cannot spell.
 */
function sliceExpression(text: string, start: number): string {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, i + 1);
      i = close === -1 ? text.length : close + 1;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') {
      if (depth === 0) break;
      depth--;
    } else if ((ch === ',' || ch === ';') && depth === 0) break;
    i++;
  }
  return text.slice(start, i).trim();
}

/** SQL for an expression: deparsed when the deparser knows every node, else as written. */
export function expressionText(node: Node | undefined, source: SqlText): string {
  try {
    return deparseExpression(node);
  } catch (error) {
    if (!(error instanceof UnsupportedExpressionError) || !node) throw error;
    const start = locationOf(node);
    if (start === undefined) throw error;
    return sliceExpression(source.text, source.char(start));
  }
}
