import { aroundDependentTriggers, triggersUsingColumn } from '../sql/trigger-ddl.js';
import type { RuleOutcome } from '@migration-architect/core';
import type { ColumnPairDetails, DatabaseChange } from '../schema/changes.js';
import { describeColumnType, renderColumnType } from '../schema/column-type.js';
import { compareColumnTypes, type TypeCompatibility } from '../schema/type-compatibility.js';
import { batchedUpdate } from '../sql/batched-update.js';
import { columnQuery } from '../sql/catalog-queries.js';
import { aroundExpressionIndexes, dropColumnDependents, recreateColumnDependents } from '../sql/column-dependents.js';
import { alterTable, setNotNull } from '../sql/constraint-ddl.js';
import { defaultObjectName } from '../sql/constraint-names.js';
import { conversionCheckQuery } from '../sql/conversion-checks.js';
import { quoteIdentifier, quoteQualifiedName, regclass } from '../sql/identifier.js';
import { aroundDependentViews, viewsUsingColumn } from '../sql/dependent-views.js';
import { defineDatabaseRule, type DatabaseRuleContext } from './database-rule.js';
import { sqlScript } from './migration-script.js';
import { castExists, conversionChoice, conversionExpression } from '../sql/type-casts.js';
import { columnExists, guardedBlock, raiseNotice } from '../sql/rollback-guards.js';
import { renderDefault } from '../sql/column-definition.js';
import { quoteLiteral } from '../sql/literal.js';
import { columnSwap, swappable } from '../sql/column-swap.js';
import { keysHolding, moveKeys } from '../sql/column-keys.js';

const compatibility = ({ before, after }: ColumnPairDetails) => compareColumnTypes(before.type, after.type);

const REWRITE_NOTE = 'PostgreSQL rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, blocking reads and writes for the duration';
const CATALOG_NOTE = 'catalog-only change: no table rewrite, only a brief ACCESS EXCLUSIVE lock';

function lockNote(result: TypeCompatibility): string {
  return result.rewritesTable ? REWRITE_NOTE : CATALOG_NOTE;
}

/**
 * `ALTER COLUMN … TYPE`, with USING only where PostgreSQL has no assignment cast between the types:
 * a needless USING is harmless, but leaving it out where one is needed is an error.
 */
function alterType({ tables, before, after }: ColumnPairDetails, target = after): string {
  const col = quoteIdentifier(after.name);
  const type = renderColumnType(target.type);
  const jsonSwap = before.type.name !== target.type.name && [before.type.name, target.type.name].some((n) => n === 'json' || n === 'jsonb');
  const needsUsing = jsonSwap || compareColumnTypes(before.type, target.type).severity === 'breaking';
  return `${alterTable(tables.after)} ALTER COLUMN ${col} TYPE ${type}${needsUsing ? ` USING ${conversionExpression(col, before.type, target.type, type)}` : ''};`;
}

/**
 * An in-place ALTER … TYPE with its reverse (which fails if new values do not fit the old type).
 * Views on the column exist in their old form when the script runs, and PostgreSQL refuses the
 * ALTER while they do, so they are dropped and recreated around it; so are triggers that name the column.
 */
function inPlaceScript(
  change: DatabaseChange<'column.type_changed' | 'column.length_changed'>,
  context: DatabaseRuleContext,
  description: string,
  validation: string,
) {
  const details = change.details;
  const reverse: ColumnPairDetails = { tables: details.tables, before: details.after, after: details.before };
  const views = viewsUsingColumn(context.before, details.tables.before, details.before.name);
  const triggers = triggersUsingColumn(context.before.triggers, details.tables.before.key, details.before.name);
  return sqlScript({
    description,
    statements: aroundExpressionIndexes(
      aroundDependentTriggers(aroundDependentViews([alterType(details)], views, views), triggers),
      details.tables.before,
      details.tables.after,
      details.before.name,
    ),
    rollback: [
      `-- Fails if values written since do not fit ${describeColumnType(details.before.type)}.`,
      ...aroundExpressionIndexes(
        aroundDependentTriggers(aroundDependentViews([alterType(reverse)], views, views), triggers),
        details.tables.after,
        details.tables.before,
        details.after.name,
      ),
    ],
    validation,
  });
}

