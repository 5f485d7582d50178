/**
 * A small tokenizer for the CREATE statements SQLite stores in sqlite_schema: enough to find
 * what no pragma reports (CHECK constraints, AUTOINCREMENT, index expressions and WHERE
 * clauses, a view's SELECT). Quotes ('…', "…", `…`, […]) and comments are honoured, so a
 * keyword inside a string or an identifier never counts. Not a parser: it relies on the text
 * being a statement SQLite already accepted.
 */

export interface Token {
  kind: 'word' | 'identifier' | 'string' | 'symbol';
  /** The token as written (quotes included). */
  text: string;
  start: number;
  end: number;
  /** Parenthesis depth the token sits at; an opening parenthesis has the outer depth. */
  depth: number;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
      continue;
    }
    if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    const close = ch === "'" ? "'" : ch === '"' ? '"' : ch === '`' ? '`' : ch === '[' ? ']' : null;
    if (close) {
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === close) {
          // Doubled quotes escape themselves; brackets cannot be escaped.
          if (close !== ']' && sql[j + 1] === close) j += 2;
          else break;
        } else j++;
      }
      tokens.push({ kind: ch === "'" ? 'string' : 'identifier', text: sql.slice(i, j + 1), start: i, end: Math.min(j + 1, sql.length), depth });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_$\x80-\uffff]+/.exec(sql.slice(i, i + 256));
    if (word) {
      tokens.push({ kind: 'word', text: word[0], start: i, end: i + word[0].length, depth });
      i += word[0].length;
      continue;
    }
    if (ch === ')') depth--;
    tokens.push({ kind: 'symbol', text: ch, start: i, end: i + 1, depth });
    if (ch === '(') depth++;
    i++;
  }
  return tokens;
}

