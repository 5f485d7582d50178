import type { TableOutcome } from '../algorithm/reconcile-table.js';
import type { FoundDifference } from '../algorithm/row-pairing.js';
import type { SideColumn } from '../engines/engine-side.js';
import type { RawValue } from '../normalization/canonical-value.js';
import type { ReconcileReport } from '../report/reconcile-report.js';
import type { Engine } from '../schema/table-shape.js';
import { sqlLiteral } from './sql-literal.js';
import { parentsFirst } from './table-order.js';

const quoteName = (name: string, engine: Engine) => (engine === 'mysql' ? `\`${name.replace(/`/g, '``')}\`` : `"${name.replace(/"/g, '""')}"`);

export interface FixSqlTarget {
  engine: Engine;
  display: string;
  /** PostgreSQL: `SET LOCAL session_replication_role = replica`, so triggers (and FK checks) do not fire. */
  disableTriggers?: boolean;
}

interface TableStatements {
  inserts: string[];
  updates: string[];
  deletes: string[];
  notes: string[];
}

/** `column IS NOT DISTINCT FROM value` for one compared column, in the target's dialect. */
function sameValue(column: SideColumn, value: RawValue, engine: Engine): string {
  const literal = sqlLiteral(value, engine, engine, column);
  const ident = (name: string) => quoteName(name, engine);
  if (engine === 'sqlite') return `${ident(column.name)} IS ${literal}`;
  if (engine === 'mysql') return `${ident(column.name)} <=> ${literal}`;
  // json and types without an equality operator compare by their text.
  if (value !== null && ['json', 'other'].includes(column.pair.family)) return `${ident(column.name)}::text IS NOT DISTINCT FROM ${literal}::text`;
  return `${ident(column.name)} IS NOT DISTINCT FROM ${literal}`;
}