function viewNote(change: DatabaseChange<'column.type_changed' | 'column.length_changed'>, context: DatabaseRuleContext): string {
  const views = viewsUsingColumn(context.before, change.details.tables.before, change.details.before.name);
  return views.length ? `; views ${views.map((v) => v.key).join(', ')} use the column and must be recreated around the ALTER` : '';
}

function typeOutcome(
  change: DatabaseChange<'column.type_changed'>,
  context: DatabaseRuleContext,
  result: TypeCompatibility,
  text: Omit<RuleOutcome, 'impact' | 'script'>,
): RuleOutcome {
  const { tables, before, after } = change.details;
  if (result.rewritesTable && swappable(context.before, change.details)) {
    const swap = columnSwap(change.details);
    const description = `Change type of column ${after.name} in table ${tables.after.key} from ${describeColumnType(before.type)} to ${describeColumnType(after.type)} through a new column`;
    return {
      ...text,
      impact: `${result.reason}; done in place PostgreSQL would rewrite the table under an ACCESS EXCLUSIVE lock, so the script converts through a new column instead (the lock is held only for the renames)`,
      script: sqlScript({ description, statements: swap.statements, rollback: swap.rollback, validation: columnQuery(tables.after, after.name) }),
      contractScript: sqlScript({
        description: `Contract: drop column ${defaultObjectName(after.name, [], 'old')} from table ${tables.after.key}`,
        statements: swap.contract.statements,
        rollback: swap.contract.rollback,
        validation: columnQuery(tables.after, defaultObjectName(after.name, [], 'old')).replace(/;$/, ' -- expect no row;'),
        dependencies: [description],
      }),
    };
  }
  return {
    ...text,
    impact: `${result.reason}; ${lockNote(result)}${viewNote(change, context)}`,
    script: inPlaceScript(
      change,
      context,
      `Change type of column ${after.name} in table ${tables.after.key} from ${describeColumnType(before.type)} to ${describeColumnType(after.type)}`,
      result.severity === 'non_breaking' ? columnQuery(tables.after, after.name) : conversionCheckQuery(tables.after, after.name, before.type, after.type),
    ),
  };
}