/** `"a""b"` → `a"b`, `[x]` → `x`, `` `x` `` → `x`; bare words as written. */
export function unquoteIdentifier(text: string): string {
  const first = text[0];
  if (first === '"' || first === '`')
    return text
      .slice(1, -1)
      .split(first + first)
      .join(first);
  if (first === '[') return text.slice(1, -1);
  if (first === "'") return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

const isWord = (token: Token | undefined, word: string) => token?.kind === 'word' && token.text.toUpperCase() === word;

/** Index of the `)` closing the `(` at `open`. */
function closingParenthesis(tokens: readonly Token[], open: number): number {
  const depth = tokens[open]!.depth;
  for (let i = open + 1; i < tokens.length; i++) {
    if (tokens[i]!.text === ')' && tokens[i]!.kind === 'symbol' && tokens[i]!.depth === depth) return i;
  }
  return tokens.length - 1;
}

export interface ParenthesizedList {
  /** Each comma-separated item, as its tokens. */
  items: Token[][];
  /** Token index just past the closing parenthesis. */
  after: number;
}

/** The comma-separated items of the first top-level parenthesized list starting at or after `from`. */
function firstList(tokens: readonly Token[], from: number): ParenthesizedList | null {
  const open = tokens.findIndex((t, i) => i >= from && t.depth === 0 && t.kind === 'symbol' && t.text === '(');
  if (open === -1) return null;
  const close = closingParenthesis(tokens, open);
  const items: Token[][] = [[]];
  for (let i = open + 1; i < close; i++) {
    const token = tokens[i]!;
    if (token.depth === 1 && token.kind === 'symbol' && token.text === ',') items.push([]);
    else items[items.length - 1]!.push(token);
  }
  return { items: items.filter((item) => item.length > 0), after: close + 1 };
}

/** Source text from the first to the last token of a run. */
export function textOf(sql: string, tokens: readonly Token[]): string {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return first && last ? sql.slice(first.start, last.end) : '';
}

export interface ScannedCheck {
  name: string | null;
  expression: string;
}

export interface ScannedTable {
  checks: ScannedCheck[];
  /** Columns declared `INTEGER PRIMARY KEY AUTOINCREMENT`. */
  autoincrement: string[];
}

/**
 * CHECK constraints (column and table level, with their CONSTRAINT names) and AUTOINCREMENT
 * columns of a CREATE TABLE statement. `CREATE TABLE … AS SELECT` has neither.
 */
export function scanCreateTable(sql: string): ScannedTable {
  const tokens = tokenize(sql);
  const result: ScannedTable = { checks: [], autoincrement: [] };
  const asSelect = tokens.findIndex((t) => t.depth === 0 && isWord(t, 'AS'));
  const list = firstList(tokens, 0);
  if (!list || (asSelect !== -1 && asSelect < tokens.findIndex((t) => t.text === '('))) return result;
  for (const item of list.items) {
    // Only the item's own level: a CHECK inside a DEFAULT (…) or another CHECK's body is not one.
    const level = item[0]!.depth;
    for (let i = 0; i < item.length; i++) {
      const token = item[i]!;
      if (token.depth !== level) continue;
      if (isWord(token, 'AUTOINCREMENT')) result.autoincrement.push(unquoteIdentifier(item[0]!.text));
      if (isWord(token, 'CHECK') && item[i + 1]?.text === '(') {
        const open = tokens.indexOf(item[i + 1]!);
        const close = closingParenthesis(tokens, open);
        const expression = sql.slice(tokens[open]!.end, tokens[close]!.start).trim();
        const name = isWord(item[i - 2], 'CONSTRAINT') && item[i - 1] ? unquoteIdentifier(item[i - 1]!.text) : null;
        result.checks.push({ name, expression });
      }
    }
  }
  return result;
}

export interface ScannedIndex {
  /** Each indexed term as written: `email`, `lower(email)`, `created_at DESC`. */
  terms: string[];
  /** The WHERE clause of a partial index. */
  predicate: string | null;
}

/** The terms and WHERE clause of a CREATE INDEX statement. */
export function scanCreateIndex(sql: string): ScannedIndex {
  const tokens = tokenize(sql);
  const on = tokens.findIndex((t) => t.depth === 0 && isWord(t, 'ON'));
  const list = firstList(tokens, on === -1 ? 0 : on);
  if (!list) return { terms: [], predicate: null };
  const where = tokens.findIndex((t, i) => i >= list.after && t.depth === 0 && isWord(t, 'WHERE'));
  const predicate = where === -1 ? null : textOf(sql, withoutSemicolon(tokens.slice(where + 1)));
  return { terms: list.items.map((item) => textOf(sql, item)), predicate: predicate || null };
}

/** The SELECT of a CREATE VIEW statement: everything after the top-level AS. */
export function scanCreateView(sql: string): string {
  const tokens = tokenize(sql);
  const as = tokens.findIndex((t) => t.depth === 0 && isWord(t, 'AS'));
  return as === -1 ? sql.trim() : textOf(sql, withoutSemicolon(tokens.slice(as + 1)));
}

/** Up to the last real token: no trailing `;` and no trailing comment (`.schema` adds one to views). */
function withoutSemicolon(tokens: Token[]): Token[] {
  const last = tokens[tokens.length - 1];
  return last?.kind === 'symbol' && last.text === ';' ? tokens.slice(0, -1) : tokens;
}

/** Offset just past the `;` that ends the statement starting at `from` (or the end of the text). */
export function statementEnd(sql: string, from: number): number {
  const rest = sql.slice(from);
  const semicolon = tokenize(rest).find((t) => t.kind === 'symbol' && t.text === ';' && t.depth === 0);
  return semicolon ? from + semicolon.end : sql.length;
}

/** Offset of the first token at or after `from`: where a statement really starts, past blanks and comments. */
export function firstTokenOffset(sql: string, from: number): number {
  const first = tokenize(sql.slice(from))[0];
  return first ? from + first.start : sql.length;
}
