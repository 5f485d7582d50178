import { groupedNumber } from '@migration-architect/core';
import type { PlanStepContext, PlanStepInput, PlanWork } from '@migration-architect/core';
import { parseColumnType, renderColumnType } from '../schema/column-type.js';
import { batchedUpdate, BATCH_SIZE } from '../sql/batched-update.js';
import { defaultObjectName } from '../sql/constraint-names.js';
import { quoteIdentifier } from '../sql/identifier.js';
import { LOCK_TIMEOUT } from '../sql/session-settings.js';
import { rewritesTable } from './facts.js';
import { recordedDrop } from './recorded-definition-sql.js';
import type { Table } from '../schema/model.js';
import { sqlForChange, tableOf, type ChangeSql } from './schema-change-sql.js';
import { TYPE_CHANGE_TYPES, type Throughput } from './spec-fields.js';
import type { SpecSchemaChange, TableToMigrate } from './spec-readers.js';
import { rateEstimate, tableSize } from './table-sizes.js';
import { sqlName } from './table-steps.js';
import { formatDuration } from './throughput.js';

type Warnings = NonNullable<PlanWork['warnings']>;

/* Where each part of an expand / migrate / contract goes, in order of preference. */
const EXPAND = ['expand', 'setup', 'migration'];
const MIGRATE = ['migrate', 'delta_sync', 'migration', 'validation'];
const CONTRACT = ['contract', 'cleanup', 'cutover'];

/** A metadata-only ALTER: a brief ACCESS EXCLUSIVE lock, retried under lock_timeout. */
const CATALOG_MINUTES = 1;

/** The default downtime budget when the spec states none (the seed's 480 minutes). */
const DEFAULT_BUDGET_MINUTES = 480;

interface ChangeInput {
  change: SpecSchemaChange;
  table: TableToMigrate | undefined;
  tp: Required<Throughput>;
  context: PlanStepContext;
}

function label(change: SpecSchemaChange): string {
  const e = change.entry;
  const what =
    change.column ??
    (e['constraint_name'] as string | undefined) ??
    (e['index_name'] as string | undefined) ??
    (Array.isArray(e['columns']) ? (e['columns'] as string[]).join(', ') : '');
  return `${change.type} ${change.table}${what ? `.${what}` : ''}`;
}

function key(change: SpecSchemaChange, part: string): string {
  return `${change.path.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}-${part}`;
}

const subject = (change: SpecSchemaChange) => ({ kind: 'table', name: change.table! });

/** The checker's script split into the statements that change the schema and those that only validate (VALIDATE CONSTRAINT). */
function splitValidate(script: string): { change: string; validate: string | null } {
  const lines = script.split('\n');
  const validate = lines.filter((l) => /VALIDATE CONSTRAINT/i.test(l));
  return { change: lines.filter((l) => !/VALIDATE CONSTRAINT/i.test(l)).join('\n'), validate: validate.length ? validate.join('\n') : null };
}

function undo(sql: ChangeSql, minutes = CATALOG_MINUTES, name = `Revert: ${sql.script.description}`) {
  return { name, description: `The rollback SQL for "${sql.script.description}"`, scriptType: 'sql' as const, script: sql.script.rollback_script, minutes };
}

/** One step with the checker's SQL, in one phase (add/drop column, drop constraint or index, catalog-only type change). */
function singleStep(input: ChangeInput, sql: ChangeSql, phases: string[], extra: Partial<PlanStepInput> = {}): PlanStepInput {
  return {
    key: key(input.change, 'apply'),
    phases,
    name: sql.script.description,
    description: `${label(input.change)} (${input.change.path}), as \`check\` writes it (rule ${sql.rule})`,
    subject: subject(input.change),
    minutes: CATALOG_MINUTES,
    estimate: `${CATALOG_MINUTES} min (catalog-only change: a brief lock under lock_timeout, retried if it times out)`,
    scriptType: 'sql',
    script: sql.script.script_content,
    validation: sql.script.validation_query,
    rollback: undo(sql),
    ...extra,
  };
}

/**
 * A type change that rewrites the table, through a new column so reads and writes continue:
 * expand (new column kept in sync by a trigger), migrate (batched backfill), contract (swap the
 * names in one short transaction, then drop the old column once nothing reads it).
 */