export const incompatibleTypeChange = defineDatabaseRule({
  id: 'incompatible-type-change',
  code: 'DB118',
  issueType: 'incompatible_type_change',
  change: 'column.type_changed',
  severity: 'breaking',
  title: 'Column type changed to an incompatible type',
  description:
    'Clients read and write values of another kind (a number becomes text, a boolean becomes an integer): queries that compare, bind or parse the column break, and an in-place ALTER needs a USING expression that fails on the first row it cannot convert, after locking and rewriting the table.',
  safeAlternative:
    'Add a column of the new type, write both from the application, backfill in batches, move readers over, then drop the old column (expand/contract).',
  when: ({ details }) => compatibility(details).severity === 'breaking',
  classify: ({ details }, context) => {
    const { tables, before, after } = details;
    const result = compatibility(details);
    const table = tables.after;
    const name = quoteQualifiedName(table.schema, table.name);
    const col = quoteIdentifier(after.name);
    const shadow = defaultObjectName(after.name, [], 'new');
    const old = defaultObjectName(after.name, [], 'old');
    const type = renderColumnType(after.type);
    const oldType = renderColumnType(before.type);
    const alter = alterTable(table);
    const description = `Convert column ${after.name} in table ${table.key} from ${describeColumnType(before.type)} to ${describeColumnType(after.type)} through a new column`;
    // A key on the column moves with the switch: otherwise the old column cannot drop NOT NULL, and its DROP takes the key along.
    const forwardKeys = moveKeys(table, keysHolding(table, after.name), after.name, shadow, { from: context.before, to: context.after });
    const backKeys = moveKeys(tables.before, keysHolding(tables.before, before.name), before.name, old, { from: context.after, to: context.before });
    // A primary key attaches only to NOT NULL columns: set before the switch, not after it.
    const notNullFirst = !after.nullable && forwardKeys.prepare.length > 0;
    const oldNotNullFirst = !before.nullable && backKeys.prepare.length > 0;
    const comment = (text: string | null | undefined) => (text ? [`COMMENT ON COLUMN ${name}.${col} IS ${quoteLiteral(text)};`] : []);
    // A serial column's sequence is owned by the column: it moves to the switched one with its default, or the
    // old column's drop takes it along (DIFF_SEED=90185). Named as the schema that has it names it.
    const serialSequence = (schema: DatabaseRuleContext['before'], key: string, column: string) => {
      const owned = schema.sequences.find((q) => q.ownedBy?.table === key && q.ownedBy.column === column);
      return quoteQualifiedName(table.schema, owned?.name ?? defaultObjectName(table.name, [column], 'seq'));
    };
    const moveSerial = (serial: boolean, sequence: string, left: string) =>
      serial
        ? [
            `ALTER SEQUENCE ${sequence} OWNED BY ${name}.${col};`,
            `${alter} ALTER COLUMN ${col} SET DEFAULT nextval(${quoteLiteral(sequence)}::regclass);`,
            `${alter} ALTER COLUMN ${quoteIdentifier(left)} DROP DEFAULT;`,
          ]
        : [];
    const forwardSerial = moveSerial(after.identity === 'serial', serialSequence(context.after, tables.after.key, after.name), old);
    const backSerial = moveSerial(before.identity === 'serial', serialSequence(context.before, tables.before.key, before.name), shadow);
    // The switch, once readers use the new column: renames in one short transaction, then the old values go.
    const contract = [
      `-- Later release, once every reader and writer uses ${shadow}: switch the names, then drop the old values.`,
      ...(notNullFirst ? setNotNull(table, shadow) : []),
      ...forwardKeys.prepare,
      'BEGIN;',
      `${alter} RENAME COLUMN ${col} TO ${quoteIdentifier(old)};`,
      `${alter} RENAME COLUMN ${quoteIdentifier(shadow)} TO ${col};`,
      ...(before.default ? [`${alter} ALTER COLUMN ${quoteIdentifier(old)} DROP DEFAULT;`] : []),
      ...(after.default ? [`${alter} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(after.default)};`] : []),
      ...forwardSerial,
      ...forwardKeys.swap,
      ...(!before.nullable ? [`${alter} ALTER COLUMN ${quoteIdentifier(old)} DROP NOT NULL;`] : []),
      // The comment stays with the old column: the switched one gets the after schema's.
      ...comment(after.comment),
      'COMMIT;',
      ...forwardKeys.afterCommit,
      ...(!after.nullable && !notNullFirst ? setNotNull(table, after.name) : []),
      `${alter} DROP COLUMN IF EXISTS ${quoteIdentifier(old)};`,
      // The old column's checks and indexes went with it; the after schema's, on the switched column, come now.
      ...recreateColumnDependents(tables.after, after.name),
    ];
    const contractRollback = [
      `-- The old values were dropped: ${after.name} comes back as ${describeColumnType(before.type)}${castExists(after.type, before.type) ? ', converted from the new column where PostgreSQL can cast' : ' without its values (restore them from the dump taken before the change)'}.`,
      `${alter} ADD COLUMN IF NOT EXISTS ${quoteIdentifier(old)} ${oldType};`,
      // The contract step's checks and indexes on the new column give their names back to the old one's.
      ...dropColumnDependents(tables.after, after.name),
      ...(castExists(after.type, before.type) ? [`UPDATE ${name} SET ${quoteIdentifier(old)} = ${col}::${oldType};`] : []),
      ...(oldNotNullFirst ? setNotNull(table, old) : []),
      ...backKeys.prepare,
      'BEGIN;',
      ...(after.default ? [`${alter} ALTER COLUMN ${col} DROP DEFAULT;`] : []),
      `${alter} RENAME COLUMN ${col} TO ${quoteIdentifier(shadow)};`,
      `${alter} RENAME COLUMN ${quoteIdentifier(old)} TO ${col};`,
      ...(before.default ? [`${alter} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(before.default)};`] : []),
      ...backSerial,
      ...backKeys.swap,
      ...(!after.nullable ? [`${alter} ALTER COLUMN ${quoteIdentifier(shadow)} DROP NOT NULL;`] : []),
      ...comment(before.comment),
      'COMMIT;',
      ...backKeys.afterCommit,
      ...(!before.nullable && !oldNotNullFirst ? setNotNull(table, after.name) : []),
      ...recreateColumnDependents(tables.before, before.name),
    ];
    return {
      description: `Column '${after.name}' type changed from ${describeColumnType(before.type)} to ${describeColumnType(after.type)}`,
      impact: `${result.reason}; an in-place ALTER locks and rewrites the table`,
      suggestedMigration: `Expand/contract: add ${shadow} ${type}, dual-write, backfill in batches, switch readers, then drop ${after.name} and rename ${shadow}`,
      affectedOperations: ['SELECT', 'INSERT', 'UPDATE', 'WHERE clauses'],
      script: sqlScript({
        description,
        statements: [
          `${alterTable(table)} ADD COLUMN ${quoteIdentifier(shadow)} ${type};`,
          `-- Write both columns from the application (or a trigger) first; adjust the conversion expression as needed.`,
          ...(conversionChoice(col, before.type, after.type)
            ? [`-- Replace {conversion_expression} with how ${after.name} converts: ${conversionChoice(col, before.type, after.type)}.`]
            : conversionExpression(col, before.type, after.type, type).startsWith('{')
              ? [
                  `-- PostgreSQL has no cast from ${describeColumnType(before.type)} to ${describeColumnType(after.type)}: replace {conversion_expression} with how ${after.name} converts (an expression of ${col}).`,
                ]
              : []),
          batchedUpdate(
            table,
            `${quoteIdentifier(shadow)} = ${conversionExpression(col, before.type, after.type, type)}`,
            `${quoteIdentifier(shadow)} IS NULL AND ${col} IS NOT NULL`,
          ),
          `-- Contract: the contract step switches the names and drops ${old} in a later release, once readers use ${shadow}.`,
        ],
        // From any state: drops our shadow column when it exists; after the project's own in-place change, converts back.
        rollback: [
          guardedBlock([
            { when: columnExists(table, shadow), run: [`${alterTable(table)} DROP COLUMN ${quoteIdentifier(shadow)};`] },
            {
              when: `(SELECT atttypid FROM pg_attribute WHERE attrelid = ${regclass(table)} AND attname = ${quoteLiteral(after.name)} AND NOT attisdropped) <> ${quoteLiteral(renderColumnType(before.type))}::regtype`,
              run: castExists(after.type, before.type)
                ? [
                    `${alterTable(table)} ALTER COLUMN ${col} DROP DEFAULT;`,
                    `${alterTable(table)} ALTER COLUMN ${col} TYPE ${renderColumnType(before.type)} USING ${col}::${renderColumnType(before.type)};`,
                    ...(before.default ? [`${alterTable(table)} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(before.default)};`] : []),
                  ]
                : [
                    raiseNotice(
                      `${table.key}.${after.name}: changed in place to ${describeColumnType(after.type)}, which PostgreSQL cannot cast back to ${describeColumnType(before.type)}; the column is restored as ${describeColumnType(before.type)} without its values (restore them from the dump taken before the change)`,
                    ),
                    `${alterTable(table)} ALTER COLUMN ${col} DROP DEFAULT;`,
                    `${alterTable(table)} ALTER COLUMN ${col} TYPE ${renderColumnType(before.type)} USING NULL;`,
                    ...(before.default ? [`${alterTable(table)} ALTER COLUMN ${col} SET DEFAULT ${renderDefault(before.default)};`] : []),
                  ],
            },
          ]),
        ],
        validation: `SELECT count(*) AS rows_not_converted FROM ${name} WHERE ${col} IS NOT NULL AND ${quoteIdentifier(shadow)} IS NULL;`,
      }),
      contractScript: sqlScript({
        description: `Contract: switch column ${after.name} of table ${table.key} to ${shadow} and drop the old values`,
        statements: contract,
        rollback: contractRollback,
        validation: columnQuery(table, old).replace(/;$/, ' -- expect no row;'),
        dependencies: [description],
      }),
    };
  },
});

