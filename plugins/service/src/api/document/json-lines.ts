/**
 * Line numbers of JSON pointers in a JSON text, for the few nodes findings name: one forward
 * scan that descends only into members on the way to a wanted pointer and skips everything
 * else, so a 13 MB description costs one pass over its characters.
 */

interface Wanted {
  children: Map<string, Wanted>;
  pointer: string | undefined;
}

function wantedTree(pointers: Map<string, string[]>): Wanted {
  const root: Wanted = { children: new Map(), pointer: undefined };
  for (const [pointer, keys] of pointers) {
    let node = root;
    for (const key of keys) {
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), pointer: undefined }));
      node = next;
    }
    node.pointer = pointer;
  }
  return root;
}

const STRUCTURE = /["{}[\]]/g;

export function jsonLines(text: string, pointers: Map<string, string[]>): Map<string, number> {
  const lines = new Map<string, number>();
  let pos = 0;
  let countedTo = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (let next = text.indexOf('\n', countedTo); next !== -1 && next < offset; next = text.indexOf('\n', next + 1)) line++;
    countedTo = offset;
    return line;
  };
  const space = () => {
    for (let c = text.charCodeAt(pos); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++pos));
  };
  const readString = (): string => {
    const start = pos;
    let escaped = false;
    // The closing quote is the next one not preceded by an odd number of backslashes.
    for (let quote = text.indexOf('"', pos + 1); ; quote = text.indexOf('"', quote + 1)) {
      if (quote === -1) {
        pos = text.length;
        break;
      }
      let backslashes = 0;
      for (let i = quote - 1; text.charCodeAt(i) === 92; i--) backslashes++;
      if (backslashes > 0) escaped = true;
      if (backslashes % 2 === 0) {
        pos = quote + 1;
        break;
      }
    }
    const raw = text.slice(start, pos);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  };
  const skipValue = () => {
    space();
    const c = text.charCodeAt(pos);
    if (c === 34) {
      readString();
      return;
    }
    if (c === 123 || c === 91) {
      // Jump from one structural character to the next; strings are skipped whole.
      let depth = 0;
      STRUCTURE.lastIndex = pos;
      for (let match = STRUCTURE.exec(text); match; match = STRUCTURE.exec(text)) {
        const d = text.charCodeAt(match.index);
        if (d === 34) {
          pos = match.index;
          readString();
          STRUCTURE.lastIndex = pos;
        } else if (d === 123 || d === 91) depth++;
        else if (--depth === 0) {
          pos = match.index + 1;
          return;
        }
      }
      pos = text.length;
      return;
    }
    for (let d = text.charCodeAt(pos); pos < text.length && d !== 44 && d !== 125 && d !== 93; d = text.charCodeAt(++pos));
  };
  const value = (wanted: Wanted) => {
    space();
    const c = text.charCodeAt(pos);
    if (wanted.children.size === 0 || (c !== 123 && c !== 91)) {
      skipValue();
      return;
    }
    pos++;
    let index = 0;
    for (;;) {
      space();
      const d = text.charCodeAt(pos);
      if (d === 125 || d === 93) {
        pos++;
        return;
      }
      if (d === 44) {
        pos++;
        continue;
      }
      if (pos >= text.length) return;
      let key: string;
      const start = pos;
      if (c === 123) {
        key = readString();
        space();
        pos++; // ':'
      } else {
        key = String(index++);
      }
      const next = wanted.children.get(key);
      if (!next) {
        skipValue();
        continue;
      }
      if (next.pointer !== undefined) lines.set(next.pointer, lineAt(start));
      value(next);
    }
  };
  value(wantedTree(pointers));
  return lines;
}
