import { describe, expect, it } from 'vitest';
import { compareColumnTypes, parseColumnType } from '../src/index.js';

const compare = (from: string, to: string) => compareColumnTypes(parseColumnType(from).type, parseColumnType(to).type);

describe('PostgreSQL type compatibility', () => {
  it.each([
    // widening: non_breaking; catalog-only where PostgreSQL skips the rewrite
    ['varchar(255)', 'varchar(320)', 'non_breaking', false],
    ['varchar(255)', 'text', 'non_breaking', false],
    ['varchar(255)', 'varchar', 'non_breaking', false],
    ['text', 'varchar', 'non_breaking', false],
    ['int', 'bigint', 'non_breaking', true],
    ['smallint', 'integer', 'non_breaking', true],
    ['integer', 'numeric', 'non_breaking', true],
    ['integer', 'numeric(12,0)', 'non_breaking', true],
    ['integer', 'double precision', 'non_breaking', true],
    ['real', 'double precision', 'non_breaking', true],
    ['numeric(10,2)', 'numeric(12,2)', 'non_breaking', false],
    ['numeric(10,2)', 'numeric(12,4)', 'non_breaking', true],
    ['numeric(10,2)', 'numeric', 'non_breaking', false],
    ['timestamp(3)', 'timestamp', 'non_breaking', false],
    ['date', 'timestamp', 'non_breaking', true],
    ['jsonb', 'json', 'non_breaking', true],
    ['char(5)', 'char(10)', 'non_breaking', true],
    // narrowing, precision or time component lost: potentially_breaking
    ['bigint', 'int', 'potentially_breaking', true],
    ['integer', 'smallint', 'potentially_breaking', true],
    ['integer', 'real', 'potentially_breaking', true],
    ['bigint', 'double precision', 'potentially_breaking', true],
    ['numeric', 'integer', 'potentially_breaking', true],
    ['numeric(10,2)', 'numeric(10,1)', 'potentially_breaking', true],
    ['numeric(10,2)', 'numeric(8,2)', 'potentially_breaking', true],
    ['double precision', 'real', 'potentially_breaking', true],
    ['varchar(320)', 'varchar(255)', 'potentially_breaking', true],
    ['text', 'varchar(50)', 'potentially_breaking', true],
    ['varchar(20)', 'char(20)', 'potentially_breaking', true],
    ['char(20)', 'varchar(20)', 'potentially_breaking', true],
    ['text', 'citext', 'potentially_breaking', false],
    ['datetime', 'date', 'potentially_breaking', true],
    ['timestamp', 'timestamptz', 'potentially_breaking', true],
    ['timestamp', 'timestamp(0)', 'potentially_breaking', true],
    ['json', 'jsonb', 'potentially_breaking', true],
    // another kind of value: breaking
    ['varchar', 'int', 'breaking', true],
    ['int', 'varchar', 'breaking', true],
    ['boolean', 'int', 'breaking', true],
    ['bool', 'tinyint', 'breaking', true],
    ['int', 'boolean', 'breaking', true],
    ['uuid', 'text', 'breaking', true],
    ['text', 'jsonb', 'breaking', true],
    ['date', 'int', 'breaking', true],
    ['integer', 'integer[]', 'breaking', true],
    ['my_enum', 'other_enum', 'breaking', true],
  ] as const)('%s → %s: %s (rewrite: %s)', (from, to, severity, rewritesTable) => {
    expect(compare(from, to)).toMatchObject({ severity, rewritesTable });
  });

  it('explains each verdict', () => {
    expect(compare('varchar(320)', 'varchar(255)').reason).toMatch(/longer than 255/);
    expect(compare('timestamp', 'date').reason).toMatch(/time component/);
    expect(compare('boolean', 'integer').reason).toMatch(/different kinds of value/);
  });
});
