import { batchedUpdate } from '../sql/batched-update.js';
import { renderDefault } from '../sql/column-definition.js';
import { dropNotNull, setNotNull } from '../sql/constraint-ddl.js';
import { quoteIdentifier, quoteQualifiedName } from '../sql/identifier.js';
import { columnQuery } from '../sql/catalog-queries.js';
import { defineDatabaseRule } from './database-rule.js';
import { sqlScript } from './migration-script.js';

export const nullabilityRestriction = defineDatabaseRule({
  id: 'nullability-restriction',
  code: 'DB202',
  issueType: 'nullability_restriction',
  change: 'column.nullability_changed',
  severity: 'breaking',
  title: 'Column made NOT NULL',
  description:
    'Writes that leave the column empty start failing, and the ALTER fails if any row is NULL. SET NOT NULL on its own scans the whole table under an ACCESS EXCLUSIVE lock.',
  safeAlternative:
    'Backfill NULLs in batches, add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it (writes continue), then SET NOT NULL, which PostgreSQL 12+ accepts without a scan, and drop the check.',
  when: ({ details: { after } }) => !after.nullable,
  classify: ({ details: { tables, after } }) => {
    const table = tables.after;
    const col = quoteIdentifier(after.name);
    const fill = after.default ? renderDefault(after.default) : '{backfill_value}';
    return {
      description: `Column '${after.name}' changed from nullable to NOT NULL`,
      impact: 'Existing NULL values will cause constraint violations, and INSERTs or UPDATEs that write NULL fail from now on',
      suggestedMigration: `Update NULL values to ${after.default ? `the column default (${fill})` : 'a valid value'} in batches before applying NOT NULL through a validated CHECK constraint`,
      affectedOperations: ['INSERT', 'UPDATE'],
      script: sqlScript({
        description: `Make column ${after.name} in table ${table.key} NOT NULL`,
        statements: [
          ...(after.default ? [] : ['-- Replace {backfill_value} with the value NULL rows should get.']),
          batchedUpdate(table, `${col} = ${fill}`, `${col} IS NULL`),
          ...setNotNull(table, after.name),
        ],
        rollback: [dropNotNull(table, after.name)],
        validation: `SELECT count(*) AS null_rows FROM ${quoteQualifiedName(table.schema, table.name)} WHERE ${col} IS NULL;`,
      }),
    };
  },
});

export const nullabilityRelaxed = defineDatabaseRule({
  id: 'nullability-relaxed',
  code: 'DB403',
  issueType: 'nullability_relaxed',
  change: 'column.nullability_changed',
  severity: 'non_breaking',
  title: 'NOT NULL dropped',
  description:
    'Writes that were rejected are now accepted and the ALTER only changes the catalog; readers that assume a value is always present may now receive NULL.',
  safeAlternative: 'Check that readers handle NULL before they can meet one.',
  classify: ({ details: { tables, after } }) => ({
    description: `Column '${after.name}' changed from NOT NULL to nullable`,
    impact: 'Readers may now receive NULL from this column',
    suggestedMigration: 'Make readers NULL-safe, then drop the constraint',
    affectedOperations: ['SELECT'],
    script: sqlScript({
      description: `Allow NULL in column ${after.name} of table ${tables.after.key}`,
      statements: [dropNotNull(tables.after, after.name)],
      rollback: ['-- Fails if NULLs were written since; backfill them first.', ...setNotNull(tables.after, after.name)],
      validation: columnQuery(tables.after, after.name),
    }),
  }),
});
