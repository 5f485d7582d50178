/**
 * Just enough SQL lexing to compare expressions written by hand (CHECK bodies, defaults, view and
 * routine definitions) and to find the columns they mention. Not a parser: quoted strings and
 * quoted identifiers are kept intact, everything else is case- and whitespace-folded.
 */

type Segment = { quoted: boolean; text: string };

function segments(sql: string): Segment[] {
  const out: Segment[] = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push({ quoted: false, text: plain });
    plain = '';
  };
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      flush();
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === ch) {
          if (sql[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out.push({ quoted: true, text: sql.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const dollar = ch === '$' ? /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i)) : null;
    if (dollar) {
      flush();
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      const stop = end === -1 ? sql.length : end + dollar[0].length;
      out.push({ quoted: true, text: sql.slice(i, stop) });
      i = stop;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/**
 * A canonical form for comparison: whitespace collapsed, case folded and a trailing semicolon
 * dropped outside quotes, so `LENGTH( bio ) <= 2000` equals `length(bio)<=2000`.
 */
export function normalizeExpression(sql: string): string {
  const text = segments(sql.trim().replace(/;\s*$/, ''))
    .map((s) =>
      s.quoted
        ? s.text
        : s.text
            .toLowerCase()
            .replace(/\s+/g, ' ')
            .replace(/\s*([(),=<>+*/-])\s*/g, '$1'),
    )
    .join('');
  return text.trim();
}

/**
 * Identifiers an expression mentions, in order of first appearance, without function names
 * (a word followed by `(`). Bare words are folded to lower case as PostgreSQL does.
 */
export function referencedIdentifiers(sql: string): string[] {
  const found: string[] = [];
  const add = (name: string) => {
    if (!found.includes(name)) found.push(name);
  };
  for (const s of segments(sql)) {
    if (s.quoted) {
      if (s.text.startsWith('"')) add(s.text.slice(1, -1).replace(/""/g, '"'));
      continue;
    }
    for (const match of s.text.matchAll(/[A-Za-z_][A-Za-z0-9_$]*/g)) {
      const after = s.text.slice(match.index + match[0].length);
      if (/^\s*\(/.test(after)) continue;
      add(match[0].toLowerCase());
    }
  }
  return found;
}
