import { afterAll, describe, expect, inject, it } from 'vitest';
import { duplicatesQuery } from '../src/sql/integrity-queries.js';
import { PostgresServer } from './postgres-server.js';

/**
 * The query a new unique index's script runs first, to find the rows its build would trip over,
 * for every way an index element is written: it must run on PostgreSQL and find the planted
 * duplicates, whatever the element carries after its value (quickwit's `index_id
 * varchar_pattern_ops` was grouped by with its operator class, a syntax error).
 */
const server = new PostgresServer(inject('postgresUrl'));
afterAll(() => server.close());

const table = { schema: null, name: 'handles' };
const elements = [
  'index_id',
  'index_id varchar_pattern_ops',
  '"index_id" varchar_pattern_ops DESC',
  'index_id pg_catalog.varchar_pattern_ops ASC NULLS LAST',
  'index_id COLLATE "C" varchar_pattern_ops',
  'index_id COLLATE "C"',
  'lower(index_id)',
  '(lower(index_id)) text_pattern_ops',
  'lower((index_id)::text) DESC NULLS FIRST',
];

describe('the duplicates query of a unique index', { timeout: 60_000 }, () => {
  it.each(elements)('runs and finds the duplicates for the element %s', async (element) => {
    const [together, alone] = await server.withScratchDatabase('ma_duplicates_query', async (db) => {
      await db.run("CREATE TABLE handles (index_id varchar(40), kind int); INSERT INTO handles VALUES ('a', 1), ('a', 2), ('b', 1), (NULL, 1), (NULL, 2);");
      return [await db.run(duplicatesQuery(table, [element, 'kind'])), await db.run(duplicatesQuery(table, [element]))];
    });
    // ('a', 1) and ('a', 2) differ by kind; 'a' alone has two copies; rows with a NULL never conflict.
    expect(together).toEqual([]);
    expect(alone!.map((row) => Number(row.copies))).toEqual([2]);
  });
});
