import { blankPsqlMetaCommands } from '../sources/postgresql-sql/psql-meta-commands.js';
import { SqlText } from '../sources/postgresql-sql/sql-text.js';

/**
 * The statements of a script or schema file, one string each, as psql would send them: CREATE
 * INDEX CONCURRENTLY refuses to run inside the implicit transaction of a multi-statement query, and
 * a failing statement is reported by itself. Split with PostgreSQL's parser; psql meta-commands
 * (`\restrict` in recent dumps) are left out.
 */
export async function splitStatements(sql: string): Promise<string[]> {
  const text = blankPsqlMetaCommands(sql);
  const { parse } = await import('libpg-query');
  const tree = await parse(text);
  const source = new SqlText(text);
  return (tree.stmts ?? [])
    .map((raw) => {
      const start = raw.stmt_location ?? 0;
      return (raw.stmt_len ? source.slice(start, start + raw.stmt_len) : source.slice(start)).trim().replace(/;\s*$/, '');
    })
    .filter((s) => s.length > 0);
}

/** Text outside string literals, quoted identifiers, dollar-quoted bodies and comments. */
function codeOnly(sql: string): string {
  return sql
    .replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g, ' ')
    .replace(/'(?:[^']|'')*'/g, ' ')
    .replace(/"(?:[^"]|"")*"/g, ' ')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** `{backfill_value}`-style placeholders: values only the user knows, which are never guessed. */
export function placeholdersIn(sql: string): string[] {
  return [...new Set([...codeOnly(sql).matchAll(/\{[A-Za-z_][A-Za-z0-9_]*\}/g)].map((m) => m[0]))];
}