function shadowColumnSteps(input: ChangeInput, sql: ChangeSql | null, reason: string): PlanStepInput[] {
  const { change, table, tp } = input;
  const name = sqlName(change.table!);
  const column = change.column!;
  const col = quoteIdentifier(column);
  const newType = renderColumnType(parseColumnType(change.newType!).type);
  const shadow = quoteIdentifier(defaultObjectName(column, [], 'new'));
  const old = quoteIdentifier(defaultObjectName(column, [], 'old'));
  const tableName = change.table!.split('.').at(-1)!;
  const fn = quoteIdentifier(defaultObjectName(tableName, [column], 'sync'));
  const size = table ? tableSize(table) : null;
  const rows = size?.rows ?? null;
  const backfill =
    rows === null
      ? { minutes: 0, estimate: `unknown: give row_count for ${change.table} in tables_to_migrate` }
      : rateEstimate(rows, 'rows', tp.backfill_rows_per_second, 'backfill_rows_per_second', size?.note ?? null);
  const check =
    rows === null
      ? { minutes: 0, estimate: 'unknown: give row_count' }
      : rateEstimate(rows, 'rows', tp.validation_rows_per_second, 'validation_rows_per_second', size?.note ?? null);
  const parsed = sql ? tableOf(sql.after, change.table!) : undefined;
  // The spec's primary_key lets batches walk the key instead of ctid.
  const keyed: Table | undefined = parsed && table?.primaryKey ? { ...parsed, primaryKey: { name: null, columns: table.primaryKey } } : parsed;
  const batch = keyed
    ? batchedUpdate(keyed, `${shadow} = ${col}::${newType}`, `${shadow} IS NULL AND ${col} IS NOT NULL`)
    : `UPDATE ${name} SET ${shadow} = ${col}::${newType} WHERE ctid IN (SELECT ctid FROM ${name} WHERE ${shadow} IS NULL AND ${col} IS NOT NULL LIMIT ${BATCH_SIZE});`;
  return [
    {
      key: key(change, 'expand'),
      phases: EXPAND,
      name: `Add ${change.table}.${defaultObjectName(column, [], 'new')} ${newType}, kept in sync by a trigger`,
      description: `${label(change)} ${change.oldType ?? '?'} → ${change.newType} (${change.path}) through a new column: ${reason}`,
      subject: subject(change),
      minutes: 2,
      estimate: '2 min (catalog-only: ADD COLUMN without a default, CREATE TRIGGER)',
      scriptType: 'sql',
      script: [
        LOCK_TIMEOUT,
        `ALTER TABLE ${name} ADD COLUMN ${shadow} ${newType};`,
        `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$`,
        'BEGIN',
        `  NEW.${shadow} := NEW.${col}::${newType};`,
        '  RETURN NEW;',
        'END',
        '$fn$;',
        `CREATE TRIGGER ${fn} BEFORE INSERT OR UPDATE ON ${name} FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
      ].join('\n'),
      validation: `SELECT tgname FROM pg_trigger WHERE tgrelid = '${name.replace(/'/g, "''")}'::regclass AND tgname = '${fn.replace(/"/g, '')}';`,
      rollback: {
        name: `Drop ${change.table}.${defaultObjectName(column, [], 'new')} and its sync trigger`,
        description: 'Remove the new column and the trigger that filled it; the old column was never changed',
        scriptType: 'sql',
        script: [
          LOCK_TIMEOUT,
          `DROP TRIGGER IF EXISTS ${fn} ON ${name};`,
          `DROP FUNCTION IF EXISTS ${fn}();`,
          `ALTER TABLE ${name} DROP COLUMN IF EXISTS ${shadow};`,
        ].join('\n'),
        minutes: 2,
      },
    },
    {
      key: key(change, 'backfill'),
      phases: MIGRATE,
      name: `Backfill ${change.table}.${defaultObjectName(column, [], 'new')}${rows !== null ? ` (${groupedNumber(rows)} rows)` : ''}`,
      description: `Convert existing rows in batches of ${groupedNumber(BATCH_SIZE)}, pausing between batches; new writes are converted by the trigger`,
      subject: subject(change),
      minutes: backfill.minutes,
      estimate: backfill.estimate,
      disruptive: true,
      scriptType: 'sql',
      script: batch,
      validation: `SELECT count(*) AS rows_not_converted FROM ${name} WHERE ${col} IS NOT NULL AND ${shadow} IS NULL;`,
    },
    {
      key: key(change, 'check'),
      phases: MIGRATE,
      name: `Check every ${change.table} row converted`,
      description: 'No row may be left unconverted, and both columns must agree, before the swap',
      subject: subject(change),
      minutes: check.minutes,
      estimate: check.estimate,
      disruptive: true,
      scriptType: 'sql',
      script: `SELECT count(*) AS mismatches FROM ${name} WHERE ${shadow} IS DISTINCT FROM ${col}::${newType};  -- must be 0`,
    },
    {
      key: key(change, 'swap'),
      phases: CONTRACT,
      name: `Swap ${change.table}.${column} for the converted column`,
      description:
        'Rename both columns in one short transaction (a brief ACCESS EXCLUSIVE lock) and drop the sync trigger; indexes, defaults and constraints on the old column must be re-created on the new one first (the spec does not list them)',
      subject: subject(change),
      minutes: CATALOG_MINUTES,
      estimate: `${CATALOG_MINUTES} min (catalog-only renames under lock_timeout)`,
      scriptType: 'sql',
      script: [
        'BEGIN;',
        "SET LOCAL lock_timeout = '5s';",
        `ALTER TABLE ${name} RENAME COLUMN ${col} TO ${old};`,
        `ALTER TABLE ${name} RENAME COLUMN ${shadow} TO ${col};`,
        `DROP TRIGGER IF EXISTS ${fn} ON ${name};`,
        'COMMIT;',
      ].join('\n'),
      validation: `SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = '${name.replace(/'/g, "''")}'::regclass AND attname = '${column.replace(/'/g, "''")}';`,
      rollback: {
        name: `Swap ${change.table}.${column} back`,
        description: `Rename the columns back so ${column} is the ${change.oldType ?? 'old'} column again (possible until the old column is dropped)`,
        scriptType: 'sql',
        script: [
          'BEGIN;',
          "SET LOCAL lock_timeout = '5s';",
          `ALTER TABLE ${name} RENAME COLUMN ${col} TO ${shadow};`,
          `ALTER TABLE ${name} RENAME COLUMN ${old} TO ${col};`,
          'COMMIT;',
        ].join('\n'),
        minutes: CATALOG_MINUTES,
      },
    },
  ];
}

function typeChangeSteps(input: ChangeInput, sql: ChangeSql | null, warnings: Warnings): PlanStepInput[] {
  const { change, table, tp, context } = input;
  if (!rewritesTable(change) && sql) return [singleStep(input, sql, EXPAND)];
  const size = table ? tableSize(table) : null;
  const zero = context.facts.some((f) => f.id === 'zero-downtime');
  const budget = context.maxDowntimeMinutes ?? DEFAULT_BUDGET_MINUTES;
  if (size?.mb == null || !change.oldType) {
    if (!table)
      warnings.push({
        code: 'table-without-size',
        message: `${change.table} is changed by ${change.path} but not listed in tables_to_migrate: its rewrite cannot be sized, so it is planned through a new column`,
        path: change.path,
      });
    return shadowColumnSteps(
      input,
      sql,
      size?.mb == null ? 'the table size is unknown, so an in-place rewrite could lock it for any length of time' : 'old_type is not given',
    );
  }
  const rewrite = rateEstimate(size.mb, 'MB', tp.rewrite_mb_per_second, 'rewrite_mb_per_second', size.note);
  if (zero || rewrite.minutes > budget || !sql) {
    const why = zero
      ? `an in-place ALTER would block reads and writes for ~${formatDuration(rewrite.minutes)} (${rewrite.estimate}), and the spec allows ${context.maxDowntimeMinutes} min of downtime`
      : `an in-place ALTER would block reads and writes for ~${formatDuration(rewrite.minutes)} (${rewrite.estimate}), more than the ${budget}-minute downtime budget`;
    return shadowColumnSteps(input, sql, why);
  }
  return [
    singleStep(input, sql, EXPAND, {
      name: `${sql.script.description} (table rewrite in the window)`,
      minutes: rewrite.minutes,
      estimate: `${rewrite.estimate}: PostgreSQL rewrites the table and its indexes under an ACCESS EXCLUSIVE lock`,
      downtime: true,
      rollback: undo(sql, rewrite.minutes),
    }),
  ];
}

/**
 * Steps for one spec change: the checker's SQL for the change, split over expand / migrate /
 * contract where the pattern has those phases, each sized from the table.
 */
function changeSteps(input: ChangeInput, warnings: Warnings): PlanStepInput[] {
  const { change, table, tp } = input;
  let sql: ChangeSql | null = null;
  try {
    sql = sqlForChange(change);
  } catch (error) {
    warnings.push({
      code: 'change-without-sql',
      message: `no SQL for ${label(change)}: ${error instanceof Error ? error.message : String(error)}`,
      path: change.path,
    });
  }
  if ((TYPE_CHANGE_TYPES as readonly string[]).includes(change.type)) return typeChangeSteps(input, sql, warnings);
  if (!sql) {
    if (!warnings.some((w) => w.path === change.path)) {
      warnings.push({
        code: 'change-without-sql',
        message: `no SQL is generated for change type "${change.type}": planned as a manual step`,
        path: `${change.path}.type`,
      });
    }
    return [
      {
        key: key(change, 'manual'),
        phases: EXPAND,
        name: `Apply ${label(change)}`,
        description: `Write and review the SQL for ${change.path} by hand`,
        subject: subject(change),
        minutes: 15,
        estimate: '15 min (assumed: a manual change)',
      },
    ];
  }
  const size = table ? tableSize(table) : null;
  switch (change.type) {
    case 'add_column':
    case 'add_index':
      if (change.type === 'add_index' && size?.mb != null) {
        const build = rateEstimate(size.mb, 'MB', tp.index_build_mb_per_second, 'index_build_mb_per_second', size.note);
        return [
          singleStep(input, sql, EXPAND, {
            minutes: build.minutes,
            estimate: `${build.estimate} (CREATE INDEX CONCURRENTLY: reads and writes continue)`,
            disruptive: true,
          }),
        ];
      }
      return [singleStep(input, sql, EXPAND)];
    case 'add_constraint': {
      const parts = splitValidate(sql.script.script_content);
      const steps = [singleStep(input, sql, EXPAND, { script: parts.change })];
      if (parts.validate) {
        const rows = size?.rows ?? null;
        const scan =
          rows === null
            ? { minutes: 0, estimate: `unknown: give row_count for ${change.table}` }
            : rateEstimate(rows, 'rows', tp.validation_rows_per_second, 'validation_rows_per_second', size?.note ?? null);
        steps.push({
          key: key(change, 'validate'),
          phases: MIGRATE,
          name: `Validate ${String(change.entry['constraint_name'] ?? 'the new constraint')} on ${change.table}`,
          description: 'VALIDATE CONSTRAINT scans the existing rows under SHARE UPDATE EXCLUSIVE: reads and writes continue',
          subject: subject(change),
          minutes: scan.minutes,
          estimate: scan.estimate,
          disruptive: true,
          scriptType: 'sql',
          script: parts.validate,
          validation: sql.script.validation_query,
        });
      }
      return steps;
    }
    case 'drop_constraint':
    case 'drop_index': {
      const name = String(change.entry[change.type === 'drop_index' ? 'index_name' : 'constraint_name']);
      const recorded = recordedDrop(change.type === 'drop_index' ? 'index' : 'constraint', change.table!, name);
      return [
        singleStep(input, sql, CONTRACT, {
          script: `${recorded.record}\n${sql.script.script_content}`,
          rollback: { ...undo(sql), script: recorded.rollback },
        }),
      ];
    }
    case 'drop_column':
      return [singleStep(input, sql, CONTRACT)];
    default:
      // rename_column: clients must follow; it goes last.
      return [singleStep(input, sql, CONTRACT)];
  }
}

export function schemaChangeSteps(
  changes: SpecSchemaChange[],
  tables: TableToMigrate[],
  tp: Required<Throughput>,
  context: PlanStepContext,
  warnings: Warnings,
): PlanStepInput[] {
  return changes.flatMap((change) => changeSteps({ change, table: tables.find((t) => t.name === change.table), tp, context }, warnings));
}
