import { errorLine, type ScratchDatabase } from './scratch-database.js';
import { splitStatements } from './sql-statements.js';

/** How a piece of SQL ran: all of it, not at all (PostgreSQL's parser refused it), or up to a statement that failed. */
export type StatementsRun = { status: 'passed' } | { status: 'unparsable'; error: string } | { status: 'failed'; statement: string; error: string };

/**
 * Parses SQL with PostgreSQL's parser and runs it statement by statement, as psql does, stopping
 * at the first failure: the one loop both `--verify` (a report's scripts) and the history replay
 * (a repository's migrations) run SQL with. `rollbackOnFailure` ends the transaction a failed
 * statement inside BEGIN … COMMIT leaves aborted, as psql's user would, when the database is used after.
 */
export async function runStatements(database: ScratchDatabase, sql: string, options: { rollbackOnFailure?: boolean } = {}): Promise<StatementsRun> {
  let statements: string[];
  try {
    statements = await splitStatements(sql);
  } catch (error) {
    return { status: 'unparsable', error: errorLine(error) };
  }
  for (const statement of statements) {
    try {
      await database.run(statement);
    } catch (error) {
      if (options.rollbackOnFailure) await database.run('ROLLBACK').catch(() => {});
      return { status: 'failed', statement, error: errorLine(error) };
    }
  }
  return { status: 'passed' };
}
