/**
 * PostgreSQL prints `x IN ('a', 'b')` over a varchar as a cast of the whole array,
 * `(ARRAY['a'::character varying, 'b'::character varying])::text[]`, but parses that text back as a
 * cast of each element, `ARRAY[('a'::character varying)::text, ('b'::character varying)::text]`: the
 * printout does not round-trip, so an object re-created from it (by a script, or by a pg_dump restore)
 * prints the second form. Both mean one expression; this writes the first as the second, so two
 * catalogs compare equal whichever way the object was made.
 */
export function distributedArrayCasts(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const start = text.indexOf('(ARRAY[', at);
    if (start < 0) return out + text.slice(at);
    const close = closingBracket(text, start + '(ARRAY['.length);
    const cast = close < 0 ? null : /^\]\)::([^[\]]+)\[\]/.exec(text.slice(close));
    if (close < 0 || !cast || quoted(text, start)) {
      out += text.slice(at, start + 1);
      at = start + 1;
      continue;
    }
    const elements = topLevelItems(text.slice(start + '(ARRAY['.length, close));
    const type = cast[1]!;
    // The elements may hold the same printout (nested arrays): distribute inside them first.
    out += `${text.slice(at, start)}ARRAY[${elements.map((e) => `(${distributedArrayCasts(e)})::${type}`).join(', ')}]`;
    at = close + cast[0].length;
  }
}

/** Whether `index` is inside a string literal: an odd number of quotes before it. */
function quoted(text: string, index: number): boolean {
  let quotes = 0;
  for (let i = 0; i < index; i++) if (text[i] === "'") quotes++;
  return quotes % 2 === 1;
}

/** The index of the `]` closing a bracket opened just before `from`, skipping literals and nested groups; -1 if none. */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      // '' inside a literal is a quote, and the scan simply re-enters the literal.
      const end = text.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return c === ']' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** A list's items at its top level: commas inside literals, parentheses and brackets do not split. */
function topLevelItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c === "'") {
      const end = list.indexOf("'", i + 1);
      i = end < 0 ? list.length : end;
    } else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      items.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  items.push(list.slice(start).trim());
  return items;
}
