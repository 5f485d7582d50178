import type { QualifiedName } from '../schema/model.js';
import { quoteQualifiedName } from './identifier.js';
import { quoteLiteral } from './literal.js';

/**
 * Rollbacks must work from any state: after our forward script (which kept a backup, a
 * `<column>_old` or a table renamed aside) and after the project's own migration (which kept
 * none). These build the PL/pgSQL blocks that look in the catalog first and take the branch
 * that fits, saying out loud (RAISE NOTICE, shown by psql) what cannot come back.
 */

/** Dollar-quote tag for the blocks: never one a routine body inside them uses. */
function tag(body: string): string {
  let name = 'rollback';
  for (let i = 1; body.includes(`$${name}$`); i++) name = `rollback${i}`;
  return `$${name}$`;
}

/** Statements of a script, without the transaction lines: a DO block is one transaction already. */
function inBlock(statements: readonly string[]): string[] {
  return statements.flatMap((s) => s.split('\n')).filter((line) => !/^\s*(BEGIN|COMMIT);\s*$/i.test(line));
}

/** `RAISE NOTICE '…'` (a `%` in the text is doubled, as RAISE formats it). */
export function raiseNotice(message: string): string {
  return `RAISE NOTICE ${quoteLiteral(message.replace(/%/g, '%%'))};`;
}

/** A notice on its own, for a script that has nothing else to do. */
export function noticeBlock(message: string): string {
  const body = raiseNotice(message);
  const t = tag(body);
  return `DO ${t} BEGIN ${body} END ${t};`;
}

/** A branch of a guarded block: its statements run when the condition holds. */
export interface GuardedBranch {
  when: string;
  run: readonly string[];
}

/** `DO $rollback$ BEGIN IF … THEN … ELSIF … THEN … ELSE … END IF; END $rollback$;`: the first branch whose condition holds runs (with no branch, `otherwise` alone). */
export function guardedBlock(branches: readonly GuardedBranch[], otherwise: readonly string[] = []): string {
  const parts = branches.map((b) => ({ when: b.when, lines: inBlock(b.run) }));
  const elseLines = inBlock(otherwise);
  const t = tag([...parts.flatMap((p) => [p.when, ...p.lines]), ...elseLines].join('\n'));
  // No condition: the statements as one block.
  if (parts.length === 0) return [`DO ${t}`, 'BEGIN', ...elseLines.map((l) => `  ${l}`), `END ${t};`].join('\n');
  return [
    `DO ${t}`,
    'BEGIN',
    ...parts.flatMap((p, i) => [`  ${i === 0 ? 'IF' : 'ELSIF'} ${p.when} THEN`, ...p.lines.map((l) => `    ${l}`)]),
    ...(elseLines.length ? ['  ELSE', ...elseLines.map((l) => `    ${l}`)] : []),
    '  END IF;',
    `END ${t};`,
  ].join('\n');
}

/** One condition, two ways. */
export function ifElseBlock(condition: string, then: readonly string[], otherwise: readonly string[]): string {
  return guardedBlock([{ when: condition, run: then }], otherwise);
}

/** True when the relation exists (a table, a view, …), looked up as written with its schema. */
export function relationExists(relation: QualifiedName): string {
  return `to_regclass(${quoteLiteral(quoteQualifiedName(relation.schema, relation.name))}) IS NOT NULL`;
}

/** True when the table has a live column of that name. */
export function columnExists(table: QualifiedName, column: string): string {
  return `EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass(${quoteLiteral(quoteQualifiedName(table.schema, table.name))}) AND attname = ${quoteLiteral(column)} AND NOT attisdropped)`;
}