function tableStatements(outcome: TableOutcome, from: Engine, target: FixSqlTarget): TableStatements {
  const { plan, differences } = outcome;
  const ident = (name: string) => quoteName(name, target.engine);
  const t = plan.target;
  const table = t.table.sqlName;
  const columns = [...t.key, ...t.columns];
  const out: TableStatements = { inserts: [], updates: [], deletes: [], notes: [] };
  const keyless = t.key.length === 0;
  // Generated columns are computed by the target itself: never written.
  const insertColumns = columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.shape.generated);
  const overriding = target.engine === 'postgres' && insertColumns.some(({ c }) => c.shape.identityAlways) ? ' OVERRIDING SYSTEM VALUE' : '';
  const generated = columns.filter((c) => c.shape.generated).map((c) => c.name);
  if (generated.length) out.notes.push(`-- ${plan.name}: generated column(s) ${generated.join(', ')} are not written; the target computes them.`);
  if (plan.columnsOnlyInTarget.length || t.table.columns.length > columns.length)
    out.notes.push(`-- ${plan.name}: INSERTs list the compared columns only; the target's other columns get their defaults.`);
  const keyCondition = (row: RawValue[]) =>
    t.key.map((column, i) => `${ident(column.name)} = ${sqlLiteral(row[i]!, target.engine, target.engine, column)}`).join(' AND ');
  // A row that no key addresses (no key, a duplicate or NULL key): delete one row with exactly these values.
  const deleteOne = (row: RawValue[]) => {
    const match = columns.map((c, i) => sameValue(c, row[i]!, target.engine)).join(' AND ');
    if (target.engine === 'mysql') return `DELETE FROM ${table} WHERE ${match} LIMIT 1;`;
    return target.engine === 'postgres'
      ? `DELETE FROM ${table} WHERE (tableoid, ctid) = (SELECT tableoid, ctid FROM ${table} WHERE ${match} LIMIT 1);`
      : `DELETE FROM ${table} WHERE rowid = (SELECT rowid FROM ${table} WHERE ${match} LIMIT 1);`;
  };
  for (const d of differences as FoundDifference[]) {
    const unaddressable = keyless || d.duplicateKey;
    if (d.kind === 'missing') {
      const values = insertColumns.map(({ c, i }) => sqlLiteral(d.sourceRow![i]!, from, target.engine, c));
      out.inserts.push(`INSERT INTO ${table} (${insertColumns.map(({ c }) => ident(c.name)).join(', ')})${overriding} VALUES (${values.join(', ')});`);
    } else if (d.kind === 'extra') {
      out.deletes.push(unaddressable ? deleteOne(d.targetRow!) : `DELETE FROM ${table} WHERE ${keyCondition(d.targetRow!)};`);
    } else {
      const sets: string[] = [];
      for (const diff of d.columns) {
        const i = columns.findIndex((_, index) => index >= t.key.length && plan.columns[index - t.key.length] === diff.column);
        const column = columns[i]!;
        if (column.shape.generated) continue;
        sets.push(`${ident(column.name)} = ${sqlLiteral(d.sourceRow![i]!, from, target.engine, column)}`);
      }
      if (sets.length) out.updates.push(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${keyCondition(d.targetRow!)};`);
    }
  }
  return out;
}

/**
 * SQL that would make the target match the source for the compared rows and columns, in the
 * target's dialect, like pt-table-sync --print. It is printed, never executed. Order: INSERTs
 * with parents before children, then UPDATEs, then DELETEs with children before parents, so
 * foreign keys hold after every statement. Generated columns are never written; rows no key
 * addresses (tables without a key, duplicate or NULL keys) are deleted one at a time by all their
 * values. Timestamps with a time zone are written with their offset, so the session's TimeZone
 * does not matter.
 */
export function generateFixSql(report: ReconcileReport, outcomes: TableOutcome[], target: FixSqlTarget): string {
  const lines = [
    `-- migration-architect reconcile: SQL that would make ${target.display} match ${report.source.database}`,
    `-- for the compared columns (${report.options.where ? `rows where ${report.options.where}` : 'all rows'}). Generated ${report.generated_at}.`,
    '-- Review it before running it: reconcile never executes it.',
    ...(target.engine === 'mysql' ? ["SET time_zone = '+00:00';", 'START TRANSACTION;'] : ['BEGIN;']),
  ];
  const from = report.source.engine;
  const changing = outcomes.filter((o) => o.differences.length > 0);
  const { ordered, cyclic } = parentsFirst(
    changing,
    (o) => o.plan.target.table.sqlName,
    (o) => o.plan.target.table.references ?? [],
  );
  if (cyclic.length)
    lines.push(
      `-- Tables ${cyclic.map((o) => o.plan.name).join(', ')} reference each other: make their foreign keys DEFERRABLE and SET CONSTRAINTS ALL DEFERRED, or disable triggers.`,
    );
  const triggered = changing.filter((o) => (o.plan.target.table.triggers ?? []).length > 0);
  if (target.engine === 'postgres' && target.disableTriggers) {
    lines.push(
      '-- Triggers and foreign-key checks do not fire in this transaction (needs a superuser, or on PostgreSQL 15+ a role granted SET on session_replication_role):',
      'SET LOCAL session_replication_role = replica;',
    );
  } else {
    for (const o of triggered) {
      const names = o.plan.target.table.triggers!.join(', ');
      lines.push(
        target.engine === 'postgres'
          ? `-- ${o.plan.name} has trigger(s) ${names}: they fire on these statements and may rewrite the restored values. Rerun with --fix-sql-disable-triggers to write SET LOCAL session_replication_role = replica, or disable them by hand.`
          : `-- ${o.plan.name} has trigger(s) ${names}: they fire on these statements and may rewrite the restored values; ${target.engine === 'mysql' ? 'MySQL' : 'SQLite'} cannot switch them off for one session: drop them around this script.`,
      );
    }
  }
  const statements = new Map(ordered.map((o) => [o, tableStatements(o, from, target)]));
  for (const o of ordered) {
    const count = (kind: string) => o.differences.filter((d) => d.kind === kind).length;
    lines.push(`-- ${o.plan.name}: ${count('missing')} missing, ${count('extra')} extra, ${count('changed')} changed`, ...statements.get(o)!.notes);
  }
  const section = (title: string, pick: (s: TableStatements) => string[], order: TableOutcome[]) => {
    const body = order.flatMap((o) => pick(statements.get(o)!));
    if (body.length) lines.push('', title, ...body);
  };
  section('-- Missing rows, parents before children:', (s) => s.inserts, ordered);
  section('-- Changed rows:', (s) => s.updates, ordered);
  section('-- Extra rows, children before parents:', (s) => s.deletes, [...ordered].reverse());
  lines.push('', 'COMMIT;', '');
  return lines.join('\n');
}
