import type { Node } from 'libpg-query';
import type { SqlText } from './sql-text.js';

export interface ParsedStatement {
  stmt: Node;
  /** Byte offset of the statement in the whole text, and its length in bytes. */
  offset: number;
  length: number | undefined;
  /** Node `location`s of this statement count from here. */
  nodeText: SqlText;
}

/**
 * Where each statement ends: `;` outside quotes, quoted identifiers, dollar-quoted bodies and
 * comments. Null when that is not enough to tell (a SQL-standard `BEGIN ATOMIC` body holds `;`s),
 * and the text is parsed whole.
 */
export function statementEnds(text: string): number[] | null {
  if (/\bbegin\s+atomic\b/i.test(text)) return null;
  const ends: number[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 59 /* ; */) {
      ends.push(i + 1);
      i++;
    } else if (ch === 39 /* ' */) {
      // E'…' strings escape with backslashes; standard strings only double the quote.
      const escaped = i > 0 && /[eE]/.test(text[i - 1]!) && !/[\w$]/.test(text[i - 2] ?? ' ');
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (escaped && c === 92 /* \ */) i += 2;
        else if (c === 39) {
          if (text.charCodeAt(i + 1) === 39) i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (ch === 34 /* " */) {
      i++;
      while (i < n && !(text.charCodeAt(i) === 34 && text.charCodeAt(i + 1) !== 34)) i += text.charCodeAt(i) === 34 ? 2 : 1;
      i++;
    } else if (ch === 45 /* - */ && text.charCodeAt(i + 1) === 45) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
    } else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 42 /* * */) {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (ch === 36 /* $ */ && !/[\w$]/.test(text[i - 1] ?? ' ')) {
      const tag = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 64));
      if (!tag) {
        i++;
        continue;
      }
      const close = text.indexOf(tag[0], i + tag[0].length);
      i = close === -1 ? n : close + tag[0].length;
    } else i++;
  }
  if (text.slice(ends.at(-1) ?? 0).trim()) ends.push(n);
  return ends;
}

interface RawStatement {
  stmt?: Node;
  stmt_location?: number;
  stmt_len?: number;
}

/** Parse trees by statement text: a before and an after file share most statements. */
const parsed = new Map<string, RawStatement[]>();
const CACHE_LIMIT = 100_000;

/**
 * Parses SQL statement by statement, with PostgreSQL's parser: a multi-megabyte dump parses about
 * twice as fast in pieces (the parser's JSON for the whole file is one huge string), and a
 * statement seen in the other file of the comparison is not parsed again. A piece the parser
 * rejects makes the whole text parse, so the error names the right place.
 */
export async function parseStatements(text: string, source: SqlText): Promise<ParsedStatement[]> {
  const { parse } = await import('libpg-query');
  const whole = async (): Promise<ParsedStatement[]> =>
    ((await parse(text)).stmts ?? []).flatMap((raw) =>
      raw.stmt ? [{ stmt: raw.stmt, offset: raw.stmt_location ?? 0, length: raw.stmt_len, nodeText: source }] : [],
    );
  const ends = statementEnds(text);
  if (!ends) return whole();
  const out: ParsedStatement[] = [];
  let start = 0;
  let startByte = 0;
  for (const end of ends) {
    const piece = text.slice(start, end);
    const pieceStart = startByte;
    startByte += source.ascii ? piece.length : Buffer.byteLength(piece);
    start = end;
    if (!/[^\s;]/.test(piece.replace(/--[^\n]*/g, ''))) continue;
    let stmts = parsed.get(piece);
    if (!stmts) {
      try {
        stmts = (await parse(piece)).stmts ?? [];
      } catch {
        return whole();
      }
      if (parsed.size > CACHE_LIMIT) parsed.clear();
      parsed.set(piece, stmts);
    }
    for (const raw of stmts) {
      if (!raw.stmt) continue;
      out.push({ stmt: raw.stmt, offset: pieceStart + (raw.stmt_location ?? 0), length: raw.stmt_len, nodeText: source.shifted(pieceStart) });
    }
  }
  return out;
}
