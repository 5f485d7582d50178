/**
 * pg_dump output is a psql script: recent versions write `\restrict <key>` / `\unrestrict <key>`
 * and users may keep `\connect` or `\set` lines. They are not SQL, so the parser would reject
 * them: blank such lines (same length, so offsets and line numbers stay right).
 */
export function blankPsqlMetaCommands(text: string): string {
  return text.replace(/^\\[a-zA-Z!?][^\n]*$/gm, (line) => ' '.repeat(line.length));
}