export const riskyTypeChange = defineDatabaseRule({
  id: 'risky-type-change',
  code: 'DB210',
  issueType: 'risky_type_change',
  change: 'column.type_changed',
  severity: 'potentially_breaking',
  title: 'Column type narrowed or made less precise',
  description:
    'The new type holds fewer values or less precision than the old one: the ALTER fails on the first row that does not fit, or silently rounds, and it rewrites the table under an ACCESS EXCLUSIVE lock while it runs.',
  safeAlternative:
    'Count the rows that would not fit before the migration; on a large table convert through a new column (add, backfill in batches, swap) instead of ALTER … TYPE.',
  when: ({ details }) => compatibility(details).severity === 'potentially_breaking',
  classify: (change, context) => {
    const { before, after } = change.details;
    return typeOutcome(change, context, compatibility(change.details), {
      description: `Column '${after.name}' type changed from ${describeColumnType(before.type)} to ${describeColumnType(after.type)} - may lose data`,
      suggestedMigration:
        'Validate all existing data can be converted safely (the validation query must return 0), then convert in a maintenance window or through a new column',
      affectedOperations: ['Data integrity', 'INSERT', 'UPDATE'],
    });
  },
});

export const typeWidened = defineDatabaseRule({
  id: 'type-widened',
  code: 'DB302',
  issueType: 'type_widened',
  change: 'column.type_changed',
  severity: 'non_breaking',
  title: 'Column type widened',
  description:
    'The new type holds every old value, so reads and writes keep working. Some widenings only touch the catalog (varchar(n) → text, a longer varchar); others (integer → bigint, real → double precision) rewrite the table and its indexes under an ACCESS EXCLUSIVE lock.',
  safeAlternative:
    'Catalog-only widenings can run as they are; for a rewriting one on a large table, add a new column, backfill it in batches and swap, or run the ALTER in a maintenance window.',
  classify: (change, context) => {
    const { before, after } = change.details;
    return typeOutcome(change, context, compatibility(change.details), {
      description: `Column '${after.name}' type widened from ${describeColumnType(before.type)} to ${describeColumnType(after.type)}`,
      suggestedMigration: compatibility(change.details).rewritesTable
        ? 'Schedule the rewrite for a quiet period, or migrate through a new column on large tables'
        : 'Apply as is',
      affectedOperations: [],
    });
  },
});

