import { definePlugin, type MigrationArchitectPlugin, type SchemaChange } from '@migration-architect/core';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../src/index.js';

type Columns = Record<string, string>;

/** A checker over `{ columns: { name: type } }` with one rule that writes SQL for a removed column. */
function columnsPlugin(): MigrationArchitectPlugin {
  return definePlugin({
    apiVersion: 2,
    meta: { name: 'rule-tester-fixture', version: '1.0.0', namespace: 'cols' },
    checkers: [
      {
        id: 'cols',
        title: 'Column lists',
        description: 'Columns and their types',
        changeKinds: ['column.removed'],
        diff: (a: Columns, b: Columns): SchemaChange[] =>
          Object.keys(a)
            .filter((name) => !(name in b))
            .map((name) => ({ kind: 'column.removed', path: `columns.${name}`, subject: name, before: a[name] })),
        rules: [
          {
            id: 'column-removed',
            issueType: 'column_removed',
            change: 'column.removed',
            severity: 'breaking',
            title: 'Column removed',
            description: 'Readers of the column fail.',
            safeAlternative: 'Stop reading it first.',
            classify: (change) => ({
              // A column named tmp_* is scratch: nobody reads it.
              severity: change.subject.startsWith('tmp_') ? 'non_breaking' : undefined,
              description: `Column ${change.subject} removed`,
              impact: 'Readers fail',
              suggestedMigration: 'Stop reading it first',
              affectedOperations: ['SELECT'],
              script: {
                script_type: 'sql',
                description: `Drop ${change.subject}`,
                script_content: `ALTER TABLE t DROP COLUMN ${change.subject};`,
                rollback_script: `ALTER TABLE t ADD COLUMN ${change.subject} ${String(change.before)};`,
                dependencies: [],
                validation_query: 'SELECT 1',
              },
            }),
          },
        ],
      },
    ],
    sources: [
      {
        id: 'columns',
        checker: 'cols',
        title: 'column list',
        description: 'A document { columns: { name: type } }',
        read: async (input) => ({ model: ((await input.document()) as { columns: Columns }).columns, dialect: null }),
      },
    ],
  });
}

const tester = new RuleTester(columnsPlugin());

describe('RuleTester', () => {
  it('passes valid cases the rule leaves alone and invalid cases reported exactly as expected', async () => {
    expect(
      await tester.run('cols/column-removed', {
        valid: [{ name: 'nothing removed', before: { columns: { id: 'int' } }, after: { columns: { id: 'int', email: 'text' } } }],
        invalid: [
          {
            name: 'email removed',
            before: { columns: { id: 'int', email: 'text' } },
            after: { columns: { id: 'int' } },
            findings: [{ severity: 'breaking', script: 'DROP COLUMN email', rollback: /ADD COLUMN email text;$/ }],
          },
          { name: 'scratch column', before: { columns: { tmp_x: 'int' } }, after: { columns: {} }, findings: [{ severity: 'non_breaking' }] },
        ],
      }),
    ).toEqual([]);
  });

  it('fails a valid case the rule reports, a wrong severity, a wrong count and a script that does not match', async () => {
    const failures = await tester.run('cols/column-removed', {
      valid: [{ name: 'claimed valid', before: { columns: { a: 'int' } }, after: { columns: {} } }],
      invalid: [
        { name: 'severity', before: { columns: { tmp_a: 'int' } }, after: { columns: {} }, findings: [{ severity: 'breaking' }] },
        { name: 'count', before: { columns: { a: 'int', b: 'int' } }, after: { columns: {} }, findings: [{ severity: 'breaking' }] },
        { name: 'script', before: { columns: { a: 'int' } }, after: { columns: {} }, findings: [{ severity: 'breaking', script: 'DROP TABLE' }] },
      ],
    });
    expect(failures).toEqual([
      { rule: 'cols/column-removed', case: 'claimed valid', message: 'must not be reported, but was: Column a removed' },
      { rule: 'cols/column-removed', case: 'severity', message: 'finding 1: expected severity breaking, got non_breaking' },
      {
        rule: 'cols/column-removed',
        case: 'count',
        message: 'expected 1 finding(s) of the rule, got 2 (the report has: cols/column-removed, cols/column-removed)',
      },
      {
        rule: 'cols/column-removed',
        case: 'script',
        message: 'finding 1: its migration script does not match DROP TABLE: "ALTER TABLE t DROP COLUMN a;"',
      },
    ]);
  });

  it('names a rule no loaded checker has, and an input no source reads', async () => {
    expect(await tester.run('cols/column-renamed', { valid: [], invalid: [] })).toEqual([
      { rule: 'cols/column-renamed', case: '-', message: 'no loaded checker has a rule "cols/column-renamed" (rule ids look like "namespace/rule-id")' },
    ]);
    const [failure] = await tester.run('cols/column-removed', { valid: [{ before: 'not a document', after: 'x', fileName: 'schema.bin' }], invalid: [] });
    expect(failure).toMatchObject({ case: 'valid[0]', message: expect.stringMatching(/^check failed: /) });
  });
});