const isShorter = ({ before, after }: ColumnPairDetails) =>
  after.type.length !== null && (before.type.length === null || after.type.length < before.type.length);

export const lengthReduction = defineDatabaseRule({
  id: 'length-reduction',
  code: 'DB209',
  issueType: 'length_reduction',
  change: 'column.length_changed',
  severity: 'potentially_breaking',
  title: 'Column length reduced',
  description:
    'Existing values longer than the new limit make the ALTER fail (PostgreSQL does not truncate on ALTER … TYPE) after it has locked the table for a rewrite; afterwards INSERTs and UPDATEs with longer values fail.',
  safeAlternative:
    'Count the values over the limit first; to enforce a shorter limit without a rewrite, add CHECK (char_length(col) <= n) NOT VALID and VALIDATE it instead of shrinking the type.',
  when: ({ details }) => isShorter(details),
  classify: (change, context) => {
    const { tables, before, after } = change.details;
    const result = compatibility(change.details);
    return {
      description: `Column '${after.name}' length reduced from ${before.type.length ?? 'unbounded'} to ${after.type.length}`,
      impact: `${result.reason}; ${lockNote(result)}${viewNote(change, context)}`,
      suggestedMigration:
        'Validate no existing data exceeds new length limit (the validation query must return 0), or enforce the limit with a CHECK constraint instead',
      affectedOperations: ['INSERT', 'UPDATE'],
      script: inPlaceScript(
        change,
        context,
        `Reduce length of column ${after.name} in table ${tables.after.key} to ${after.type.length}`,
        conversionCheckQuery(tables.after, after.name, before.type, after.type),
      ),
    };
  },
});

export const lengthIncrease = defineDatabaseRule({
  id: 'length-increase',
  code: 'DB404',
  issueType: 'length_increase',
  change: 'column.length_changed',
  severity: 'non_breaking',
  title: 'Column length increased',
  description: 'A longer limit accepts every existing value. For varchar PostgreSQL only updates the catalog; char(n) is re-padded, which rewrites the table.',
  safeAlternative: 'Apply as is for varchar; for char(n) on a large table prefer varchar or text.',
  classify: (change, context) => {
    const { tables, before, after } = change.details;
    const result = compatibility(change.details);
    return {
      description: `Column '${after.name}' length increased from ${before.type.length} to ${after.type.length ?? 'unbounded'}`,
      impact: `${result.reason}; ${lockNote(result)}${viewNote(change, context)}`,
      suggestedMigration: 'Apply as is',
      affectedOperations: [],
      script: inPlaceScript(
        change,
        context,
        `Increase length of column ${after.name} in table ${tables.after.key} to ${after.type.length ?? 'unbounded'}`,
        columnQuery(tables.after, after.name),
      ),
    };
  },
});
